// What the progress page says for a ticket's progress (pure): a headline, the lines under it and its tone. Simplified Chinese, short lines for large text on a phone.
import type { TicketProgress } from '../../../protocol/citizen/progress.ts';
import { CHINA_STANDARD_TIME_MINUTES, localClock } from '../../../protocol/rules/hall-time.ts';
import { PENDING_MESSAGE } from '../../../protocol/citizen/phone-rating.ts';

export type Tone = 'wait' | 'go' | 'warn' | 'done';

export interface ProgressView {
  headline: string;
  lines: string[];
  tone: Tone;
}

export function progressView(p: TicketProgress): ProgressView {
  switch (p.state) {
    case 'waiting':
      return {
        headline: p.peopleAhead === 0 ? '下一位就是您' : `前面还有 ${p.peopleAhead} 人`,
        lines: [
          p.estimateMinutes === null || p.estimateMinutes === 0 ? '请留意叫号' : `预计等候约 ${p.estimateMinutes} 分钟`,
          p.openWindows > 0 ? `${p.openWindows} 个窗口正在办理` : '窗口暂未开放，请您稍等',
        ],
        tone: 'wait',
      };
    case 'called':
      return {
        headline: p.window === null ? '已叫到您的号' : `请到 ${p.window} 号窗口`,
        lines: ['已叫到您的号，请尽快前往'],
        tone: 'go',
      };
    case 'missed':
      return { headline: '过号', lines: ['您的号码已过号', '请到窗口或咨询台说明'], tone: 'warn' };
    case 'finished': {
      const rating = p.rating;
      if (rating) {
        const at = localClock(Date.parse(rating.at), CHINA_STANDARD_TIME_MINUTES);
        return { headline: '已办结', lines: [`已评价（${rating.channel}）`, `评价时间 ${at}`], tone: 'done' };
      }
      if (p.ratingPending) return { headline: '已办结', lines: [PENDING_MESSAGE], tone: 'done' };
      if (p.canRate) return { headline: '已办结', lines: ['感谢您的办理，请您评价本次服务'], tone: 'done' };
      return { headline: '已办结', lines: ['感谢您的办理，请在窗口评价器上评价'], tone: 'done' };
    }
    case 'expired':
      return { headline: '号票已失效', lines: ['号票当天有效，请重新取号'], tone: 'warn' };
  }
}
