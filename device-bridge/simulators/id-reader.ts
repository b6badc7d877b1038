// A second-generation ID card reader speaking the SAM serial protocol, with a card that can be put on and taken off.
import { encodeIdText } from '../codecs/id-text.ts';
import { decodeSamRequest, encodeSamResponse, SamFrameParser } from '../codecs/sam-frame.ts';
import { encodeReadData, PHOTO_BYTES } from '../codecs/sam-read.ts';
import type { SimIdentity } from '../../protocol/bridge/messages.ts';
import { SimSerialDevice } from './serial-device.ts';

export function identityTextBlock(identity: SimIdentity): Uint8Array {
  return encodeIdText({
    name: identity.name,
    genderCode: identity.gender === '男' ? '1' : '2',
    nationCode: identity.nation,
    birth: identity.birthDate,
    address: identity.address,
    idNumber: identity.idNumber,
    authority: identity.authority,
    validFrom: identity.validFrom,
    validTo: identity.validTo,
    cardType: identity.docType,
  });
}

export class SimIdReader extends SimSerialDevice {
  private readonly parser = new SamFrameParser();
  private card: SimIdentity | null = null;
  /** Scripted errors: the next `times` replies to a command (e.g. "30 1") answer with this SW3 instead. */
  private readonly forced = new Map<string, { sw3: number; times: number }>();
  readonly commands: string[] = [];

  insert(identity: SimIdentity): void {
    this.card = identity;
  }

  remove(): void {
    this.card = null;
  }

  get hasCard(): boolean {
    return this.card !== null;
  }

  failCommand(command: string, sw3: number, times = 1): void {
    this.forced.set(command, { sw3, times });
  }

  protected receive(chunk: Uint8Array): void {
    for (const event of this.parser.push(chunk)) {
      if (event.type === 'error') {
        if (event.error.code !== 'garbage') void this.send(encodeSamResponse(event.error.code === 'checksum' ? 0x10 : 0x11));
        continue;
      }
      const request = decodeSamRequest(event.payload);
      const key = `${request.cmd.toString(16)} ${request.para.toString(16)}`;
      this.commands.push(key);
      const forced = this.forced.get(key);
      if (forced && forced.times-- > 0) void this.send(encodeSamResponse(forced.sw3));
      else void this.send(this.answer(request.cmd, request.para));
    }
  }

  private answer(cmd: number, para: number): Uint8Array {
    const card = this.card;
    if (cmd === 0x11 && para === 0xff) return encodeSamResponse(0x90);
    if (cmd === 0x12 && para === 0xff) return encodeSamResponse(0x90, new TextEncoder().encode('05.01-20261122-0001'.padEnd(16, ' ').slice(0, 16)));
    if (cmd === 0x20 && para === 0x01) return encodeSamResponse(card ? 0x9f : 0x80, new Uint8Array(4));
    if (cmd === 0x20 && para === 0x02) return encodeSamResponse(card ? 0x90 : 0x81, new Uint8Array(8));
    if (cmd === 0x30 && para === 0x01) {
      if (!card) return encodeSamResponse(0x41);
      return encodeSamResponse(0x90, encodeReadData(identityTextBlock(card), new Uint8Array(PHOTO_BYTES).fill(0x57)));
    }
    return encodeSamResponse(0x21);
  }
}
