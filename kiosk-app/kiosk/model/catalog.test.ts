import { describe, expect, it } from 'vitest';
import { paginateCatalog, tilesPerPage, type CatalogItem } from './catalog.ts';

const g1 = { code: '001', name: '参保登记' };
const g2 = { code: '002', name: '待遇核定' };
const item = (code: string, group: typeof g1): CatalogItem => ({ code, label: code, group });

describe('catalog paging', () => {
  it('groups by 主项 in pack order and continues a group on the next page', () => {
    const items = [item('a', g1), item('x', g2), item('b', g1), item('c', g1), item('y', g2)];
    const pages = paginateCatalog(items, 2);
    expect(pages).toEqual([
      [{ group: g1, continued: false, items: [item('a', g1), item('b', g1)] }],
      [
        { group: g1, continued: true, items: [item('c', g1)] },
        { group: g2, continued: false, items: [item('x', g2)] },
      ],
      [{ group: g2, continued: true, items: [item('y', g2)] }],
    ]);
  });

  it('never puts more tiles on a page than allowed', () => {
    const items = Array.from({ length: 13 }, (_, i) => item(String(i), i % 3 === 0 ? g1 : g2));
    for (const per of [tilesPerPage(true), tilesPerPage(false)]) {
      const pages = paginateCatalog(items, per);
      for (const page of pages) expect(page.reduce((n, s) => n + s.items.length, 0)).toBeLessThanOrEqual(per);
      expect(pages.flatMap((p) => p.flatMap((s) => s.items)).length).toBe(13);
    }
    expect(tilesPerPage(true)).toBe(4);
  });

  it('has no pages for no items', () => {
    expect(paginateCatalog([], 4)).toEqual([]);
  });
});

describe('catalog paging on a grid', () => {
  it('also stops a page at the grid\'s rows, each group starting a row of its own', () => {
    const groups = Array.from({ length: 6 }, (_, i) => ({ code: `g${i}`, name: `主项${i}` }));
    const items = groups.map((g) => item(`${g.code}-a`, g));
    const pages = paginateCatalog(items, 8, { columns: 2, rows: 4 });
    expect(pages.map((p) => p.map((s) => s.group.code))).toEqual([['g0', 'g1', 'g2', 'g3'], ['g4', 'g5']]);
  });

  it('splits a group that does not fit the rows left, and continues it on the next page', () => {
    const items = [item('a', g1), item('x', g2), item('y', g2), item('z', g2)];
    const pages = paginateCatalog(items, 8, { columns: 2, rows: 2 });
    expect(pages).toEqual([
      [{ group: g1, continued: false, items: [item('a', g1)] }, { group: g2, continued: false, items: [item('x', g2), item('y', g2)] }],
      [{ group: g2, continued: true, items: [item('z', g2)] }],
    ]);
  });
});
