// Small pure helpers for the counter panel.
import type { Service } from '../../content/schema/index.ts';

/** "3分05秒" from seconds; "—" when unknown. */
export function duration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds) || seconds < 0) return '—';
  const s = Math.floor(seconds);
  if (s < 60) return `${s}秒`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}分${String(s % 60).padStart(2, '0')}秒`;
  return `${Math.floor(m / 60)}小时${String(m % 60).padStart(2, '0')}分`;
}

export function secondsBetween(fromIso: string | null, toMs: number): number | null {
  if (!fromIso) return null;
  const t = Date.parse(fromIso);
  return Number.isNaN(t) ? null : Math.max(0, (toMs - t) / 1000);
}

/** The 容缺受理 note for the current item: which materials may follow later, or null when not allowed. */
export function deferredNote(service: Service | undefined): string | null {
  if (!service || !service.guide.deferredAcceptance.allowed) return null;
  const materials = service.guide.materials.filter((m) => m.deferrable).map((m) => m.name);
  const parts = ['本事项可容缺受理'];
  if (materials.length) parts.push(`可后补：${materials.join('、')}`);
  if (service.guide.deferredAcceptance.note) parts.push(service.guide.deferredAcceptance.note);
  return parts.join('；');
}
