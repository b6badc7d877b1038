// Reading the social-security application of a 社保卡 with plain APDUs, behind an APDU transport
// (PC/SC, a reader's serial pass-through, or a simulated card).
import iconv from 'iconv-lite';
import { isValidIdNumber } from '../../protocol/person/id-number.ts';

export interface ApduTransport {
  /** Sends a command APDU; resolves with the response data followed by SW1 SW2. */
  transmit(apdu: Uint8Array): Promise<Uint8Array>;
}

/** The application's DF name, "sx1.sh.社会保障", in GBK bytes. */
export const SSCARD_DF_NAME = iconv.encode('sx1.sh.社会保障', 'gbk');

export const SSCARD_RECORDS = { cardNumber: 0x07, ssNumber: 0x08, name: 0x09, gender: 0x0a, nation: 0x0b, birthDate: 0x0d } as const;

export type SsCardErrorCode = 'locked' | 'not_sscard' | 'bad_data' | 'no_card' | 'transport';

const SSCARD_ERROR_TEXT: Record<SsCardErrorCode, string> = {
  locked: '此卡需要密码或专用设备才能读取，请改用身份证或医保码',
  not_sscard: '未识别到社会保障卡应用，请改用身份证或医保码',
  bad_data: '社保卡信息无法识别，请改用身份证或医保码',
  no_card: '未检测到社保卡',
  transport: '社保卡读卡器通信失败',
};

export class SsCardError extends Error {
  readonly reason: string;
  constructor(
    readonly code: SsCardErrorCode,
    detail: string,
  ) {
    super(`social-security card ${code}: ${detail}`);
    this.name = 'SsCardError';
    this.reason = SSCARD_ERROR_TEXT[code];
  }
}

export interface SsCardIdentity {
  cardNumber: string;
  /** 社会保障号码 = the citizen ID number. */
  idNumber: string;
  name: string;
  gender: '男' | '女';
  nationCode: string;
  /** YYYY-MM-DD */
  birthDate: string;
}

export const selectByName = (name: Uint8Array) => Uint8Array.from([0x00, 0xa4, 0x04, 0x00, name.length, ...name]);
export const selectEf = (fid: number) => Uint8Array.of(0x00, 0xa4, 0x02, 0x00, 0x02, fid >> 8, fid & 0xff);
export const readRecord = (record: number) => Uint8Array.of(0x00, 0xb2, record, 0x04, 0x00);
const getResponse = (length: number) => Uint8Array.of(0x00, 0xc0, 0x00, 0x00, length);

function statusWord(response: Uint8Array): number {
  if (response.length < 2) throw new SsCardError('transport', `response of ${response.length} bytes has no status word`);
  return ((response[response.length - 2] as number) << 8) | (response[response.length - 1] as number);
}

/** Security conditions not met, authentication blocked, or PIN/PSAM needed. */
const LOCKED_STATUS = new Set([0x6982, 0x6983, 0x6985, 0x6988]);

async function command(transport: ApduTransport, apdu: Uint8Array, notFound: SsCardErrorCode = 'bad_data'): Promise<Uint8Array> {
  let response = await transport.transmit(apdu);
  let sw = statusWord(response);
  if (sw >> 8 === 0x61) {
    response = await transport.transmit(getResponse(sw & 0xff));
    sw = statusWord(response);
  }
  if (sw === 0x9000) return response.subarray(0, response.length - 2);
  if (LOCKED_STATUS.has(sw) || sw >> 8 === 0x63) throw new SsCardError('locked', `status ${sw.toString(16)}`);
  if (sw === 0x6a82 || sw === 0x6a86) throw new SsCardError(notFound, `status ${sw.toString(16)}`);
  throw new SsCardError('bad_data', `status ${sw.toString(16)}`);
}

/** A record answers as tag, length, value with the tag equal to the record number. */
function recordValue(record: number, data: Uint8Array): Uint8Array {
  if (data.length < 2 || data[0] !== record || 2 + (data[1] as number) > data.length) {
    throw new SsCardError('bad_data', `record ${record.toString(16)} is not tag-length-value`);
  }
  return data.subarray(2, 2 + (data[1] as number));
}

const bcd = (bytes: Uint8Array) => [...bytes].map((byte) => (byte >> 4).toString(16) + (byte & 0x0f).toString(16)).join('');
const trimText = (text: string) => text.replace(/[\s\u0000\u00ff]+$/u, '');

/** SELECT the application, read the card number (EF05), then EF06: 社会保障号码, 姓名, 性别, 民族, 出生日期. */
export async function readSocialSecurityCard(transport: ApduTransport): Promise<SsCardIdentity> {
  await command(transport, selectByName(SSCARD_DF_NAME), 'not_sscard');
  await command(transport, selectEf(0xef05));
  const cardNumber = trimText(iconv.decode(Buffer.from(recordValue(0x07, await command(transport, readRecord(SSCARD_RECORDS.cardNumber)))), 'gbk'));
  await command(transport, selectEf(0xef06));
  const read = async (record: number) => recordValue(record, await command(transport, readRecord(record)));
  const idNumber = trimText(iconv.decode(Buffer.from(await read(SSCARD_RECORDS.ssNumber)), 'gbk'));
  const name = trimText(iconv.decode(Buffer.from(await read(SSCARD_RECORDS.name)), 'gbk'));
  const genderCode = iconv.decode(Buffer.from(await read(SSCARD_RECORDS.gender)), 'gbk');
  const nationCode = bcd(await read(SSCARD_RECORDS.nation)).slice(-2);
  const birth = bcd(await read(SSCARD_RECORDS.birthDate));

  if (!isValidIdNumber(idNumber)) throw new SsCardError('bad_data', 'social-security number fails its check character');
  if (name === '') throw new SsCardError('bad_data', 'name is blank');
  if (genderCode !== '1' && genderCode !== '2') throw new SsCardError('bad_data', 'gender code is not 1 or 2');
  if (!/^\d{8}$/.test(birth)) throw new SsCardError('bad_data', 'birth date is not BCD YYYYMMDD');
  return {
    cardNumber,
    idNumber,
    name,
    gender: genderCode === '1' ? '男' : '女',
    nationCode,
    birthDate: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`,
  };
}

// ---------------------------------------------------------------------------------------------------------------------
// Serial pass-through: APDUs inside SAM-style frames (the protocol our simulated reader speaks; real readers vary,
// so a different vendor gets its own transport behind ApduTransport).

export const PASS_THROUGH = {
  /** 50 01: is a card present (SW3 9F yes, 80 no). */
  cardStatus: [0x50, 0x01],
  /** 50 02: power the card on; data = ATR. */
  powerOn: [0x50, 0x02],
  /** 50 03: data = command APDU; response data = response APDU. */
  transmit: [0x50, 0x03],
} as const;
