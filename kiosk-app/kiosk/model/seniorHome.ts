// Pure: the kiosk's 长辈模式 home as a linear question (seed: older adults finish faster answering one question than
// scanning a menu). The pack's kiosk.json asks one question of at most 4 answers; an answer leads to its items, at most
// 4 a screen, the first screen the 常办事项 — the answer's items the hall issued most tickets for lately.
import type { KioskIcon, PackData } from '../../../content/schema/index.ts';

/** At most 4 choices a screen in 长辈模式, besides back, home and help. */
export const SENIOR_CHOICES_PER_SCREEN = 4;

export interface SeniorQuestion {
  question: string;
  answers: Array<{ id: string; label: string; hint: string | null; icon: KioskIcon }>;
}

export interface SeniorItem {
  code: string;
  label: string;
  /** The icon of the item's group (主项) from the pack; null when the pack gives it none. */
  icon: KioskIcon | null;
  groupName: string;
}

export interface SeniorItemPage {
  /** 常办事项: the items of the answer issued most often (only when the hall has issued any of them). */
  frequent: boolean;
  items: SeniorItem[];
}

/** The pack's question, or null when the pack has none (then 长辈模式 keeps the paged grid). */
export function seniorQuestion(pack: PackData): SeniorQuestion | null {
  const home = pack.kiosk?.seniorHome;
  if (!home) return null;
  return {
    question: home.question,
    answers: home.answers.slice(0, SENIOR_CHOICES_PER_SCREEN).map((a) => ({ id: a.id, label: a.label, hint: a.hint ?? null, icon: a.icon })),
  };
}

/**
 * The screens of items an answer leads to. First the 常办事项: the answer's items by tickets issued (most first, the
 * pack's order between equals), as many as fit a screen; then the rest in the pack's order, a screen at a time.
 * Unknown answer: no pages. `issued` maps item code → tickets issued lately (missing = none).
 */
export function seniorItemPages(pack: PackData, answerId: string, issued: ReadonlyMap<string, number>): SeniorItemPage[] {
  const answer = pack.kiosk?.seniorHome.answers.find((a) => a.id === answerId);
  if (!answer) return [];
  const services = new Map(pack.services.map((s) => [s.code, s]));
  const icons = pack.kiosk?.groupIcons ?? {};
  const items: SeniorItem[] = answer.items.flatMap((code) => {
    const s = services.get(code);
    return s ? [{ code, label: s.shortName ?? s.name, icon: icons[s.mainItem.code] ?? null, groupName: s.mainItem.name }] : [];
  });
  const count = (code: string) => issued.get(code) ?? 0;
  const byCount = items
    .map((item, order) => ({ item, order }))
    .sort((a, b) => count(b.item.code) - count(a.item.code) || a.order - b.order)
    .map((x) => x.item);
  const first = byCount.slice(0, SENIOR_CHOICES_PER_SCREEN);
  const firstCodes = new Set(first.map((i) => i.code));
  const rest = items.filter((i) => !firstCodes.has(i.code));
  const pages: SeniorItemPage[] = [{ frequent: first.some((i) => count(i.code) > 0), items: first }];
  for (let i = 0; i < rest.length; i += SENIOR_CHOICES_PER_SCREEN) {
    pages.push({ frequent: false, items: rest.slice(i, i + SENIOR_CHOICES_PER_SCREEN) });
  }
  return items.length === 0 ? [] : pages;
}
