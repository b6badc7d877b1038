// Pure: what a call says, as a list of spoken words, each of which is one offline clip.
// "请 A零二三 号 到 5 号窗口办理": the ticket number is read digit by digit (零二三), the window as a cardinal number (十二).

export const CHIME = 'chime';

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

/** Ticket digits read one by one: "023" → 零 二 三. Letters stay letters (A). */
export function ticketWords(ticket: string): string[] {
  const words: string[] = [];
  for (const ch of ticket.toUpperCase()) {
    if (ch >= '0' && ch <= '9') words.push(DIGITS[Number(ch)]!);
    else if (ch >= 'A' && ch <= 'Z') words.push(ch);
    else throw new Error(`unexpected character in ticket number: ${JSON.stringify(ch)}`);
  }
  return words;
}

/** A window number as a Chinese cardinal, one word per character: 5 → 五, 10 → 十, 12 → 十 二, 20 → 二 十, 105 → 一 百 零 五. */
export function cardinalWords(n: number): string[] {
  if (!Number.isInteger(n) || n < 0 || n > 999) throw new Error(`window number out of range: ${n}`);
  if (n < 10) return [DIGITS[n]!];
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor((n % 100) / 10);
  const ones = n % 10;
  const words: string[] = [];
  if (hundreds > 0) words.push(DIGITS[hundreds]!, '百');
  if (tens > 0) {
    if (!(hundreds === 0 && tens === 1)) words.push(DIGITS[tens]!);
    words.push('十');
  } else if (hundreds > 0 && ones > 0) {
    words.push('零');
  }
  if (ones > 0) words.push(DIGITS[ones]!);
  return words;
}

/** The full call: chime, 请, ticket, 号, 到, window, 号窗口办理. */
export function callWords(call: { ticket: string; window: number }): string[] {
  return [CHIME, '请', ...ticketWords(call.ticket), '号', '到', ...cardinalWords(call.window), '号窗口办理'];
}

/** The same call as one line of text (for the optional browser speech and for captions). */
export function callText(call: { ticket: string; window: number }): string {
  return `请${call.ticket}号到${call.window}号窗口办理`;
}
