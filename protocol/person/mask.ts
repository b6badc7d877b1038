// Masking for anything a manager or bystander sees. Pure and browser-safe.

/** 138****5678 for a mobile, 024-****5678 style for a landline: only the last four digits stay. */
export function maskPhone(phone: string): string {
  if (phone.length <= 4) return '*'.repeat(phone.length);
  if (/^1\d{10}$/.test(phone)) return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
  return `${'*'.repeat(phone.length - 4)}${phone.slice(-4)}`;
}

/** At most the first 6 and last 4 characters of an ID number. */
export function maskIdNumber(id: string): string {
  if (id.length < 11) return '*'.repeat(id.length);
  return `${id.slice(0, 6)}********${id.slice(-4)}`;
}

/** 张*三, 王*, 欧阳**. */
export function maskName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return name;
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}
