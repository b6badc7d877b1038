import { BigButton } from '../../shared/ui/BigButton.tsx';
import { Icon } from '../../shared/ui/icons.tsx';

function Reader({ label }: { label: string }) {
  return (
    <div class="reader" role="img" aria-label={label}>
      <div class="reader-card" />
      <div class="reader-slot" />
    </div>
  );
}

/** "请放身份证 / 请刷社保卡 / 请出示医保码": all readers listen at once, so there is nothing to choose first. */
export function Identify(props: {
  serviceName: string;
  busy: boolean;
  error: string | null;
  allowWithout: boolean;
  onWithout: () => void;
}) {
  return (
    <>
      <h1>请您出示证件（{props.serviceName}）</h1>
      <p>以下任选一种即可：</p>
      <div class="id-methods">
        <div class="panel id-method" data-testid="method-idcard">
          <Reader label="身份证放置位置示意：放在读卡区上" />
          <div>
            <h2>
              <Icon name="idcard" /> 请放身份证
            </h2>
            <p>请将身份证平放在屏幕下方的读卡区</p>
          </div>
        </div>
        <div class="panel id-method" data-testid="method-sscard">
          <Reader label="社保卡放置位置示意：插入读卡口" />
          <div>
            <h2>
              <Icon name="sscard" /> 请刷社保卡
            </h2>
            <p>请将社保卡芯片朝上插入读卡口</p>
          </div>
        </div>
        <div class="panel id-method" data-testid="method-ecard">
          <Reader label="医保码出示位置示意：对准扫码口" />
          <div>
            <h2>
              <Icon name="qr" /> 请出示医保码
            </h2>
            <p>请打开医保电子凭证，将二维码对准扫码口</p>
          </div>
        </div>
      </div>
      <div role="status" aria-live="polite">
        {props.busy && <p class="ui-banner">正在识别，请您稍等…</p>}
        {props.error && (
          <p class="ui-banner" data-testid="identify-error">
            <Icon name="warn" />
            {props.error}
          </p>
        )}
      </div>
      {props.allowWithout && (
        <div class="actions">
          <BigButton label="没带证件，无证件取号" icon="none" onClick={props.onWithout} testId="without-document" />
        </div>
      )}
    </>
  );
}
