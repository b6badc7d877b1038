import { BigButton } from '../../shared/ui/BigButton.tsx';
import { maskIdNumber, maskName } from '../../../protocol/person/mask.ts';
import type { Identity } from '../model/types.ts';

/** The citizen's own confirmation: masked name, at most 6 + ******** + 4 of the ID number. A decision screen: it never advances by itself. */
export function Confirm(props: { identity: Identity; greenOffered: boolean; greenAge: number | null; onConfirm: (green: boolean) => void }) {
  const sourceLabel = props.identity.source === 'id_card' ? '身份证' : props.identity.source === 'ss_card' ? '社保卡' : '医保电子凭证';
  return (
    <>
      <h1>请您核对信息</h1>
      <div class="panel">
        <p>
          <strong>姓名：</strong>
          <span data-testid="masked-name">{maskName(props.identity.name)}</span>
        </p>
        <p>
          <strong>证件号码：</strong>
          <span data-testid="masked-id">{maskIdNumber(props.identity.idNumber)}</span>
        </p>
        <p>
          <strong>识别方式：</strong>
          {sourceLabel}
        </p>
      </div>
      {props.greenOffered ? (
        <>
          <p class="ui-banner" data-testid="green-offer">
            您已年满{props.greenAge ?? 70}周岁，可以走绿色通道优先办理。
          </p>
          <div class="actions">
            <BigButton label="走绿色通道" icon="heart" variant="primary" size="large" onClick={() => props.onConfirm(true)} testId="green-yes" />
            <BigButton label="普通取号" icon="ticket" size="large" onClick={() => props.onConfirm(false)} testId="green-no" />
          </div>
        </>
      ) : (
        <div class="actions">
          <BigButton label="信息无误，下一步" icon="check" variant="primary" size="large" onClick={() => props.onConfirm(false)} testId="confirm-identity" />
        </div>
      )}
    </>
  );
}
