import { describe, expect, it } from 'vitest';
import { DEMO_PUBLIC_KEY } from '../keys/demo.ts';
import { getJson, sampleFiles, sealed, setJson, type Json } from '../corpus/helpers.ts';
import { formatIssue, validatePackFiles } from './index.ts';

const now = new Date('2026-11-23T02:00:00Z');

function validateWithKiosk(edit: (kiosk: Json) => void) {
  const files = sampleFiles();
  const kiosk = getJson(files, 'kiosk.json');
  edit(kiosk);
  setJson(files, 'kiosk.json', kiosk);
  return validatePackFiles({ files: sealed(files), issues: [] }, { trustedKeys: [DEMO_PUBLIC_KEY], now });
}

describe('kiosk.json: the 长辈模式 home question', () => {
  it('the sample has one question of 4 answers that reach every item, and an icon per item group', () => {
    const r = validateWithKiosk(() => undefined);
    expect(r.report.errors).toEqual([]);
    const kiosk = r.data!.kiosk!;
    expect(kiosk.seniorHome.answers.map((a) => a.label)).toEqual(['个人-居民', '个人-职工', '单位', '其他事项']);
    const reached = new Set(kiosk.seniorHome.answers.flatMap((a) => a.items));
    expect(r.data!.services.filter((s) => !reached.has(s.code))).toEqual([]);
    expect(new Set(Object.values(kiosk.groupIcons)).size).toBe(Object.keys(kiosk.groupIcons).length);
  });

  it('a pack without kiosk.json is valid (the kiosk keeps its paged grid in 长辈模式)', () => {
    const files = sampleFiles();
    files.delete('kiosk.json');
    const r = validatePackFiles({ files: sealed(files), issues: [] }, { trustedKeys: [DEMO_PUBLIC_KEY], now });
    expect(r.report.errors).toEqual([]);
    expect(r.data!.kiosk).toBeUndefined();
  });

  it('refuses a fifth answer: 长辈模式 offers at most 4 choices a screen', () => {
    const r = validateWithKiosk((k) => k.seniorHome.answers.push({ ...k.seniorHome.answers[3], id: 'fifth', label: '第五类' }));
    expect(r.data).toBeNull();
    expect(r.report.errors.map(formatIssue)).toEqual(['kiosk.json: 字段“seniorHome”：字段“answers”最多4项']);
  });

  it('refuses an item no answer leads to, and an unknown item code, in manager words', () => {
    const r = validateWithKiosk((k) => {
      k.seniorHome.answers[3].items = k.seniorHome.answers[3].items.filter((c: string) => c !== '212036005001');
      k.seniorHome.answers[2].items.push('212036999001');
    });
    expect(r.report.errors.map(formatIssue)).toEqual([
      'kiosk.json 长辈模式问题第3个回答「单位」: 事项编码 212036999001 不在 services.json 中',
      'kiosk.json 长辈模式问题: 事项「基本医疗保险关系转移接续」（212036005001）不在任何回答下，长辈模式下找不到它；请把它加到某个回答（例如“其他事项”）的 items 里',
    ]);
  });

  it('warns when two item groups share an icon or a group has none', () => {
    const r = validateWithKiosk((k) => {
      k.groupIcons['212036002'] = 'register';
      delete k.groupIcons['212036004'];
    });
    expect(r.report.errors).toEqual([]);
    expect(r.report.warnings.map((w) => w.rule).sort()).toEqual(['calendar.provisional', 'kiosk.group-without-icon', 'kiosk.same-group-icon'].sort());
  });

  it('refuses an answer label too long to read at senior size and an icon the kiosk cannot draw', () => {
    const r = validateWithKiosk((k) => {
      k.seniorHome.answers[0].label = '城乡居民个人参保人员';
      k.seniorHome.answers[1].icon = 'rocket';
    });
    expect(r.data).toBeNull();
    expect(r.report.errors.map((e) => e.file)).toEqual(['kiosk.json', 'kiosk.json']);
  });
});
