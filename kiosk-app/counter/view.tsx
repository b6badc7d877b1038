// The counter panel's layout: sign-in, the current ticket, call controls, held tickets.
import { useState } from 'preact/hooks';
import type { Counter } from './controller.ts';
import { deferredNote, duration, secondsBetween } from './timing.ts';
import { alertLines, escalationLines } from './alerts.ts';
import { AlertBanner } from '../shared/ui/AlertBanner.tsx';
import { session } from '../shared/hall/session.ts';
import { DeferralForm } from './DeferralForm.tsx';
import { hallClockOf } from '../shared/hall/hall-clock.ts';

const STATUS_TEXT: Record<string, string> = {
  called: '已呼叫，等候群众到窗口',
  serving: '正在办理',
  held: '已挂起',
};

const PRIORITY_TEXT: Record<string, string> = {
  normal: '',
  elderly: '老年人优先',
  disability: '残疾人优先',
  pregnancy: '孕妇优先',
  veteran: '军人优先',
};

function SignIn({ counter }: { counter: Counter }) {
  const [staffId, setStaffId] = useState('');
  return (
    <form
      class="counter-signin"
      onSubmit={(e) => {
        e.preventDefault();
        void counter.act('sign-in', { staffId: staffId.trim() });
      }}
    >
      <h2>请先签到</h2>
      <p>签到后，本窗口的评价将记在您的名下。</p>
      <label>
        <span>工号</span>
        <input name="staffId" value={staffId} autoComplete="off" inputMode="numeric" onInput={(e) => setStaffId(e.currentTarget.value)} />
      </label>
      <button type="submit" class="counter-btn" data-variant="primary" disabled={counter.busy.value || staffId.trim() === ''}>
        签到
      </button>
    </form>
  );
}

function Current({ counter }: { counter: Counter }) {
  const w = counter.win.value;
  const t = w?.current ?? null;
  const now = counter.now.value;
  if (!t) {
    return (
      <section class="counter-current" aria-label="当前号码">
        <p class="counter-empty">当前没有正在办理的号码</p>
        <p>本窗口等候人数：{counter.waiting.value} 人</p>
      </section>
    );
  }
  const note = deferredNote(counter.service.value);
  const wait = t.calledAt ? secondsBetween(t.issuedAt, Date.parse(t.calledAt)) : secondsBetween(t.issuedAt, now);
  return (
    <section class="counter-current" aria-label="当前号码">
      <p class="counter-number" data-testid="current-number">{t.number}</p>
      <dl class="counter-facts">
        <dt>事项</dt>
        <dd>{t.serviceName}</dd>
        <dt>状态</dt>
        <dd>
          {STATUS_TEXT[t.status] ?? t.status}
          {t.callCount > 1 && `（已呼叫 ${t.callCount} 次）`}
        </dd>
        {t.maskedName && (
          <>
            <dt>群众</dt>
            <dd>{t.maskedName}</dd>
          </>
        )}
        {PRIORITY_TEXT[t.priority] && (
          <>
            <dt>优先</dt>
            <dd>{PRIORITY_TEXT[t.priority]}</dd>
          </>
        )}
        {t.appointmentAt && (
          <>
            <dt>预约</dt>
            <dd data-testid="current-appointment">预约 {hallClockOf(new Date(t.appointmentAt))} 时段</dd>
          </>
        )}
        <dt>等候时长</dt>
        <dd>{duration(wait)}</dd>
        <dt>办理时长</dt>
        <dd>{duration(secondsBetween(t.startedAt ?? t.calledAt, now))}</dd>
      </dl>
      {note && (
        <p class="counter-deferred" role="note">
          <strong>容缺受理：</strong>
          {note}
        </p>
      )}
      <p>本窗口等候人数：{counter.waiting.value} 人</p>
    </section>
  );
}

function Controls({ counter }: { counter: Counter }) {
  const w = counter.win.value;
  const [caseNumber, setCaseNumber] = useState('');
  const [transferTo, setTransferTo] = useState('');
  const busy = counter.busy.value;
  const current = w?.current ?? null;
  const services = counter.pack.value?.services ?? [];
  const finish = () => {
    const body = caseNumber.trim() ? { caseNumber: caseNumber.trim() } : {};
    void counter.act('finish', body).then(() => setCaseNumber(''));
  };
  return (
    <section class="counter-controls" aria-label="叫号操作">
      <div class="counter-grid">
        <button type="button" class="counter-btn" data-variant="primary" disabled={busy || !!current || w?.paused} onClick={() => void counter.act('call-next', {})}>
          呼叫下一位
        </button>
        <button type="button" class="counter-btn" disabled={busy || !current} onClick={() => void counter.act('recall', {})}>
          重呼
        </button>
        <button type="button" class="counter-btn" disabled={busy || current?.status !== 'called'} onClick={() => void counter.act('start', {})}>
          开始办理
        </button>
        <button type="button" class="counter-btn" disabled={busy || !current} onClick={() => void counter.act('no-show', {})}>
          过号
        </button>
        <button type="button" class="counter-btn" disabled={busy || !current} onClick={() => void counter.act('hold', {})}>
          挂起
        </button>
        <button type="button" class="counter-btn" disabled={busy || !w?.undoable} onClick={() => void counter.act('undo', {})}>
          撤销上一步
        </button>
        {w?.paused ? (
          <button type="button" class="counter-btn" disabled={busy} onClick={() => void counter.act('resume', {})}>
            恢复服务
          </button>
        ) : (
          <button type="button" class="counter-btn" disabled={busy} onClick={() => void counter.act('pause', {})}>
            暂停服务
          </button>
        )}
      </div>
      <div class="counter-finish">
        <label>
          <span>办件编号（选填，来自业务系统）</span>
          <input value={caseNumber} autoComplete="off" onInput={(e) => setCaseNumber(e.currentTarget.value)} />
        </label>
        <button type="button" class="counter-btn" data-variant="accent" disabled={busy || !current} onClick={finish}>
          办结并请群众评价
        </button>
      </div>
      <div class="counter-transfer">
        <label>
          <span>转移到事项</span>
          <select value={transferTo} onChange={(e) => setTransferTo(e.currentTarget.value)}>
            <option value="">请选择事项</option>
            {services.map((s) => (
              <option key={s.code} value={s.code}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          class="counter-btn"
          disabled={busy || !current || transferTo === ''}
          onClick={() => void counter.act('transfer', { toService: transferTo }).then(() => setTransferTo(''))}
        >
          转移
        </button>
      </div>
      {current && counter.service.value?.guide.deferredAcceptance.allowed && (
        <DeferralForm key={current.id} window={counter.window} ticketId={current.id} service={counter.service.value} />
      )}
      {counter.missed.value.length > 0 && (
        <div class="counter-held" data-testid="counter-missed">
          <h2>过号的号码（群众回来后可重新排队，不必重新取号）</h2>
          <ul>
            {counter.missed.value.map((m) => (
              <li key={m.id}>
                <span>
                  {m.number} · {m.serviceName}
                </span>
                <button type="button" class="counter-btn" disabled={busy} onClick={() => void counter.act('rejoin', { ticketId: m.id })}>
                  过号重排 {m.number}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {w && w.held.length > 0 && (
        <div class="counter-held">
          <h2>已挂起的号码</h2>
          <ul>
            {w.held.map((h) => (
              <li key={h.id}>
                <span>
                  {h.number} · {h.serviceName}
                </span>
                <button type="button" class="counter-btn" disabled={busy || !!current} onClick={() => void counter.act('return', { ticketId: h.id })}>
                  恢复办理 {h.number}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

function Alerts({ counter }: { counter: Counter }) {
  const alerts = counter.alerts.value;
  return (
    <>
      <AlertBanner lines={escalationLines(alerts)} tone="urgent" class="counter-alerts" testId="counter-escalations" />
      <AlertBanner lines={alertLines(alerts)} class="counter-alerts" testId="counter-alerts" />
    </>
  );
}

export function CounterView({ counter }: { counter: Counter }) {
  const w = counter.win.value;
  const notice = counter.notice.value;
  const signedIn = !!w?.staffId;
  return (
    <main class="counter">
      <header class="counter-header">
        <h1>
          {counter.window}号窗口{w ? ` · ${w.name}` : ''}
        </h1>
        {session.value?.demo && <span class="counter-demo">演示终端</span>}
        {signedIn && (
          <div class="counter-staff">
            <span data-testid="signed-in">
              当班：{counter.staffName.value ?? ''}（工号 {w?.staffId}）
            </span>
            {w?.paused && <span class="counter-paused">已暂停服务</span>}
            <button type="button" class="counter-btn counter-small" disabled={counter.busy.value} onClick={() => void counter.act('sign-out', {})}>
              签退
            </button>
          </div>
        )}
      </header>
      <Alerts counter={counter} />
      {notice && (
        <p class="counter-notice" data-kind={notice.kind} role={notice.kind === 'error' ? 'alert' : 'status'}>
          <span aria-hidden="true">{notice.kind === 'error' ? '⚠ ' : '✓ '}</span>
          {notice.text}
        </p>
      )}
      {signedIn ? (
        <div class="counter-body">
          <Current counter={counter} />
          <Controls counter={counter} />
        </div>
      ) : (
        <SignIn counter={counter} />
      )}
    </main>
  );
}
