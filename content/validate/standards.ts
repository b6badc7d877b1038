// What the 示范点 standard (seed 004) asks of a hall's pack, checked when a pack is built: warnings, since a pack that
// falls short still serves citizens. The self-inspection page (hall-server/inspection) judges the same figures.
import type { PackData, TimeLimit } from '../schema/index.ts';
import { issue, type PackIssue } from './report.ts';

export const DEMONSTRATION_SITE = {
  /** 示范点指标 9: 窗口、网络、电话、移动终端. */
  channels: ['window', 'web', 'phone', 'mobile'] as const,
  /** 示范点指标 14: 网办掌办率. */
  onlineShare: 0.8,
  windows: 3,
  satisfaction: 0.9,
  /** DB21/T 4402 §10.1.3. */
  disclosureWorkingDays: 20,
  slogan: '中国医保 一生守护',
} as const;

/** Items with a web or mobile channel. */
export function onlineItems(p: Pick<PackData, 'services'>): PackData['services'] {
  return p.services.filter((s) => s.guide.channels.some((c) => c.kind === 'web' || c.kind === 'mobile'));
}

const sameLimit = (a: TimeLimit, b: TimeLimit): boolean =>
  a.kind === b.kind && (a.kind === 'immediate' || (b.kind === 'working_days' && a.days === b.days));

export function demonstrationSiteRules(p: PackData, out: { warnings: PackIssue[] }): void {
  const S = 'services.json';
  if (p.windows.length < DEMONSTRATION_SITE.windows) {
    out.warnings.push(issue('standard.windows', 'windows.json', '', `只有 ${p.windows.length} 个窗口；医疗保障服务窗口示范点要求不少于 ${DEMONSTRATION_SITE.windows} 个`));
  }
  const offered = new Set(p.services.flatMap((s) => s.guide.channels.map((c) => c.kind)));
  const missing = DEMONSTRATION_SITE.channels.filter((k) => !offered.has(k));
  if (missing.length > 0) {
    const names = { window: '窗口', web: '网络', phone: '电话', mobile: '移动终端' };
    out.warnings.push(issue('standard.channels', S, '', `没有开通${missing.map((k) => names[k]).join('、')}服务渠道；示范点要求至少开通窗口、网络、电话、移动终端 4 种渠道（示范点指标 9）`));
  }
  const share = onlineItems(p).length / p.services.length;
  if (share < DEMONSTRATION_SITE.onlineShare) {
    out.warnings.push(issue('standard.online-share', S, '', `可网办掌办的事项占 ${Math.round(share * 1000) / 10}%（${onlineItems(p).length}/${p.services.length} 项），低于示范点要求的 80%（示范点指标 14）`));
  }
  const stated = p.services.filter((s) => s.guide.legalTimeLimit);
  if (stated.length > 0 && stated.every((s) => sameLimit(s.guide.timeLimit, s.guide.legalTimeLimit!))) {
    out.warnings.push(issue('standard.time-limit-not-shortened', S, '', `填写了法定时限的 ${stated.length} 个事项，承诺时限都等于法定时限；示范点要求在全国清单基础上缩短办理时限（示范点指标 6）`));
  }
}
