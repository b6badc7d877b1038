import type { TicketInput } from '../../../protocol/bridge/messages.ts';
import { BigButton } from '../../shared/ui/BigButton.tsx';
import { Icon } from '../../shared/ui/icons.tsx';
import type { IssuedTicket, PrintStatus } from '../model/flow.ts';
import { Qr } from './Qr.tsx';
import './checkIn.css';

/** The ticket on screen when the printer failed: its QR and the number in the screen's own type (36 px and more in
 * 长辈模式), not a shrunken picture of the paper. */
function ScreenTicket({ input }: { input: TicketInput }) {
  return (
    <div class="panel screen-ticket" data-testid="ticket-preview">
      <Qr payload={input.qrPayload} label={`号码 ${input.number} 的小票二维码`} />
      <div>
        <p class="screen-ticket-number">{input.number}</p>
        <p>{input.service}</p>
        <p>{input.windows.length > 0 ? `请到 ${input.windows.join('、')} 办理` : '请留意叫号屏'}</p>
      </div>
    </div>
  );
}

function headline(t: IssuedTicket): string {
  if (t.checkIn?.timing === 'on_time') return `预约签到成功（${t.checkIn.slot} 时段），您的号码是`;
  if (t.checkIn) return '已为您取普通号，您的号码是';
  return t.duplicate ? '您已取过此事项的号码，请您核对' : '取号成功，您的号码是';
}

export function TicketScreen(props: {
  ticket: IssuedTicket;
  print: PrintStatus;
  printMessage: string | null;
  preview: TicketInput | null;
}) {
  const t = props.ticket;
  const failed = props.print === 'failed';
  const onTime = t.checkIn?.timing === 'on_time';
  return (
    <>
      <h1 class="center">{headline(t)}</h1>
      {t.checkIn && (
        <p class="ui-banner" data-testid="check-in-message">
          {!onTime && <Icon name="warn" />}
          {t.checkIn.message}
        </p>
      )}
      <p class="ticket-number" data-testid="ticket-number">
        {t.number}
        {onTime && <span class="ticket-mark" data-testid="appointment-mark">预约</span>}
      </p>
      <p class="center">
        {t.serviceName}
        {t.maskedName ? `　${t.maskedName}` : ''}
      </p>
      <div class="ticket-facts">
        <div class="panel">
          前面还有<strong data-testid="people-ahead">{t.peopleAhead} 人</strong>
        </div>
        <div class="panel">
          预计等候<strong data-testid="wait-minutes">{t.waitMinutes === 0 ? '马上到您' : `约 ${t.waitMinutes} 分钟`}</strong>
        </div>
      </div>
      {!failed && <p>办理窗口：{t.windows.length > 0 ? t.windows.join('、') : '请留意叫号屏'}。请留意叫号，听到号码后到窗口办理。</p>}
      <div role="status" aria-live="polite" data-testid="print-status" data-print={props.print}>
        {props.print === 'printing' && <p class="ui-banner">正在打印小票，请您稍等…</p>}
        {props.print === 'printed' && (
          <p class="ui-banner">
            <Icon name="print" />
            小票已打印，请您取走小票
          </p>
        )}
        {failed && (
          <p class="ui-banner" data-testid="print-failed" data-reason={props.printMessage ?? ''}>
            <Icon name="warn" />
            小票暂时无法打印，请记下您的号码 {t.number}，或到咨询台领取小票。工作人员已收到补打提示。
          </p>
        )}
      </div>
      {failed && props.preview && <ScreenTicket input={props.preview} />}
    </>
  );
}

/** 重新打印小票 (after a failure, or for a ticket already held) and 完成: kept in reach below the ticket. */
export function TicketActions(props: { ticket: IssuedTicket; print: PrintStatus; onReprint: () => void; onFinish: () => void }) {
  return (
    <>
      {(props.ticket.duplicate || props.print === 'failed') && (
        <BigButton label="重新打印小票" icon="print" disabled={props.print === 'printing'} onClick={props.onReprint} testId="reprint" />
      )}
      <BigButton label="完成" icon="check" variant="primary" size="large" disabled={props.print === 'printing'} onClick={props.onFinish} testId="finish" />
    </>
  );
}
