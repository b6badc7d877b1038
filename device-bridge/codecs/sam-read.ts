// Commands of the ID card reader and the layout of the read (30 01) response data.
import { SamFrameError, type SamResponse } from './sam-frame.ts';
import { SAM_SW3_FOUND, SAM_SW3_OK } from './sam-status.ts';

export const SAM_COMMANDS = {
  status: [0x11, 0xff],
  samId: [0x12, 0xff],
  find: [0x20, 0x01],
  select: [0x20, 0x02],
  readTextPhoto: [0x30, 0x01],
} as const;

export const PHOTO_BYTES = 1024;

type SamCommand = (typeof SAM_COMMANDS)[keyof typeof SAM_COMMANDS];

/** Success status and data length of each command's reply (the read's data is checked by `readDataLooksRight`). */
const REPLY_SHAPES: Record<string, { success: number; dataBytes: number | 'read' }> = {
  '11 ff': { success: SAM_SW3_OK, dataBytes: 0 },
  '12 ff': { success: SAM_SW3_OK, dataBytes: 16 },
  '20 1': { success: SAM_SW3_FOUND, dataBytes: 4 },
  '20 2': { success: SAM_SW3_OK, dataBytes: 8 },
  '30 1': { success: SAM_SW3_OK, dataBytes: 'read' },
};

const readDataLooksRight = (data: Uint8Array) => data.length >= 4 && (((data[0] as number) << 8) | (data[1] as number)) > 0;

/**
 * Whether a reply can be the answer to `command`: the protocol numbers nothing, so a reply that came too late for its own
 * request must not be taken for the next one. A success reply has the command's success status and data; an error reply
 * has an error status (never another command's success code) and no more data than a success would carry.
 */
export function idReaderReplyFits(command: SamCommand, response: SamResponse): boolean {
  const shape = REPLY_SHAPES[`${command[0].toString(16)} ${command[1].toString(16)}`];
  if (!shape) return true;
  const length = response.data.length;
  if (response.sw3 === shape.success) return shape.dataBytes === 'read' ? readDataLooksRight(response.data) : length === shape.dataBytes;
  if (response.sw3 === SAM_SW3_OK || response.sw3 === SAM_SW3_FOUND) return false;
  return length === 0 || (typeof shape.dataBytes === 'number' && length === shape.dataBytes);
}

/** Response data of 30 01: text length (BE), photo length (BE), text, photo. */
export function decodeReadData(data: Uint8Array): { text: Uint8Array; photo: Uint8Array } {
  if (data.length < 4) throw new SamFrameError('length', `read data of ${data.length} bytes`);
  const textLength = ((data[0] as number) << 8) | (data[1] as number);
  const photoLength = ((data[2] as number) << 8) | (data[3] as number);
  if (data.length !== 4 + textLength + photoLength) {
    throw new SamFrameError('length', `read data of ${data.length} bytes for text ${textLength} + photo ${photoLength}`);
  }
  return { text: data.subarray(4, 4 + textLength), photo: data.subarray(4 + textLength) };
}

export function encodeReadData(text: Uint8Array, photo: Uint8Array): Uint8Array {
  const data = new Uint8Array(4 + text.length + photo.length);
  data[0] = text.length >> 8;
  data[1] = text.length & 0xff;
  data[2] = photo.length >> 8;
  data[3] = photo.length & 0xff;
  data.set(text, 4);
  data.set(photo, 4 + text.length);
  return data;
}
