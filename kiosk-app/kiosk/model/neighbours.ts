// The kiosk home's neighbours (pure): what the hall's `neighbours` snapshot part says, line by line. The hall has
// already withdrawn numbers that are not current; anything unreadable shows nothing.
import { NeighboursSnapshot } from '../../../protocol/hall/neighbours.ts';

export interface NeighbourLine {
  siteId: string;
  name: string;
  /** "等候 3 人", "现在不办理" or "暂无数据". */
  text: string;
}

export function neighbourLines(part: unknown): NeighbourLine[] {
  const parsed = NeighboursSnapshot.safeParse(part);
  if (!parsed.success) return [];
  return parsed.data.sites.map((s) => ({
    siteId: s.siteId,
    name: s.name,
    text: s.state === 'waiting' && s.waiting !== null ? `等候 ${s.waiting} 人` : s.state === 'closed' ? '现在不办理' : '暂无数据',
  }));
}
