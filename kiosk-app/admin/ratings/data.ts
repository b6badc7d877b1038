// Calls of the ratings console to the hall-server, with the shared schemas.
import { RatingEndpoints, type CaseActionRequest, type StatsGroup } from '../../../protocol/hall/ratings.ts';
import { call, fetchFile } from '../../shared/hall/api.ts';
import { hallDateOf } from '../../shared/hall/hall-clock.ts';

export function listCases(openOnly: boolean) {
  return call(RatingEndpoints.cases, openOnly ? { query: { open: '1' } } : {});
}

export function caseAction(id: string, body: CaseActionRequest) {
  return call(RatingEndpoints.caseAction, { params: { id }, body });
}

export function stats(from: string, to: string, group: StatsGroup) {
  return call(RatingEndpoints.stats, { query: { from, to, group } });
}

/** Downloads a CSV export through the browser (the token goes in a header, never in the URL). */
export async function downloadExport(from: string, to: string, kind: 'upstream' | 'full'): Promise<string> {
  const res = await fetchFile(RatingEndpoints.export, { query: { from, to, kind } });
  const blob = await res.blob();
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? `ratings-${kind}.csv`;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}

/** Today and the first of this month in the hall's time. */
export function thisMonth(now = new Date()): { from: string; to: string } {
  const today = hallDateOf(now);
  return { from: `${today.slice(0, 8)}01`, to: today };
}
