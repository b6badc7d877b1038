// A social-security card reader with a serial APDU pass-through (APDUs inside SAM-style frames) and a simulated card.
import { PASS_THROUGH } from '../codecs/sscard-apdu.ts';
import { decodeSamRequest, encodeSamResponse, SamFrameParser } from '../codecs/sam-frame.ts';
import { respondToApdu, type SimulatedSsCardData } from '../codecs/sscard-card.ts';
import type { SimIdentity } from '../../protocol/bridge/messages.ts';
import { SimSerialDevice } from './serial-device.ts';

/** The answer-to-reset of the simulated card (T=0). */
export const SSCARD_ATR = Uint8Array.of(0x3b, 0x6c, 0x00, 0x00, 0x86, 0x38, 0x53, 0x53, 0x43, 0x41, 0x52, 0x44, 0x00, 0x00, 0x90, 0x00);

export function ssCardFor(identity: SimIdentity, locked: boolean): SimulatedSsCardData {
  return {
    cardNumber: `A${identity.idNumber.slice(-8)}`,
    idNumber: identity.idNumber,
    name: identity.name,
    genderCode: identity.gender === '男' ? '1' : '2',
    nationCode: identity.nation,
    birth: identity.birthDate,
    locked,
  };
}

export class SimSsReader extends SimSerialDevice {
  private readonly parser = new SamFrameParser();
  private card: SimulatedSsCardData | null = null;
  private cardState = { df: false, ef: 0 };

  insert(card: SimulatedSsCardData): void {
    this.card = card;
    this.cardState = { df: false, ef: 0 };
  }

  remove(): void {
    this.card = null;
  }

  protected receive(chunk: Uint8Array): void {
    for (const event of this.parser.push(chunk)) {
      if (event.type === 'error') continue;
      const { cmd, para, data } = decodeSamRequest(event.payload);
      void this.send(this.answer(cmd, para, data));
    }
  }

  private answer(cmd: number, para: number, data: Uint8Array): Uint8Array {
    const [statusCmd, statusPara] = PASS_THROUGH.cardStatus;
    const [powerCmd, powerPara] = PASS_THROUGH.powerOn;
    const [apduCmd, apduPara] = PASS_THROUGH.transmit;
    if (cmd === 0x11 && para === 0xff) return encodeSamResponse(0x90);
    if (cmd === statusCmd && para === statusPara) return encodeSamResponse(this.card ? 0x9f : 0x80);
    if (cmd === powerCmd && para === powerPara) {
      if (!this.card) return encodeSamResponse(0x80);
      this.cardState = { df: false, ef: 0 };
      return encodeSamResponse(0x90, SSCARD_ATR);
    }
    if (cmd === apduCmd && para === apduPara) {
      if (!this.card) return encodeSamResponse(0x80);
      return encodeSamResponse(0x90, respondToApdu(this.card, this.cardState, data));
    }
    return encodeSamResponse(0x21);
  }
}
