// Pure: the home screen's tiles, grouped by 主项 and cut into pages (never a scrolling wall).

export interface CatalogItem {
  code: string;
  label: string;
  group: { code: string; name: string };
}

export interface CatalogSection {
  group: { code: string; name: string };
  /** True when the group began on an earlier page. */
  continued: boolean;
  items: CatalogItem[];
}

export type CatalogPage = CatalogSection[];

/** Keeps the pack's order; groups appear in the order of their first item; each page holds at most `perPage` tiles.
 * With `grid`, also at most `grid.rows` rows of `grid.columns` tiles: each group starts a row of its own, so a page of
 * many small groups would otherwise grow taller than the screen. */
export function paginateCatalog(items: CatalogItem[], perPage: number, grid?: { columns: number; rows: number }): CatalogPage[] {
  if (perPage < 1) throw new Error('perPage must be at least 1');
  const groups = new Map<string, CatalogItem[]>();
  for (const item of items) {
    const list = groups.get(item.group.code) ?? [];
    list.push(item);
    groups.set(item.group.code, list);
  }
  const pages: CatalogPage[] = [];
  let page: CatalogPage = [];
  let count = 0;
  let rows = 0;
  const columns = grid?.columns ?? perPage;
  const maxRows = grid?.rows ?? Infinity;
  for (const list of groups.values()) {
    let continued = false;
    let rest = list;
    while (rest.length > 0) {
      if (count === perPage || rows >= maxRows) {
        pages.push(page);
        page = [];
        count = 0;
        rows = 0;
      }
      const take = rest.slice(0, Math.min(perPage - count, (maxRows - rows) * columns));
      page.push({ group: list[0]!.group, continued, items: take });
      count += take.length;
      rows += Math.ceil(take.length / columns);
      rest = rest.slice(take.length);
      continued = true;
    }
  }
  if (page.length > 0) pages.push(page);
  return pages;
}

/** Tiles per page: 8 normally, 4 in 长辈模式 (at most 4 choices per screen). */
export function tilesPerPage(senior: boolean): number {
  return senior ? 4 : 8;
}

/** The home grid: two tiles a row, as many rows as fit the screen under the title, a notice and the pager. */
export function homeGrid(senior: boolean): { columns: number; rows: number } {
  return { columns: 2, rows: senior ? 2 : 4 };
}
