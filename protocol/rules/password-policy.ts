// The console password rules, after NIST SP 800-63B §5.1.1: at least 10 characters, no composition rules, and refused
// when the password is on a list of common passwords, is one character repeated, is a simple sequence, or contains
// the hall's name (or the person's own name or 工号). Each refusal says why, in Chinese. Pure: the list is passed in.

export const MIN_PASSWORD_LENGTH = 10;

export interface PasswordContext {
  hallName: string;
  name?: string;
  staffNo?: string;
}

/** Endings that many hall names share; what is left before them is the distinctive part (示例县…). */
const HALL_NAME_ENDINGS = ['医疗保障事务服务中心', '医疗保障服务中心', '医疗保障服务大厅', '医保经办服务大厅', '医保经办大厅', '医保服务大厅', '服务大厅', '大厅'];

/** Null when acceptable, else the reason in Chinese. */
export function passwordProblem(password: string, common: ReadonlySet<string>, context: PasswordContext): string | null {
  const chars = [...password];
  if (chars.length < MIN_PASSWORD_LENGTH) return `密码至少需要 ${MIN_PASSWORD_LENGTH} 个字符（现在是 ${chars.length} 个）`;
  if (new Set(chars).size === 1) return '密码不能由同一个字符重复组成';
  if (password.trim() === '') return '密码不能全是空格';
  if (isSimpleSequence(chars)) return '密码不能是简单的连续或重复序列（如 1234567890、abcdefghij、123123123）';
  const folded = password.toLowerCase();
  if (common.has(folded) || common.has(folded.replace(/\s+/g, ''))) return '这是常见密码，很容易被猜到，请换一个';
  for (const part of hallNameParts(context.hallName)) {
    if (folded.includes(part.toLowerCase())) return '密码不能包含大厅名称';
  }
  if (context.name && context.name.trim().length >= 2 && folded.includes(context.name.trim().toLowerCase())) return '密码不能包含本人姓名';
  if (context.staffNo && context.staffNo.length >= 3 && folded.includes(context.staffNo.toLowerCase())) return '密码不能包含工号';
  return null;
}

/** Steps of the same size (−1, 0 or +1, digits wrapping 9→0) all the way, or a block of up to 4 characters repeated. */
function isSimpleSequence(chars: string[]): boolean {
  const codes = chars.map((c) => c.codePointAt(0)!);
  const digits = chars.every((c) => c >= '0' && c <= '9');
  const step = (i: number) => {
    const d = codes[i + 1]! - codes[i]!;
    return digits ? (((d % 10) + 15) % 10) - 5 : d;
  };
  const first = step(0);
  if (Math.abs(first) <= 1 && codes.slice(1).every((_, i) => step(i) === first)) return true;
  for (let period = 2; period <= 4; period++) {
    if (chars.length >= period * 2 && chars.every((c, i) => c === chars[i % period])) return true;
  }
  return false;
}

function hallNameParts(hallName: string): string[] {
  const name = hallName.replace(/[（(][^）)]*[）)]/g, '').trim();
  if (name === '') return [];
  const parts = [name];
  for (const ending of HALL_NAME_ENDINGS) {
    if (name.endsWith(ending) && name.length - ending.length >= 2) {
      parts.push(name.slice(0, name.length - ending.length));
      break;
    }
  }
  return parts;
}
