// After 材料不全 (DB21/T 4402 §9.5, §9.3): for an item with 容缺, which missing materials may come later, by when,
// and the 承诺书 to print and sign; for any other item, what to bring next time, with a list to print.
import type { PackData, Service } from '../../../content/schema/index.ts';
import { chineseDate } from '../../../protocol/bridge/ticket/slip.ts';
import { supplyWorkingDays } from '../../../content/schema/index.ts';
import { BigButton } from '../../shared/ui/BigButton.tsx';
import { Icon } from '../../shared/ui/icons.tsx';
import type { SlipPrint } from '../controller.ts';
import { deferrableMaterials, supplyDueDate } from '../model/slip.ts';
import { materialText } from './texts.ts';

export function MissingMaterials(props: { service: Service; pack: Pick<PackData, 'calendar'>; today: string; slip: SlipPrint }) {
  const g = props.service.guide;
  const later = deferrableMaterials(props.service);
  const needed = g.materials.filter((m) => !later.includes(m));
  return (
    <>
      <h1>材料不全怎么办？</h1>
      {later.length > 0 ? (
        <>
          <p data-testid="missing-advice">
            本事项可以<strong>容缺受理</strong>：下列材料可以先办理、之后补交，请在
            <strong data-testid="supply-due">{chineseDate(supplyDueDate(props.service, props.pack, props.today))}前（{supplyWorkingDays(g)}个工作日内）</strong>
            补交。请打印容缺受理承诺书，签名后交给窗口。
          </p>
          <ul class="materials" data-testid="deferrable-materials">
            {later.map((m) => (
              <li key={m.name}>
                <Icon name="clock" /> {materialText(m)} <span class="tag">可后补</span>
              </li>
            ))}
          </ul>
          {needed.length > 0 && (
            <>
              <p>以下材料今天必须带齐：</p>
              <ul class="materials" data-testid="bring-next-time">
                {needed.map((m) => (
                  <li key={m.name}>
                    <Icon name="list" /> {materialText(m)}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      ) : (
        <>
          <p data-testid="missing-advice">本事项不能容缺受理。下次来办理时，请带齐以下材料；可以打印材料清单带走。</p>
          <ul class="materials" data-testid="bring-next-time">
            {g.materials.map((m) => (
              <li key={m.name}>
                <Icon name="list" /> {materialText(m)}
              </li>
            ))}
          </ul>
        </>
      )}
      <p>您也可以现在取号，工作人员会告诉您今天能办到哪一步。</p>
      <SlipStatus slip={props.slip} promise={later.length > 0} />
    </>
  );
}

function SlipStatus({ slip, promise }: { slip: SlipPrint; promise: boolean }) {
  const what = promise ? '容缺受理承诺书' : '材料清单';
  return (
    <div role="status" aria-live="polite" data-testid="slip-status" data-slip={slip.state}>
      {slip.state === 'printing' && <p class="ui-banner">正在打印{what}，请您稍等…</p>}
      {slip.state === 'printed' && <p class="ui-banner">{what}已打印，请从出票口取走。</p>}
      {slip.state === 'failed' && (
        <p class="ui-banner">
          <Icon name="warn" />
          {what}没有打印出来（{slip.message}），请到咨询台领取。
        </p>
      )}
    </div>
  );
}

export function MissingActions(props: { service: Service; issuing: boolean; slip: SlipPrint; onPrint: () => void; onIssue: () => void }) {
  const promise = deferrableMaterials(props.service).length > 0;
  return (
    <>
      <BigButton
        label={promise ? '打印容缺承诺书' : '打印材料清单'}
        icon="print"
        size="large"
        disabled={props.issuing || props.slip.state === 'printing'}
        onClick={props.onPrint}
        testId="print-slip"
      />
      <BigButton label="现在取号" icon="ticket" variant="primary" size="large" disabled={props.issuing} onClick={props.onIssue} testId="issue-missing" />
    </>
  );
}
