import { describe, expect, it } from 'vitest';
import type { PackData, Service } from '../../../content/schema/index.ts';
import { seniorItemPages, seniorQuestion, SENIOR_CHOICES_PER_SCREEN } from './seniorHome.ts';

const service = (code: string, group: string): Service =>
  ({ code, name: `事项${code}`, shortName: `简称${code}`, mainItem: { code: group, name: `主项${group}` } }) as Service;

const services = [
  service('a1', 'g1'), service('a2', 'g1'), service('a3', 'g2'), service('a4', 'g2'), service('a5', 'g3'), service('a6', 'g3'),
  service('b1', 'g4'),
];

const pack = {
  services,
  kiosk: {
    seniorHome: {
      question: '请问您要办哪一类事？',
      answers: [
        { id: 'resident', label: '个人-居民', hint: '城乡居民医保', icon: 'resident', items: ['a1', 'a2', 'a3', 'a4', 'a5', 'a6'] },
        { id: 'employer', label: '单位', icon: 'employer', items: ['b1', 'a1'] },
      ],
    },
    groupIcons: { g1: 'register', g2: 'query' },
  },
} as unknown as PackData;

const codes = (pages: ReturnType<typeof seniorItemPages>) => pages.map((p) => p.items.map((i) => i.code));

describe('长辈模式 home question', () => {
  it('is the pack’s question with its answers, or none for a pack without kiosk.json', () => {
    expect(seniorQuestion(pack)).toEqual({
      question: '请问您要办哪一类事？',
      answers: [
        { id: 'resident', label: '个人-居民', hint: '城乡居民医保', icon: 'resident' },
        { id: 'employer', label: '单位', hint: null, icon: 'employer' },
      ],
    });
    expect(seniorQuestion({ ...pack, kiosk: undefined } as unknown as PackData)).toBeNull();
  });

  it('puts the answer’s most issued items first as 常办事项, then the rest in pack order, 4 a screen', () => {
    const issued = new Map([['a5', 40], ['a3', 12], ['a6', 12], ['b1', 99]]);
    const pages = seniorItemPages(pack, 'resident', issued);
    expect(codes(pages)).toEqual([['a5', 'a3', 'a6', 'a1'], ['a2', 'a4']]);
    expect(pages.map((p) => p.frequent)).toEqual([true, false]);
    for (const page of pages) expect(page.items.length).toBeLessThanOrEqual(SENIOR_CHOICES_PER_SCREEN);
  });

  it('without any count the first screen is the pack’s order and is not called 常办事项', () => {
    const pages = seniorItemPages(pack, 'resident', new Map());
    expect(codes(pages)).toEqual([['a1', 'a2', 'a3', 'a4'], ['a5', 'a6']]);
    expect(pages[0]!.frequent).toBe(false);
  });

  it('gives each item its group’s icon from the pack (none when the pack has none) and its short label', () => {
    const [page] = seniorItemPages(pack, 'resident', new Map());
    expect(page!.items.map((i) => [i.label, i.icon])).toEqual([
      ['简称a1', 'register'], ['简称a2', 'register'], ['简称a3', 'query'], ['简称a4', 'query'],
    ]);
    expect(seniorItemPages(pack, 'resident', new Map())[1]!.items[0]!.icon).toBeNull();
  });

  it('an item may sit under two answers; an unknown answer has no screens', () => {
    expect(codes(seniorItemPages(pack, 'employer', new Map([['a1', 3]])))).toEqual([['a1', 'b1']]);
    expect(seniorItemPages(pack, 'nobody', new Map())).toEqual([]);
  });
});
