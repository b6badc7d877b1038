// The 差评 path's screens, one question each: reasons (at most 4 a screen), call-back phone, consent. Every screen shows
// its step, keeps a 返回, and warns with a countdown and 继续 before the path would end by itself.
import { maskPhone } from '../../protocol/person/mask.ts';
import { levelLabel } from '../../protocol/rules/levels.ts';
import { reasonPages, reasonsOnScreen, WARN_SECONDS, type BadPath } from './badPath.ts';
import type { Pad } from './controller.ts';

const STEP_NUMBER = { reasons: 1, phone: 2, consent: 3 } as const;
const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '清除', '0', '删除'];

export function BadPathScreen({ pad, path }: { pad: Pad; path: BadPath }) {
  const left = pad.badPathSecondsLeft.value ?? 0;
  const warning = left <= WARN_SECONDS;
  return (
    <section class="pad-bad" data-step={path.step}>
      <div class="pad-bad-top">
        {warning ? (
          <Countdown pad={pad} left={left} />
        ) : (
          <p class="pad-bad-progress">
            您选择了“{levelLabel(path.score)}” · 第 {STEP_NUMBER[path.step]} 步，共 3 步
          </p>
        )}
      </div>
      {path.step === 'reasons' && <Reasons pad={pad} path={path} />}
      {path.step === 'phone' && <Phone pad={pad} path={path} />}
      {path.step === 'consent' && <Consent pad={pad} path={path} />}
      {path.error && (
        <p class="pad-error" role="alert">
          <span aria-hidden="true">⚠ </span>
          {path.error}
        </p>
      )}
    </section>
  );
}

function Reasons({ pad, path }: { pad: Pad; path: BadPath }) {
  const all = pad.reasons.value;
  const pages = reasonPages(all);
  return (
    <>
      <h1 id="reasons-title">哪方面让您不满意？（可多选）</h1>
      <div class="pad-choices" role="group" aria-labelledby="reasons-title">
        {reasonsOnScreen(path, all).map((r) => (
          <button type="button" key={r} class="pad-choice" data-choice aria-pressed={path.chosen.includes(r)} onClick={() => pad.toggleReason(r)}>
            <span class="pad-check" aria-hidden="true">{path.chosen.includes(r) ? '☑' : '☐'}</span>
            {r}
          </button>
        ))}
      </div>
      <div class="pad-actions">
        <button type="button" class="pad-back" onClick={() => pad.back()}>
          ‹ 返回
        </button>
        {pages > 1 && (
          <button type="button" class="pad-more" onClick={() => pad.moreReasons()}>
            {path.page + 1 < pages ? '更多原因' : '回到第一屏原因'}（{path.page + 1}/{pages}）
          </button>
        )}
        <button type="button" class="pad-next" data-testid="reasons-done" onClick={() => pad.reasonsDone()}>
          下一步 ›
        </button>
      </div>
    </>
  );
}

function Phone({ pad, path }: { pad: Pad; path: BadPath }) {
  return (
    <div class="pad-phone-step">
      <div class="pad-phone-side">
        <h1 id="phone-title">需要工作人员回访您吗？</h1>
        <p class="pad-hint">如需回访，请用右侧数字键输入电话号码；不需要可直接点“不留电话”。</p>
        <output class="pad-phone-number" aria-labelledby="phone-title" data-testid="phone-number">
          {path.phone || '　'}
        </output>
        <div class="pad-actions">
          <button type="button" class="pad-back" onClick={() => pad.back()}>
            ‹ 返回
          </button>
          <button type="button" class="pad-more" data-testid="skip-phone" onClick={() => pad.skipPhone()}>
            不留电话
          </button>
          <button type="button" class="pad-next" data-testid="phone-done" disabled={path.phone === ''} onClick={() => pad.phoneDone()}>
            下一步 ›
          </button>
        </div>
      </div>
      <div class="pad-keys" role="group" aria-label="数字键">
        {KEYS.map((k) => (
          <button type="button" key={k} class="pad-key" data-key={k} onClick={() => pad.phoneKey(k)}>
            {k}
          </button>
        ))}
      </div>
    </div>
  );
}

function Consent({ pad, path }: { pad: Pad; path: BadPath }) {
  return (
    <>
      <h1 id="consent-title">是否同意工作人员拨打 {maskPhone(path.phone)} 回访您？</h1>
      <p class="pad-hint">号码仅用于本次评价的回访，加密保存，到期删除。</p>
      <div class="pad-choices pad-yes-no" role="group" aria-labelledby="consent-title">
        <button type="button" class="pad-choice pad-yes" data-choice data-testid="consent-yes" onClick={() => pad.answerConsent(true)}>
          同意回访
        </button>
        <button type="button" class="pad-choice" data-choice data-testid="consent-no" onClick={() => pad.answerConsent(false)}>
          不同意，不留电话
        </button>
      </div>
      <div class="pad-actions">
        <button type="button" class="pad-back" onClick={() => pad.back()}>
          ‹ 返回修改电话
        </button>
      </div>
    </>
  );
}

/** Shown in place of the step line for the last seconds: the time left, spoken by its role, and 继续. */
function Countdown({ pad, left }: { pad: Pad; left: number }) {
  return (
    <div class="pad-countdown" role="alert" data-testid="bad-countdown">
      <span>还需要时间吗？{left} 秒后自动结束</span>
      <button type="button" class="pad-next" data-testid="keep-going" onClick={() => pad.keepGoing()}>
        继续评价
      </button>
    </div>
  );
}
