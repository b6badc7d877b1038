// CSV for Excel and for the upstream 好差评 platform: UTF-8 with BOM, CRLF, RFC 4180 quoting. Pure.

export const BOM = '\uFEFF';

/** The 12-column upstream layout (../shared/design/domain.md, 好差评). */
export const UPSTREAM_COLUMNS = [
  '办件编号', '事项实施编码', '事项名称', '证件类型', '证件号码', '姓名',
  '联系电话', '收件时间', '承诺办结时间', '法定办结时间', '整体满意度', '评价时间',
] as const;

export interface UpstreamRow {
  caseNo: string;
  itemCode: string;
  itemName: string;
  /** 111 person, 001 unit. */
  idType: '111' | '001' | '';
  idNumber: string;
  name: string;
  phone: string;
  receivedAt: string;
  promisedAt: string;
  legalAt: string;
  /** 5 非常满意 … 1 非常不满意. */
  score: number;
  ratedAt: string;
}

function cell(value: string | number | null): string {
  let s = value === null ? '' : String(value);
  // A leading = + - @ would be run as a formula by Excel; a tab or CR too. Quote it as text instead.
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n']/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function csvLine(values: readonly (string | number | null)[]): string {
  return `${values.map(cell).join(',')}\r\n`;
}

export function upstreamCsv(rows: Iterable<UpstreamRow>): string {
  let out = BOM + csvLine(UPSTREAM_COLUMNS);
  for (const r of rows) {
    out += csvLine([
      r.caseNo, r.itemCode, r.itemName, r.idType, r.idNumber, r.name,
      r.phone, r.receivedAt, r.promisedAt, r.legalAt, r.score, r.ratedAt,
    ]);
  }
  return out;
}

/** A table with a header row, for the full export. */
export function tableCsv(header: readonly string[], rows: Iterable<readonly (string | number | null)[]>): string {
  let out = BOM + csvLine(header);
  for (const r of rows) out += csvLine(r);
  return out;
}

/** The upstream case number: region(6) + 001 + yyyyMMdd + 0 + 6-digit sequence. */
export function upstreamCaseNo(region: string, date: string, seq: number): string {
  if (!/^\d{6}$/.test(region)) throw new RangeError(`region code must be 6 digits, got ${region}`);
  if (!Number.isInteger(seq) || seq < 1 || seq > 999_999) throw new RangeError(`sequence out of range: ${seq}`);
  return `${region}001${date.replaceAll('-', '')}0${String(seq).padStart(6, '0')}`;
}
