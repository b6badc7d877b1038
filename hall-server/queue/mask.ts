// Names as a bystander may see them: 张三 → 张*, 张小三 → 张*三, 欧阳小明 → 欧**明.
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return chars.join('');
  if (chars.length === 2) return `${chars[0]}*`;
  return chars[0] + '*'.repeat(chars.length - 2) + chars[chars.length - 1];
}
