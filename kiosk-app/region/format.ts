// How the console writes figures and times. Pure.
import { percent } from '../../protocol/rules/rating-stats.ts';
import { hallDateTime } from '../../protocol/rules/hall-time.ts';

export { percent };

export function duration(ms: number | null): string {
  if (ms === null) return '—';
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} 秒`;
  if (s < 3600) return `${Math.round(s / 60)} 分钟`;
  if (s < 86400) return `${Math.round(s / 360) / 10} 小时`;
  return `${Math.round(s / 8640) / 10} 天`;
}

export function skew(ms: number | null): string {
  if (ms === null) return '—';
  const s = Math.round(ms / 1000);
  if (Math.abs(s) < 60) return `${s >= 0 ? '快' : '慢'} ${Math.abs(s)} 秒`;
  return `${s >= 0 ? '快' : '慢'} ${Math.round(Math.abs(s) / 60)} 分钟`;
}

/** Clocks more than a minute off are worth a warning (sites may run ±10 min off; ordering never depends on it). */
export const SKEW_WARNING_MS = 60_000;
/** A site whose newest event is older than this while it was seen lately is behind. */
export const LAG_WARNING_MS = 10 * 60_000;

export function time(iso: string | null): string {
  return iso ? hallDateTime(iso) : '—';
}

export function clock(iso: string | null): string {
  return iso ? hallDateTime(iso).slice(11, 16) : '—';
}
