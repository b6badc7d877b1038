import type { TicketProgress } from '../../../protocol/citizen/progress.ts';
import { BigButton } from '../../shared/ui/BigButton.tsx';
import { progressView } from '../../citizen/progress/model.ts';

/** A ticket's QR scanned at the kiosk: the same words as the citizen's phone page (前面还有 N 人, 请到 3 号窗口, 过号…). */
export function ScannedTicket(props: { shown: { progress: TicketProgress } | { message: string }; onClose: () => void }) {
  const p = 'progress' in props.shown ? props.shown.progress : null;
  const view = p ? progressView(p) : null;
  return (
    <div class="paused" role="dialog" aria-modal="true" aria-labelledby="scanned-ticket-title" data-testid="scanned-ticket">
      <h1 id="scanned-ticket-title">{p ? `${p.number} 排队进度` : '查询号票'}</h1>
      {p && <p>{p.itemName}</p>}
      {view ? (
        <>
          <p class="scanned-headline">{view.headline}</p>
          {view.lines.map((line) => <p key={line}>{line}</p>)}
        </>
      ) : (
        <p>{'message' in props.shown ? props.shown.message : ''}</p>
      )}
      <BigButton label="返回" icon="back" variant="primary" onClick={props.onClose} testId="scanned-ticket-close" />
    </div>
  );
}
