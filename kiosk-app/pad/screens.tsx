// The pad's screens besides the 差评 path (badScreens.tsx): idle staff card, the five levels, thank-you.
import type { RatingPrompt } from '../../protocol/hall/ratings.ts';
import { LEVELS } from '../../protocol/rules/levels.ts';
import type { Pad } from './controller.ts';
import { Face, Stars } from './faces.tsx';
import { hallClockOf } from '../shared/hall/hall-clock.ts';
import { session } from '../shared/hall/session.ts';
import { SeniorSwitch } from '../shared/ui/SeniorSwitch.tsx';

const STAR_WORDS = ['', '一', '二', '三', '四', '五'];

function Header({ pad }: { pad: Pad }) {
  const s = pad.settings.value;
  return (
    <header class="pad-header">
      <span class="pad-window">
        <strong>{pad.window}号窗口</strong>
        {s?.windowName && <span> · {s.windowName}</span>}
      </span>
      <span class="pad-hall">
        {session.value?.demo && <span class="pad-demo">演示终端</span>}
        <span class="pad-hall-name">{s?.hallName ?? ''}</span>
      </span>
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
      <div class="pad-idle-actions">
        <SeniorSwitch />
      </div>
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
              data-choice
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

export function RatedElsewhere({ pad, channel, at }: { pad: Pad; channel: string; at: string }) {
  return (
    <>
      <Header pad={pad} />
      <section class="pad-thanks" data-testid="rated-elsewhere">
        <h1>本次服务已评价</h1>
        <p>已评价（{channel}），评价时间 {hallClockOf(new Date(at))}</p>
      </section>
      <footer class="pad-slogan">{pad.settings.value?.slogan ?? '中国医保 一生守护'}</footer>
    </>
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
