// Rules of kiosk.json against services.json: the 长辈模式 question must reach every item, name only known items and
// give item groups icons that tell them apart. Pure and browser-safe.
import type { PackData } from '../schema/index.ts';
import { issue, type PackIssue } from './report.ts';

const K = 'kiosk.json';

export function kioskRules(p: PackData, out: { errors: PackIssue[]; warnings: PackIssue[] }): void {
  const kiosk = p.kiosk;
  if (!kiosk) return;
  const services = new Map(p.services.map((s) => [s.code, s]));
  const reached = new Set<string>();
  const answerIds = new Set<string>();
  kiosk.seniorHome.answers.forEach((answer, i) => {
    const place = `长辈模式问题第${i + 1}个回答「${answer.label}」`;
    if (answerIds.has(answer.id)) out.errors.push(issue('kiosk.duplicate-answer', K, place, `编号“${answer.id}”与其他回答重复`));
    answerIds.add(answer.id);
    const seen = new Set<string>();
    for (const code of answer.items) {
      if (!services.has(code)) out.errors.push(issue('kiosk.unknown-item', K, place, `事项编码 ${code} 不在 services.json 中`));
      else if (seen.has(code)) out.errors.push(issue('kiosk.duplicate-item', K, place, `事项编码 ${code} 列了两次`));
      seen.add(code);
      reached.add(code);
    }
  });
  for (const s of p.services) {
    if (!reached.has(s.code)) {
      out.errors.push(issue('kiosk.item-unreachable', K, '长辈模式问题', `事项「${s.name}」（${s.code}）不在任何回答下，长辈模式下找不到它；请把它加到某个回答（例如“其他事项”）的 items 里`));
    }
  }
  const groups = new Map(p.services.map((s) => [s.mainItem.code, s.mainItem.name]));
  const byIcon = new Map<string, string[]>();
  for (const [code, icon] of Object.entries(kiosk.groupIcons)) {
    if (!groups.has(code)) out.errors.push(issue('kiosk.unknown-group', K, '事项分组图标', `主项编码 ${code} 不是任何事项的主项`));
    else byIcon.set(icon, [...(byIcon.get(icon) ?? []), groups.get(code)!]);
  }
  for (const [icon, names] of byIcon) {
    if (names.length > 1) {
      out.warnings.push(issue('kiosk.same-group-icon', K, '事项分组图标', `${names.map((n) => `「${n}」`).join('、')}用了同一个图标（${icon}），长辈不易区分`));
    }
  }
  for (const [code, name] of groups) {
    if (!(code in kiosk.groupIcons)) out.warnings.push(issue('kiosk.group-without-icon', K, '事项分组图标', `主项「${name}」（${code}）没有图标，将显示通用图标`));
  }
}
