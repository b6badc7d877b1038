// The pad's four screens: idle staff card, the five levels, 差评 reasons, thank-you.
import { useState } from 'preact/hooks';
import type { RatingPrompt } from '../../protocol/hall/ratings.ts';
import { LEVELS } from '../../protocol/rules/levels.ts';
import type { Pad } from './controller.ts';
import { Face, Stars } from './faces.tsx';
import type { PadView } from './model.ts';

const STAR_WORDS = ['', '一', '二', '三', '四', '五'];

function Header({ pad }: { pad: Pad }) {
  const s = pad.settings.value;
  return (
    <header class="pad-header">
      <span class="pad-window">
        <strong>{pad.window}号窗口</strong>
        {s?.windowName && <span> · {s.windowName}</span>}
      </span>
      <span class="pad-hall">{s?.hallName ?? ''}</span>
    </header>
  );
}

export function Idle({ pad }: { pad: Pad }) {
  const staff = pad.staff.value;
  const serving = pad.serving.value;
  const slogan = pad.settings.value?.slogan ?? '中国医保 一生守护';
  return (
    <>
      <Header pad={pad} />
      <section class="pad-idle">
        <div class="pad-staff" aria-label="当班工作人员">
          {staff ? (
            <>
              {staff.photoUrl ? (
                <img class="pad-photo" src={staff.photoUrl} alt={`工作人员${staff.name}的照片`} width={240} height={300} />
              ) : (
                <div class="pad-photo pad-photo-none">暂无照片</div>
              )}
              <div class="pad-staff-text">
                <p class="pad-staff-name">{staff.name}</p>
                {staff.title && <p class="pad-staff-title">{staff.title}</p>}
                <p class="pad-staff-id">工号：{staff.id}</p>
                {staff.partyMember && (
                  <p class="pad-party">
                    <span class="pad-party-mark" aria-hidden="true">☭</span>共产党员
                  </p>
                )}
                <p class="pad-star-line">
                  <Stars count={staff.stars} />
                  <span>{STAR_WORDS[staff.stars]}星级服务</span>
                </p>
              </div>
            </>
          ) : (
            <p class="pad-staff-none">{pad.settings.value ? '工作人员暂未签到，请您稍候' : '正在连接大厅服务器，请您稍候'}</p>
          )}
        </div>
        <div class="pad-serving">
          <p class="pad-serving-label">当前办理</p>
          {serving ? <p class="pad-serving-number">{serving}</p> : <p class="pad-serving-none">暂无</p>}
          <p class="pad-serving-hint">办理结束后，请您对本次服务进行评价</p>
        </div>
      </section>
      <footer class="pad-slogan">{slogan}</footer>
    </>
  );
}

export function Rate({ pad, prompt }: { pad: Pad; prompt: RatingPrompt }) {
  const left = pad.secondsLeft.value;
  return (
    <>
      <Header pad={pad} />
      <section class="pad-rate">
        <h1>请您对本次服务进行评价</h1>
        <p class="pad-prompt-detail">
          号码 {prompt.number} · {prompt.serviceName}
          {pad.staff.value && ` · 工作人员 ${pad.staff.value.name}`}
        </p>
        <div class="pad-levels" role="group" aria-label="评价等级">
          {LEVELS.map((l) => (
            <button
              type="button"
              key={l.score}
              class="pad-level"
              data-score={l.score}
              data-testid={`level-${l.score}`}
              onClick={() => pad.press(l.score)}
            >
              <Face score={l.score} />
              <span class="pad-level-label">{l.label}</span>
            </button>
          ))}
        </div>
        {left !== null && <p class="pad-timeout">如您暂不评价，本页面将在 {left} 秒后关闭</p>}
      </section>
    </>
  );
}

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '清除', '0', '删除'];

export function Reasons({ pad, view }: { pad: Pad; view: Extract<PadView, { kind: 'reasons' }> }) {
  const [chosen, setChosen] = useState<string[]>([]);
  const [comment, setComment] = useState('');
  const [phone, setPhone] = useState('');
  const [consent, setConsent] = useState(false);
  const reasons = pad.settings.value?.badReasons ?? [];
  const level = LEVELS.find((l) => l.score === view.score);
  const toggle = (r: string) => setChosen((c) => (c.includes(r) ? c.filter((x) => x !== r) : [...c, r]));
  const key = (d: string) => {
    if (d === '清除') setPhone('');
    else if (d === '删除') setPhone((p) => p.slice(0, -1));
    else setPhone((p) => (p.length < 12 ? p + d : p));
  };
  return (
    <section class="pad-reasons">
      <h1>
        您选择了“{level?.label}”，请告诉我们原因
      </h1>
      <div class="pad-reasons-body">
        <div class="pad-reason-col">
          <h2 id="reasons-title">不满意的原因（可多选）</h2>
          <div class="pad-reason-list" role="group" aria-labelledby="reasons-title">
            {reasons.map((r) => (
              <button
                type="button"
                key={r}
                class="pad-reason"
                aria-pressed={chosen.includes(r)}
                onClick={() => toggle(r)}
              >
                <span class="pad-check" aria-hidden="true">{chosen.includes(r) ? '☑' : '☐'}</span>
                {r}
              </button>
            ))}
          </div>
          <label class="pad-comment">
            <span>其他意见（选填）</span>
            <textarea maxLength={200} rows={2} value={comment} onInput={(e) => setComment(e.currentTarget.value)} />
          </label>
        </div>
        <div class="pad-phone-col">
          <label class="pad-phone">
            <span>回访电话（选填）</span>
            <input type="text" inputMode="numeric" readOnly value={phone} aria-describedby="phone-hint" />
          </label>
          <p id="phone-hint" class="pad-hint">请用下方数字键输入</p>
          <div class="pad-digits" role="group" aria-label="数字键">
            {DIGITS.map((d) => (
              <button type="button" key={d} class="pad-digit" onClick={() => key(d)}>
                {d}
              </button>
            ))}
          </div>
          <label class="pad-consent">
            <input type="checkbox" checked={consent} onChange={(e) => setConsent(e.currentTarget.checked)} />
            <span>我同意工作人员通过此电话就本次评价回访我，号码仅用于回访并加密保存</span>
          </label>
        </div>
      </div>
      {view.error && (
        <p class="pad-error" role="alert">
          <span aria-hidden="true">⚠ </span>
          {view.error}
        </p>
      )}
      <div class="pad-actions">
        <button type="button" class="pad-back" onClick={() => pad.back()}>
          ‹ 返回重新选择
        </button>
        <button
          type="button"
          class="pad-submit"
          data-testid="submit-reasons"
          onClick={() => pad.submitReasons({ reasons: chosen, comment: comment.trim(), phone, consent })}
        >
          提交评价
        </button>
      </div>
    </section>
  );
}

export function Thanks({ pad, bad }: { pad: Pad; bad: boolean }) {
  return (
    <>
      <Header pad={pad} />
      <section class="pad-thanks">
        <h1>感谢您的评价！</h1>
        <p>{bad ? '我们会认真核实并及时回访，改进我们的工作。' : '祝您生活愉快，欢迎您再来。'}</p>
      </section>
      <footer class="pad-slogan">{pad.settings.value?.slogan ?? '中国医保 一生守护'}</footer>
    </>
  );
}
