// A simulated 社保卡 answering APDUs like a real card: used by the serial reader simulator and unit tests.
import iconv from 'iconv-lite';
import { SSCARD_DF_NAME, type ApduTransport } from './sscard-apdu.ts';

export interface SimulatedSsCardData {
  cardNumber: string;
  idNumber: string;
  name: string;
  genderCode: '1' | '2';
  nationCode: string;
  /** YYYYMMDD */
  birth: string;
  /** Needs PIN/PSAM: answers 69 82 to the application select. */
  locked: boolean;
}

const OK = [0x90, 0x00];

function tlv(tag: number, value: Uint8Array): number[] {
  return [tag, value.length, ...value];
}

const bcdBytes = (digits: string) => Uint8Array.from(digits.match(/../g)?.map((pair) => parseInt(pair, 16)) ?? []);
const padded = (text: string, length: number) => {
  const bytes = new Uint8Array(length);
  bytes.set(iconv.encode(text, 'gbk').subarray(0, length));
  return bytes;
};

export function respondToApdu(card: SimulatedSsCardData, state: { df: boolean; ef: number }, apdu: Uint8Array): Uint8Array {
  const [cla, ins, p1, p2] = apdu;
  if (cla !== 0x00) return Uint8Array.of(0x6e, 0x00);
  if (ins === 0xa4 && p1 === 0x04) {
    const name = apdu.subarray(5, 5 + (apdu[4] ?? 0));
    if (Buffer.compare(Buffer.from(name), Buffer.from(SSCARD_DF_NAME)) !== 0) return Uint8Array.of(0x6a, 0x82);
    if (card.locked) return Uint8Array.of(0x69, 0x82);
    state.df = true;
    return Uint8Array.from(OK);
  }
  if (ins === 0xa4 && p1 === 0x02) {
    if (!state.df) return Uint8Array.of(0x69, 0x85);
    const fid = ((apdu[5] ?? 0) << 8) | (apdu[6] ?? 0);
    if (fid !== 0xef05 && fid !== 0xef06) return Uint8Array.of(0x6a, 0x82);
    state.ef = fid;
    return Uint8Array.from(OK);
  }
  if (ins === 0xb2 && p2 === 0x04) {
    const records: Record<number, Record<number, Uint8Array>> = {
      0xef05: { 0x07: padded(card.cardNumber, 9) },
      0xef06: {
        0x08: padded(card.idNumber, 18),
        0x09: padded(card.name, 30),
        0x0a: padded(card.genderCode, 1),
        0x0b: bcdBytes(card.nationCode),
        0x0d: bcdBytes(card.birth),
      },
    };
    const value = records[state.ef]?.[p1 ?? 0];
    if (!value) return Uint8Array.of(0x6a, 0x83);
    return Uint8Array.from([...tlv(p1 ?? 0, value), ...OK]);
  }
  return Uint8Array.of(0x6d, 0x00);
}

/** An in-memory card as an ApduTransport (for unit tests). */
export function simulatedCardTransport(card: SimulatedSsCardData): ApduTransport {
  const state = { df: false, ef: 0 };
  return { transmit: async (apdu) => respondToApdu(card, state, apdu) };
}
