// Plain-words renderings of pack fields.
import { channelLabels, materialFormLabels, type Material, type TimeLimit } from '../../../content/schema/index.ts';

export function timeLimitText(limit: TimeLimit): string {
  return limit.kind === 'immediate' ? '当场办结（即办）' : `${limit.days} 个工作日内办结`;
}

export function materialText(m: Material): string {
  return `${m.name}（${materialFormLabels[m.form]} ${m.count} 份）`;
}

export { channelLabels };
