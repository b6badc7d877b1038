import { BigButton } from '../../shared/ui/BigButton.tsx';
import { Icon } from '../../shared/ui/icons.tsx';
import { noMethodWorks, type IdMethods, type MethodState } from '../model/idMethods.ts';

function Reader({ label }: { label: string }) {
  return (
    <div class="reader" role="img" aria-label={label}>
      <div class="reader-card" />
      <div class="reader-slot" />
    </div>
  );
}

const OUT_OF_ORDER = {
  idcard: '身份证读卡器暂时无法使用',
  sscard: '社保卡读卡器暂时无法使用',
  ecard: '扫码器暂时无法使用',
} as const;

/** One way of showing identity: the reader's picture and what to do, or that its reader is out of order. */
export function Method(props: { kind: keyof IdMethods; state: MethodState; icon: 'idcard' | 'sscard' | 'qr'; picture: string; title: string; how: string }) {
  if (props.state === 'absent') return null;
  const offline = props.state === 'offline';
  return (
    <div class="panel id-method" data-testid={`method-${props.kind}`} data-state={props.state}>
      {!offline && <Reader label={props.picture} />}
      <div>
        <h2>
          <Icon name={offline ? 'warn' : props.icon} /> {offline ? OUT_OF_ORDER[props.kind] : props.title}
        </h2>
        <p>{offline ? '请您使用其他方式，或到咨询台办理' : props.how}</p>
      </div>
    </div>
  );
}

/** "请放身份证 / 请刷社保卡 / 请出示医保码": all readers listen at once, so there is nothing to choose first. Only the ways
 * that work are offered; a reader out of order says so instead of leaving the citizen waiting. */
export function Identify(props: {
  serviceName: string;
  busy: boolean;
  error: string | null;
  allowWithout: boolean;
  onWithout: () => void;
  methods: IdMethods;
}) {
  const m = props.methods;
  return (
    <>
      <h1>请您出示证件（{props.serviceName}）</h1>
      <p>{noMethodWorks(m) ? '读卡器暂时无法使用，请到咨询台办理，给您带来不便敬请谅解' : '以下任选一种即可：'}</p>
      <div class="id-methods">
        <Method kind="idcard" state={m.idcard} icon="idcard" picture="身份证放置位置示意：放在读卡区上" title="请放身份证" how="请将身份证平放在屏幕下方的读卡区" />
        <Method kind="sscard" state={m.sscard} icon="sscard" picture="社保卡放置位置示意：插入读卡口" title="请刷社保卡" how="请将社保卡芯片朝上插入读卡口" />
        <Method kind="ecard" state={m.ecard} icon="qr" picture="医保码出示位置示意：对准扫码口" title="请出示医保码" how="请打开医保电子凭证，将二维码对准扫码口" />
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
