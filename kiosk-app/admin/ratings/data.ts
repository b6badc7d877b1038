// Calls of the ratings console to the hall-server, with the shared schemas.
import { hallDate } from '../../../protocol/rules/hall-time.ts';
import {
  CaseListResponse,
  CaseView,
  RatingPaths,
  StatsResponse,
  type CaseActionRequest,
  type StatsGroup,
} from '../../../protocol/hall/ratings.ts';
import { api, hallBaseUrl, session } from '../../shared/hall/index.ts';
import { failedCall } from '../../shared/hall/api.ts';

export function listCases(openOnly: boolean) {
  return api(`${RatingPaths.cases}${openOnly ? '?open=1' : ''}`, undefined, { response: CaseListResponse });
}

export function caseAction(id: string, body: CaseActionRequest) {
  return api(RatingPaths.caseAction(id), body, { response: CaseView });
}

export function stats(from: string, to: string, group: StatsGroup) {
  const q = new URLSearchParams({ from, to, group });
  return api(`${RatingPaths.stats}?${q}`, undefined, { response: StatsResponse });
}

/** Downloads a CSV export through the browser (the token goes in a header, never in the URL). */
export async function downloadExport(from: string, to: string, kind: 'upstream' | 'full'): Promise<string> {
  const q = new URLSearchParams({ from, to, kind });
  const res = await fetch(`${hallBaseUrl()}${RatingPaths.export}?${q}`, {
    headers: { authorization: `Bearer ${session.value?.token ?? ''}` },
  });
  if (!res.ok) throw failedCall(res.status, await res.json().catch(() => null));
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
  const today = hallDate(now);
  return { from: `${today.slice(0, 8)}01`, to: today };
}
