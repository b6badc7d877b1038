import type { Service } from '../../../content/schema/index.ts';
import { BigButton } from '../../shared/ui/BigButton.tsx';
import { Qr } from './Qr.tsx';
import { channelLabels, materialText, timeLimitText } from './texts.ts';

/** 取号办理, or — while the hall issues no tickets for the item — the reason in words instead of the button. */
export function GuideActions({ onTake, closedReason }: { onTake: () => void; closedReason: string | null }) {
  if (closedReason) {
    return (
      <p class="ui-banner" role="status" data-testid="service-closed">
        {closedReason}
      </p>
    );
  }
  return <BigButton label="取号办理" icon="ticket" variant="primary" size="large" onClick={onTake} testId="take-ticket" />;
}

/** 办事指南 in plain words. */
export function Guide({ service }: { service: Service }) {
  const g = service.guide;
  const remote = otherChannels(service);
  return (
    <>
      <h1>{service.name}</h1>
      <div class="panel">
        <p>
          <strong>谁可以办：</strong>
          {g.serviceObject}
        </p>
        <p>
          <strong>办理时限：</strong>
          {timeLimitText(g.timeLimit)}
        </p>
        <p>
          <strong>收费：</strong>
          {g.fee}
        </p>
      </div>
      <h2>需要带的材料</h2>
      <ul class="materials">
        {g.materials.map((m) => (
          <li key={m.name}>
            {materialText(m)}
            {m.deferrable && g.deferredAcceptance.allowed && <span class="tag">可容缺</span>}
            {m.notes && <div>{m.notes}</div>}
          </li>
        ))}
        {g.materials.length === 0 && <li>无需材料</li>}
      </ul>
      {g.deferredAcceptance.allowed && <p>本事项可容缺受理：部分材料可在承诺后补交。{g.deferredAcceptance.note ?? ''}</p>}
      {remote.length > 0 && (
        <>
          <h2>不用排队，也可以这样办</h2>
          {remote.map((c) => (
            <div class="panel id-method" key={c.kind}>
              {c.url ? <Qr payload={c.url} label={`${channelLabels[c.kind]}二维码`} /> : <span aria-hidden="true" />}
              <p>
                <strong>{channelLabels[c.kind]}：</strong>
                {c.description}
                {c.phone ? `（电话 ${c.phone}）` : ''}
              </p>
            </div>
          ))}
        </>
      )}
      <p>
        咨询电话 {g.consultPhone}，监督电话 {g.supervisePhone}
      </p>
    </>
  );
}

type ChannelLike = { kind: keyof typeof channelLabels; description: string; url?: string; phone?: string };

/** Other ways to do the item (web, mobile, phone). The pack schema lists channels per guide once CONTENT adds the field;
 * until then a guide without it simply shows none. */
function otherChannels(service: Service): ChannelLike[] {
  const guide = service.guide as Service['guide'] & { channels?: ChannelLike[] };
  return (guide.channels ?? []).filter((c) => c.kind !== 'window');
}
