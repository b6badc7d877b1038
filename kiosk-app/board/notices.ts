// What the board's notice line shows in turn (pure): the pack's board notices showing now, then the 整改公示 of the
// hall's closed improvement records (DB21/T 4402 §11.2); the hall hours when there is neither.
import { noticeIsShowing, type PackData } from '../../content/schema/index.ts';
import type { PublishedImprovement } from '../../protocol/hall/improvement.ts';

export function improvementLine(r: PublishedImprovement): string {
  return `整改公示：针对“${r.problem}”，${r.measure}。整改结果：${r.result}`;
}

export function noticeLines(pack: PackData, published: readonly PublishedImprovement[], now: Date, hallClock: string): string[] {
  const notices = pack.notices.filter((n) => noticeIsShowing(n, 'board', now, hallClock)).map((n) => `${n.title}：${n.body}`);
  const lines = [...notices, ...published.map(improvementLine)];
  return lines.length > 0 ? lines : pack.manifest.hall.hours.slice(0, 1);
}
