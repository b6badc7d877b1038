// Official identifiers of the hall's issuing body. Browser-safe, pure.
//  - 行政区划代码 (GB/T 2260): 6 digits, e.g. 211223; the first 6 characters of a 办件编号
//    (region(6) + "001" + yyyyMMdd + "0" + 6-digit sequence).
//  - 统一社会信用代码 (GB 32100-2015): 18 characters; 事项实施编码 = credit code + item code.

/** The 31 characters GB 32100 allows (no I, O, S, V, Z), in the order of their values 0..30. */
export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

export const REGION_CODE_PATTERN = /^[1-8]\d{5}$/;
export const CREDIT_CODE_PATTERN = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

/** The GB 32100 check character (18th) for the first 17 characters, or null if they use a character outside the set. */
export function creditCodeCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CREDIT_CODE_CHARSET.indexOf(first17[i]!);
    if (v < 0) return null;
    sum += v * CREDIT_CODE_WEIGHTS[i]!;
  }
  return CREDIT_CODE_CHARSET[(31 - (sum % 31)) % 31]!;
}

/** Why a credit code is not valid, in Chinese, or null when it is. */
export function creditCodeProblem(code: string): string | null {
  if (!CREDIT_CODE_PATTERN.test(code)) return '应为 18 位数字或大写字母（不含 I、O、S、V、Z）';
  const expected = creditCodeCheckChar(code.slice(0, 17));
  if (code[17] !== expected) return `第18位校验码不符（按 GB 32100 计算应为“${expected}”），请核对整个代码是否抄错`;
  return null;
}

/** 事项实施编码: the issuing body's credit code followed by the item code. */
export function implementationCode(creditCode: string, itemCode: string): string {
  return `${creditCode}${itemCode}`;
}
