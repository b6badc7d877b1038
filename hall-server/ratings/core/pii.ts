// Personal numbers a citizen types into free text (a 差评 comment): 18-digit ID numbers (check character verified),
// mobile numbers and landline numbers with an area code, in ASCII or full-width digits, with or without the usual
// separators. Found at ingest and masked in what is stored and shown; the original text is sealed apart. Pure.
import { isValidIdNumber } from '../../../protocol/person/id-number.ts';
import { maskIdNumber, maskPhone } from '../../../protocol/person/mask.ts';

export type PersonalNumberKind = 'id_number' | 'mobile' | 'landline';

export interface PersonalNumber {
  kind: PersonalNumberKind;
  start: number;
  end: number;
  /** The number's digits in ASCII (separators removed). */
  digits: string;
}

const D = '[0-9０-９]';
const SEP = '[ \\-－]?';
/** Any run that looks like a number: digits (ASCII or full-width), X for an ID's last character, separators, (+86). */
const CANDIDATE = new RegExp(`(?:[+＋]?(?:86|８６)${SEP})?[(（]?${D}(?:[ \\-－()（）]?${D}){6,17}[)）]?[XxＸｘ]?`, 'gu');

function asciiDigits(text: string): string {
  return text.replace(/[０-９]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[ＸｘxＸ]/gu, 'X');
}

function classify(raw: string): { kind: PersonalNumberKind; digits: string } | null {
  const compact = asciiDigits(raw).replace(/[\s\-－()（）+＋]/gu, '');
  if (/^\d{17}[\dX]$/.test(compact) && isValidIdNumber(compact)) return { kind: 'id_number', digits: compact };
  const national = compact.startsWith('86') && compact.length > 11 ? compact.slice(2) : compact;
  if (/^1[3-9]\d{9}$/.test(national)) return { kind: 'mobile', digits: national };
  if (/^0[1-9]\d{1,2}\d{7,8}$/.test(national) && national.length >= 10 && national.length <= 12) return { kind: 'landline', digits: national };
  return null;
}

/** The personal numbers in `text`, in order. A candidate touching more digits or letters is left alone. */
export function findPersonalNumbers(text: string): PersonalNumber[] {
  const found: PersonalNumber[] = [];
  for (const m of text.matchAll(CANDIDATE)) {
    const raw = m[0].replace(/[ \-－]+$/u, '');
    const start = m.index;
    const end = start + raw.length;
    if (/[0-9０-９A-Za-z]/u.test(text[start - 1] ?? '') || /[0-9０-９A-Za-z]/u.test(text[end] ?? '')) continue;
    const hit = classify(raw);
    if (hit) found.push({ ...hit, start, end });
  }
  return found;
}

function maskOf(n: PersonalNumber): string {
  return n.kind === 'id_number' ? maskIdNumber(n.digits) : maskPhone(n.digits);
}

/** `text` with every personal number masked (138****5678, 210102********1234), and how many were masked. */
export function maskPersonalNumbers(text: string): { masked: string; count: number } {
  const found = findPersonalNumbers(text);
  let masked = '';
  let at = 0;
  for (const n of found) {
    masked += text.slice(at, n.start) + maskOf(n);
    at = n.end;
  }
  return { masked: masked + text.slice(at), count: found.length };
}
