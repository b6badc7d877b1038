// The 256-byte text block of a second-generation ID card (UTF-16LE, space-padded), decoded and encoded.
import { isValidIdNumber } from '../../protocol/person/id-number.ts';
import { NATIONS } from './nations.ts';

export const ID_TEXT_BYTES = 256;

/** Byte ranges of each field in the text block. */
const FIELDS = {
  name: [0, 30],
  gender: [30, 32],
  nation: [32, 36],
  birth: [36, 52],
  address: [52, 122],
  idNumber: [122, 158],
  authority: [158, 188],
  validFrom: [188, 204],
  validTo: [204, 220],
  reserved: [220, 256],
} as const;
const CARD_TYPE_OFFSET = 248;

export type IdTextErrorCode = 'length' | 'foreigner_card' | 'bad_gender' | 'bad_nation' | 'bad_date' | 'bad_id_number' | 'empty_name';

const ID_TEXT_ERROR_TEXT: Record<IdTextErrorCode, string> = {
  length: '证件信息不完整，请重新放置证件',
  foreigner_card: '暂不支持外国人永久居留身份证，请改用医保码或到窗口办理',
  bad_gender: '证件性别信息无法识别，请重新放置证件',
  bad_nation: '证件民族信息无法识别，请重新放置证件',
  bad_date: '证件日期信息无法识别，请重新放置证件',
  bad_id_number: '证件号码校验未通过，请重新放置证件',
  empty_name: '证件姓名为空，请重新放置证件',
};

export class IdTextError extends Error {
  readonly reason: string;
  constructor(
    readonly code: IdTextErrorCode,
    detail: string,
  ) {
    super(`ID text ${code}: ${detail}`);
    this.name = 'IdTextError';
    this.reason = ID_TEXT_ERROR_TEXT[code];
  }
}

export interface IdCardText {
  docType: 'resident' | 'J';
  name: string;
  gender: '男' | '女';
  nationCode: string | null;
  nation: string | null;
  /** YYYY-MM-DD */
  birthDate: string;
  address: string;
  idNumber: string;
  authority: string;
  /** YYYY-MM-DD */
  validFrom: string;
  /** YYYY-MM-DD or 长期 */
  validTo: string;
}

function field(block: Uint8Array, [start, end]: readonly [number, number]): string {
  return new TextDecoder('utf-16le').decode(block.subarray(start, end)).replace(/[\s\u0000]+$/u, '');
}

function isoDate(value: string, what: string): string {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (!match) throw new IdTextError('bad_date', `${what} is not YYYYMMDD`);
  const [, y, m, d] = match;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (date.getUTCMonth() !== Number(m) - 1 || date.getUTCDate() !== Number(d)) throw new IdTextError('bad_date', `${what} is not a calendar date`);
  return `${y}-${m}-${d}`;
}

export function decodeIdText(block: Uint8Array): IdCardText {
  if (block.length !== ID_TEXT_BYTES) throw new IdTextError('length', `text block of ${block.length} bytes`);
  const marker = block[CARD_TYPE_OFFSET];
  if (marker === 0x49 /* 'I' */) throw new IdTextError('foreigner_card', 'card type I');
  const docType = marker === 0x4a /* 'J' */ ? 'J' : 'resident';

  const name = field(block, FIELDS.name);
  if (name === '') throw new IdTextError('empty_name', 'name field is blank');
  const genderCode = field(block, FIELDS.gender);
  if (genderCode !== '1' && genderCode !== '2') throw new IdTextError('bad_gender', 'gender code is not 1 or 2');
  const nationCode = field(block, FIELDS.nation);
  let nation: string | null = null;
  if (docType === 'resident' || nationCode !== '') {
    nation = NATIONS.get(nationCode) ?? null;
    if (nation === null) throw new IdTextError('bad_nation', 'nation code is not in the table');
  }
  const idNumber = field(block, FIELDS.idNumber);
  if (!isValidIdNumber(idNumber)) throw new IdTextError('bad_id_number', 'check character does not match');
  const validToRaw = field(block, FIELDS.validTo);

  return {
    docType,
    name,
    gender: genderCode === '1' ? '男' : '女',
    nationCode: nation === null ? null : nationCode,
    nation,
    birthDate: isoDate(field(block, FIELDS.birth), 'birth date'),
    address: field(block, FIELDS.address),
    idNumber,
    authority: field(block, FIELDS.authority),
    validFrom: isoDate(field(block, FIELDS.validFrom), 'valid-from date'),
    validTo: validToRaw === '长期' ? '长期' : isoDate(validToRaw, 'valid-to date'),
  };
}

export interface IdTextFields {
  name: string;
  genderCode: '1' | '2';
  nationCode: string;
  /** YYYYMMDD */
  birth: string;
  address: string;
  idNumber: string;
  authority: string;
  validFrom: string;
  /** YYYYMMDD or 长期 */
  validTo: string;
  cardType: 'resident' | 'J' | 'I';
}

/** Encodes a text block as a card holds it (the simulators use it). Fields longer than their slot are cut. */
export function encodeIdText(fields: IdTextFields): Uint8Array {
  const block = new Uint8Array(ID_TEXT_BYTES);
  const put = ([start, end]: readonly [number, number], value: string) => {
    const chars = Math.floor((end - start) / 2);
    const padded = value.slice(0, chars).padEnd(chars, ' ');
    for (let i = 0; i < chars; i++) {
      const code = padded.charCodeAt(i);
      block[start + 2 * i] = code & 0xff;
      block[start + 2 * i + 1] = code >> 8;
    }
  };
  put(FIELDS.name, fields.name);
  put(FIELDS.gender, fields.genderCode);
  put(FIELDS.nation, fields.cardType === 'J' ? '' : fields.nationCode);
  put(FIELDS.birth, fields.birth);
  put(FIELDS.address, fields.address);
  put(FIELDS.idNumber, fields.idNumber);
  put(FIELDS.authority, fields.authority);
  put(FIELDS.validFrom, fields.validFrom);
  put(FIELDS.validTo, fields.validTo);
  put(FIELDS.reserved, '');
  if (fields.cardType !== 'resident') {
    block[CARD_TYPE_OFFSET] = fields.cardType.charCodeAt(0);
    block[CARD_TYPE_OFFSET + 1] = 0;
  }
  return block;
}
