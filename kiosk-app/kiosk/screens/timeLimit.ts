// Plain words for an item's time limit. Kept free of the pack schema's runtime so the home screen loads small.
import type { TimeLimit } from '../../../content/schema/index.ts';

export function timeLimitText(limit: TimeLimit): string {
  return limit.kind === 'immediate' ? '当场办结（即办）' : `${limit.days} 个工作日内办结`;
}
