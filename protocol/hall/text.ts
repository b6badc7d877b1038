// Free text that reaches screens and paper (names, device names, reasons): normalised to NFC, without characters that
// a bystander cannot see or that reorder what they see. Pure and browser-safe (zod only).
import { z } from 'zod';

/** C0/C1 controls (tab and newline included: one-line fields). */
const CONTROL = /\p{Cc}/u;
/** Bidirectional embeddings, overrides and isolates, and the invisible direction marks (LRM, RLM, ALM). */
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
/** Whitespace and zero-width characters trimmed from both ends before the blank check. */
const EDGE_BLANK = /^[\s\u200B-\u200D\u2060\uFEFF\u3000]+|[\s\u200B-\u200D\u2060\uFEFF\u3000]+$/gu;

export type TextProblem = 'lone_surrogate' | 'control' | 'bidi' | 'blank';

/** Why a one-line text is refused, or null. Expects text already trimmed (see `cleanText`). */
export function textProblem(text: string): TextProblem | null {
  if (!text.isWellFormed()) return 'lone_surrogate';
  if (CONTROL.test(text)) return 'control';
  if (BIDI.test(text)) return 'bidi';
  if (text.length === 0) return 'blank';
  return null;
}

/** NFC and trimmed of whitespace and zero-width characters at both ends. A lone surrogate is left for `textProblem`. */
export function cleanText(text: string): string {
  const trimmed = text.replace(EDGE_BLANK, '');
  return trimmed.isWellFormed() ? trimmed.normalize('NFC') : trimmed;
}

const PROBLEM_MESSAGES: Record<TextProblem, (label: string) => string> = {
  lone_surrogate: (label) => `${label}含有无法显示的字符，请重新输入`,
  control: (label) => `${label}含有控制字符，请重新输入`,
  bidi: (label) => `${label}含有改变文字方向的隐藏字符，请重新输入`,
  blank: (label) => `${label}不能为空`,
};

/** A one-line text field: cleaned, then refused with a Chinese message naming `label` when it has a problem. Blank is
 * a problem unless `allowBlank`. */
export function plainText(label: string, maxLength: number, options: { allowBlank?: boolean } = {}) {
  return z
    .string()
    .transform(cleanText)
    .superRefine((text, ctx) => {
      const problem = textProblem(text);
      if (problem && !(problem === 'blank' && options.allowBlank)) ctx.addIssue({ code: 'custom', message: PROBLEM_MESSAGES[problem](label) });
      else if ([...text].length > maxLength) ctx.addIssue({ code: 'custom', message: `${label}过长（最多 ${maxLength} 个字）` });
    });
}

/** A citizen's name as read from a card or typed by staff. */
export const PersonName = plainText('姓名', 40);
