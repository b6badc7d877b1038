import { useEffect, useState } from 'preact/hooks';
import type { TicketInput } from '../../../protocol/bridge/messages.ts';
import { BigButton } from '../../shared/ui/BigButton.tsx';
import { Icon } from '../../shared/ui/icons.tsx';
import type { IssuedTicket, PrintStatus } from '../model/flow.ts';

/** The paper ticket as SVG (with its QR), loaded only when printing failed so the home screen stays small. */
function TicketPreview({ input }: { input: TicketInput }) {
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void import('../../../protocol/bridge/ticket/svg.ts').then((m) => {
      if (live) setSvg(m.ticketToSvg(input, { title: `号码 ${input.number} 的小票` }));
    });
    return () => {
      live = false;
    };
  }, [input.number, input.issuedAt]);
  if (!svg) return null;
  return <div class="ticket-preview" data-testid="ticket-preview" dangerouslySetInnerHTML={{ __html: svg }} />;
}

export function TicketScreen(props: {
  ticket: IssuedTicket;
  print: PrintStatus;
  printMessage: string | null;
  preview: TicketInput | null;
  onReprint: () => void;
  onFinish: () => void;
}) {
  const t = props.ticket;
  return (
    <>
      <h1 class="center">{t.duplicate ? '您已取过此事项的号码，请您核对' : '取号成功，您的号码是'}</h1>
      <p class="ticket-number" data-testid="ticket-number">
        {t.number}
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
      <p>办理窗口：{t.windows.length > 0 ? t.windows.join('、') : '请留意叫号屏'}。请留意叫号，听到号码后到窗口办理。</p>
      <div role="status" aria-live="polite" data-testid="print-status" data-print={props.print}>
        {props.print === 'printing' && <p class="ui-banner">正在打印小票，请您稍等…</p>}
        {props.print === 'printed' && (
          <p class="ui-banner">
            <Icon name="print" />
            小票已打印，请您取走小票
          </p>
        )}
        {props.print === 'failed' && (
          <p class="ui-banner" data-testid="print-failed" data-reason={props.printMessage ?? ""}>
            <Icon name="warn" />
            小票暂时无法打印，请记下您的号码，或到咨询台领取小票。工作人员已收到补打提示。
          </p>
        )}
      </div>
      {props.print === 'failed' && props.preview && <TicketPreview input={props.preview} />}
      <div class="actions">
        {(t.duplicate || props.print === 'failed') && (
          <BigButton label="重新打印小票" icon="print" disabled={props.print === 'printing'} onClick={props.onReprint} testId="reprint" />
        )}
        <BigButton label="完成" icon="check" variant="primary" size="large" disabled={props.print === 'printing'} onClick={props.onFinish} testId="finish" />
      </div>
    </>
  );
}
