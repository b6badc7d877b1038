// A reply is matched to its request by shape: another command's late reply is never taken for the answer.
import { describe, expect, it } from 'vitest';
import type { SamResponse } from './sam-frame.ts';
import { encodeReadData, idReaderReplyFits, SAM_COMMANDS } from './sam-read.ts';

const reply = (sw3: number, dataBytes = 0): SamResponse => ({ sw1: 0, sw2: 0, sw3, data: new Uint8Array(dataBytes) });
const readReply: SamResponse = { sw1: 0, sw2: 0, sw3: 0x90, data: encodeReadData(new Uint8Array(256), new Uint8Array(1024)) };

describe('idReaderReplyFits', () => {
  it('takes each command’s own success and error replies', () => {
    expect(idReaderReplyFits(SAM_COMMANDS.status, reply(0x90))).toBe(true);
    expect(idReaderReplyFits(SAM_COMMANDS.find, reply(0x9f, 4))).toBe(true);
    expect(idReaderReplyFits(SAM_COMMANDS.find, reply(0x80))).toBe(true);
    expect(idReaderReplyFits(SAM_COMMANDS.find, reply(0x80, 4))).toBe(true);
    expect(idReaderReplyFits(SAM_COMMANDS.select, reply(0x90, 8))).toBe(true);
    expect(idReaderReplyFits(SAM_COMMANDS.select, reply(0x81, 8))).toBe(true);
    expect(idReaderReplyFits(SAM_COMMANDS.readTextPhoto, readReply)).toBe(true);
    expect(idReaderReplyFits(SAM_COMMANDS.readTextPhoto, reply(0x41))).toBe(true);
  });

  it('refuses the late reply of the request before: read → find, find → select, select → read, status → find', () => {
    expect(idReaderReplyFits(SAM_COMMANDS.find, readReply)).toBe(false);
    expect(idReaderReplyFits(SAM_COMMANDS.select, reply(0x9f, 4))).toBe(false);
    expect(idReaderReplyFits(SAM_COMMANDS.readTextPhoto, reply(0x90, 8))).toBe(false);
    expect(idReaderReplyFits(SAM_COMMANDS.find, reply(0x90))).toBe(false);
    expect(idReaderReplyFits(SAM_COMMANDS.readTextPhoto, reply(0x9f, 4))).toBe(false);
  });
});
