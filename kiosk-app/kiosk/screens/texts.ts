// Plain-words renderings of pack fields.
import { channelLabels, materialFormLabels, type Material } from '../../../content/schema/index.ts';

export { timeLimitText } from './timeLimit.ts';

export function materialText(m: Material): string {
  return `${m.name}（${materialFormLabels[m.form]} ${m.count} 份）`;
}

export { channelLabels };
