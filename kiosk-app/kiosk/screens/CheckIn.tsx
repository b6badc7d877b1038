// 预约签到 (DB21/T 4402 §10.1.2): the entry on home, the screen that takes a card, a 医保码 or the typed 预约码, and the
// answers that are not a ticket (too early, no booking found). On time and late end on the ticket screen.
import { BigButton } from '../../shared/ui/BigButton.tsx';
import { Icon } from '../../shared/ui/icons.tsx';
import { CODE_DIGITS } from '../model/checkIn.ts';
import { noMethodWorks, type IdMethods } from '../model/idMethods.ts';
import { Method } from './Identify.tsx';
import './checkIn.css';

/** Home's way in, kept in reach below the items (and below the 长辈模式 question). */
export function CheckInEntry(props: { onOpen: () => void }) {
  return <BigButton label="预约签到" icon="clock" variant="accent" onClick={props.onOpen} testId="open-check-in" />;
}

export function CheckInScreen(props: { digits: string; busy: boolean; error: string | null; methods: IdMethods }) {
  const m = props.methods;
  return (
    <>
      <h1>预约签到</h1>
      <p>{noMethodWorks(m) ? '读卡器暂时无法使用，请在下方输入预约码签到' : '请刷卡、出示医保码，或在下方输入 8 位预约码：'}</p>
      <div class="id-methods check-in-methods">
        <Method kind="idcard" state={m.idcard} icon="idcard" picture="身份证放置位置示意：放在读卡区上" title="请放身份证" how="请将身份证平放在屏幕下方的读卡区" />
        <Method kind="sscard" state={m.sscard} icon="sscard" picture="社保卡放置位置示意：插入读卡口" title="请刷社保卡" how="请将社保卡芯片朝上插入读卡口" />
        <Method kind="ecard" state={m.ecard} icon="qr" picture="医保码出示位置示意：对准扫码口" title="请出示医保码" how="请打开医保电子凭证，将二维码对准扫码口" />
      </div>
      <div role="status" aria-live="polite">
        {props.busy && <p class="ui-banner">正在查询您的预约，请您稍等…</p>}
        {props.error && (
          <p class="ui-banner" data-testid="check-in-error">
            <Icon name="warn" />
            {props.error}
          </p>
        )}
      </div>
    </>
  );
}

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '清除', '0', '删除'];

/** The typed code (one box per digit) over the keypad and 签到, kept in reach below the screen. */
export function CheckInKeypad(props: { digits: string; busy: boolean; onKey: (key: string) => void; onSubmit: () => void }) {
  const boxes = Array.from({ length: CODE_DIGITS }, (_, i) => props.digits[i] ?? '');
  return (
    <div class="check-in-keys">
      <p class="check-in-code" data-testid="check-in-code" data-code={props.digits}>
        <span class="check-in-code-label">预约码</span>
        {boxes.map((d, i) => (
          <span key={i} class="check-in-digit">{d}</span>
        ))}
      </p>
      <div class="check-in-keypad" role="group" aria-label="预约码键盘">
        {KEYS.map((key) => (
          <BigButton
            key={key}
            label={key}
            variant="quiet"
            disabled={props.busy}
            onClick={() => props.onKey(key)}
            testId={`code-key-${key}`}
          />
        ))}
      </div>
      <BigButton label="签到" icon="check" variant="primary" size="large" disabled={props.busy} onClick={props.onSubmit} testId="check-in-submit" />
    </div>
  );
}

export function CheckInEarlyScreen(props: { serviceName: string; message: string; comeBackAt: string }) {
  return (
    <>
      <h1>您来早了</h1>
      <p class="check-in-when" data-testid="come-back-at">
        <Icon name="clock" />
        请于 {props.comeBackAt} 以后签到
      </p>
      <p data-testid="check-in-message">{props.message}</p>
      <p>如果您不想等，也可以现在取普通号，按顺序办理“{props.serviceName}”。</p>
    </>
  );
}

export function CheckInMissingScreen(props: { message: string }) {
  return (
    <>
      <h1>没有找到可签到的预约</h1>
      <p class="ui-banner" data-testid="check-in-message">
        <Icon name="warn" />
        {props.message}
      </p>
      <p>请核对预约码后重新签到；也可以直接取普通号，选择您要办理的事项。</p>
    </>
  );
}

/** 现在取普通号 (early: the booked item; none found: home) and 重新签到. */
export function CheckInAnswerActions(props: { onOrdinary: () => void; onRetry: () => void }) {
  return (
    <>
      <BigButton label="重新签到" icon="back" onClick={props.onRetry} testId="check-in-again" />
      <BigButton label="取普通号" icon="ticket" variant="primary" onClick={props.onOrdinary} testId="ordinary-ticket" />
    </>
  );
}
