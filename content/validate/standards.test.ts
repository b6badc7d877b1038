import { describe, expect, it } from 'vitest';
import { samplePackData } from '../../tests/support/sample-pack.ts';
import type { PackData } from '../schema/index.ts';
import { formatIssue } from './report.ts';
import { demonstrationSiteRules } from './standards.ts';

function warnings(p: PackData): string[] {
  const out = { errors: [], warnings: [] };
  demonstrationSiteRules(p, out);
  expect(out.errors).toEqual([]);
  return out.warnings.map(formatIssue);
}

describe('the pack validator warns where a pack falls short of the 示范点 standard', () => {
  it('the sample pack meets every rule the pack can show', () => {
    expect(warnings(samplePackData())).toEqual([]);
  });

  it('示范点标准 二（六）: fewer than 3 windows', () => {
    const p = samplePackData();
    p.windows = p.windows.slice(0, 2);
    expect(warnings(p)).toEqual(['windows.json: 只有 2 个窗口；医疗保障服务窗口示范点要求不少于 3 个']);
  });

  it('示范点指标 9: fewer than the four channels window, web, phone and mobile', () => {
    const p = samplePackData();
    for (const s of p.services) s.guide.channels = s.guide.channels.filter((c) => c.kind !== 'phone');
    expect(warnings(p)).toEqual(['services.json: 没有开通电话服务渠道；示范点要求至少开通窗口、网络、电话、移动终端 4 种渠道（示范点指标 9）']);
  });

  it('示范点指标 14: 网办掌办率 below 80 %', () => {
    const p = samplePackData();
    for (const s of p.services.slice(0, 4)) s.guide.channels = s.guide.channels.filter((c) => c.kind !== 'web' && c.kind !== 'mobile');
    expect(warnings(p)).toEqual(['services.json: 可网办掌办的事项占 64.7%（11/17 项），低于示范点要求的 80%（示范点指标 14）']);
  });

  it('示范点指标 6: 承诺时限 equal to 法定时限 for every item that states one; one shorter item is enough', () => {
    const p = samplePackData();
    for (const s of p.services) s.guide.legalTimeLimit = s.guide.timeLimit;
    expect(warnings(p)).toEqual(['services.json: 填写了法定时限的 17 个事项，承诺时限都等于法定时限；示范点要求在全国清单基础上缩短办理时限（示范点指标 6）']);
    p.services[9]!.guide.legalTimeLimit = { kind: 'working_days', days: 30 };
    expect(warnings(p)).toEqual([]);
  });
});
