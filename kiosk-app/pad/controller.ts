// The pad's state: the hall stream (snapshot + events), the bridge's rating keypad, the outbox, and the view model.
import { computed, signal, type ReadonlySignal } from '@preact/signals';
import { eventData, queueSnapshotOf } from '../../protocol/hall/index.ts';
import type { HallStream } from '../shared/hall/socket.ts';
import { MIN_PRESS_INTERVAL_MS, RatingUnratedEvent, UNDO_FINISH, RatingsSnapshot, type RatingPrompt, type StaffCard } from '../../protocol/hall/ratings.ts';
import { PressGate } from '../../protocol/rules/levels.ts';
import type { BridgeClient } from '../shared/bridge/client.ts';
import type { RatingLevel } from '../shared/bridge/index.ts';
import type { Outbox } from './outbox.ts';
import { badStep, backToLevels, expire, finished, press, ratedElsewhere, withdraw, type PadView, type Step } from './model.ts';
import {
  abandonBadPath, answerConsent, badBack, moreReasons, phoneDone, phoneKey, reasonsDone, secondsBeforeAbandon, skipPhone,
  toggleReason, type BadPath, type BadStepResult,
} from './badPath.ts';
import { resetSeniorMode, seniorMode } from '../shared/ui/mode.ts';

export const KEY_SCORES: Record<RatingLevel, number> = {
  very_satisfied: 5,
  satisfied: 4,
  basic: 3,
  dissatisfied: 2,
  very_dissatisfied: 1,
};

const THANKS_MS = 4000;
/** 已评价（二维码） stays longer than the thanks: it is read, not just seen (when and where the service was rated). */
const RATED_ELSEWHERE_MS = 10_000;

export interface Pad {
  window: number;
  view: ReadonlySignal<PadView>;
  settings: ReadonlySignal<RatingsSnapshot | null>;
  staff: ReadonlySignal<StaffCard | null>;
  /** The number the window serves now (or served last). */
  serving: ReadonlySignal<string | null>;
  secondsLeft: ReadonlySignal<number | null>;
  /** On the 差评 path: seconds before it ends by itself, counted from the last touch. */
  badPathSecondsLeft: ReadonlySignal<number | null>;
  /** The 差评 reasons of the hall's pack. */
  reasons: ReadonlySignal<readonly string[]>;
  pendingUploads: ReadonlySignal<number>;
  press(score: number): void;
  toggleReason(reason: string): void;
  moreReasons(): void;
  reasonsDone(): void;
  phoneKey(key: string): void;
  phoneDone(): void;
  skipPhone(): void;
  answerConsent(agree: boolean): void;
  /** One screen back on the 差评 path (from its first screen, back to the five levels). */
  back(): void;
  /** 继续: the citizen is still there; the path's countdown starts again and every choice stays. */
  keepGoing(): void;
  dispose(): void;
}

function newRatingId(): string {
  return crypto.randomUUID().replaceAll('-', '');
}

export function createPad(window: number, stream: HallStream, outbox: Outbox, bridge: BridgeClient | null): Pad {
  const view = signal<PadView>({ kind: 'idle' });
  /** Hall-server clock minus this pad's clock, from the last snapshot: prompts and ratings use the server's time, so a
   * pad whose clock drifted neither hides prompts as expired nor stamps ratings outside their window. */
  let clockOffsetMs = 0;
  let offsetFrom: string | null = null;
  const serverNow = () => Date.now() + clockOffsetMs;
  const now = signal(serverNow());
  /** This pad's own clock, for the 差评 path's countdown (a touch and the countdown are both local). */
  const localNow = signal(Date.now());
  const lastServed = signal<string | null>(null);
  const syncClock = () => {
    const serverTime = stream.snapshot.peek()?.serverTime ?? null;
    if (serverTime && serverTime !== offsetFrom) {
      offsetFrom = serverTime;
      clockOffsetMs = Date.parse(serverTime) - Date.now();
    }
  };
  const stopClock = stream.snapshot.subscribe(syncClock);
  const settings = computed(() => {
    const parsed = RatingsSnapshot.safeParse(stream.snapshot.value?.modules['ratings']);
    return parsed.success ? parsed.data : null;
  });
  const queueWindow = computed(() => {
    const snap = stream.snapshot.value;
    return snap ? (queueSnapshotOf(snap)?.windows.find((w) => w.number === window) ?? null) : null;
  });
  const staff = computed(() => {
    const id = queueWindow.value?.staffId;
    return id ? (settings.value?.staff.find((s) => s.id === id) ?? null) : null;
  });
  const serving = computed(() => queueWindow.value?.current?.number ?? lastServed.value);
  const secondsLeft = computed(() => {
    const v = view.value;
    if (v.kind !== 'rate') return null;
    return Math.max(0, Math.ceil((Date.parse(v.prompt.expiresAt) - now.value) / 1000));
  });
  const lastTouch = signal(Date.now());
  const badPathSecondsLeft = computed(() => (view.value.kind === 'bad' ? secondsBeforeAbandon(lastTouch.value, localNow.value) : null));
  const reasons = computed<readonly string[]>(() => settings.value?.badReasons ?? []);
  /** Tickets this window served as 绿色通道: their citizen rates in 长辈模式. */
  const seniorTickets = new Set<string>();
  const stopSeniorWatch = queueWindow.subscribe((w) => {
    if (w?.current && w.current.priority !== 'normal') seniorTickets.add(w.current.id);
  });
  const pendingUploads = computed(() => outbox.pending.value.length);
  const gate = new PressGate(MIN_PRESS_INTERVAL_MS);
  /** Tickets rated on this pad (sent or still in the outbox): never prompted again. */
  const rated = new Set<string>(outbox.pending.peek().map((i) => i.request.ticketId));
  let thanksTimer: ReturnType<typeof setTimeout> | undefined;
  let lastSource: 'touch' | 'keypad' = 'touch';

  const apply = (step: Step) => {
    const before = view.peek();
    if (step.view === before && !step.submit) return;
    view.value = step.view;
    if (step.view.kind === 'rate' && (step.view.prompt.senior || seniorTickets.has(step.view.prompt.ticketId))) seniorMode.value = true;
    if (step.view.kind === 'idle' && before.kind !== 'idle') resetSeniorMode();
    if (step.submit) {
      const { prompt, input, ratedAtMs } = step.submit;
      rated.add(prompt.ticketId);
      void outbox.add(window, {
        id: newRatingId(), ticketId: prompt.ticketId, score: input.score, reasons: [...input.reasons], comment: input.comment,
        phone: input.phone, consent: input.consent, source: lastSource, ratedAt: new Date(ratedAtMs ?? serverNow()).toISOString(),
      });
    }
    clearTimeout(thanksTimer);
    if (step.view.kind === 'thanks' || step.view.kind === 'ratedElsewhere') {
      const ms = step.view.kind === 'thanks' ? THANKS_MS : RATED_ELSEWHERE_MS;
      thanksTimer = setTimeout(() => apply({ view: { kind: 'idle' }, submit: null }), ms);
    }
  };

  const offer = (prompt: RatingPrompt) => {
    syncClock();
    const step = finished(view.peek(), prompt, rated, serverNow(), reasons.peek());
    if (step.view !== view.peek()) gate.reset();
    apply(step);
  };

  // A prompt still pending after a reload comes with the snapshot.
  const initial = settings.peek()?.prompt;
  if (initial) offer(initial);
  let seenSnapshotPrompt = initial?.ticketId ?? null;
  const unsubscribeSnapshot = settings.subscribe((s) => {
    if (s?.prompt && s.prompt.ticketId !== seenSnapshotPrompt) {
      seenSnapshotPrompt = s.prompt.ticketId;
      offer(s.prompt);
    }
  });

  const stopEvents = stream.onEvent((event) => {
    const done = eventData(event, 'ticket.finished');
    if (done && done.window === window) {
      lastServed.value = done.number;
      const timeout = settings.peek()?.noRatingTimeoutSeconds ?? 120;
      offer({
        ticketId: done.ticketId, number: done.number, serviceName: done.serviceName, caseNumber: done.caseNumber ?? '',
        staffId: done.staffId, finishedAt: done.finishedAt,
        expiresAt: new Date(Date.parse(done.finishedAt) + timeout * 1000).toISOString(), senior: done.senior,
      });
      return;
    }
    const updated = eventData(event, 'ticket.updated');
    if (updated) {
      if (updated.action === UNDO_FINISH) apply(withdraw(view.peek(), updated.ticket.id));
      return;
    }
    const stored = eventData(event, 'rating.stored');
    if (stored && stored.window === window && stored.channel && stored.at) {
      if (stored.channel !== '窗口评价器') rated.add(stored.ticketId);
      apply(ratedElsewhere(view.peek(), stored.ticketId, stored.channel, stored.at));
      return;
    }
    if (event.type === 'rating.unrated') {
      const unrated = RatingUnratedEvent.safeParse(event.data);
      if (unrated.success && unrated.data.window === window) apply(expire(view.peek(), serverNow(), unrated.data.ticketId));
    }
  });

  const stopState = stream.state.subscribe((s) => {
    if (s === 'open') outbox.kick();
  });

  const stopKeys = bridge?.on('key', (msg) => {
    if (msg.key.device !== 'rating') return;
    lastSource = 'keypad';
    pressScore(KEY_SCORES[msg.key.action]);
  });

  const tick = setInterval(() => {
    now.value = serverNow();
    localNow.value = Date.now();
    const v = view.peek();
    if (v.kind === 'bad' && secondsBeforeAbandon(lastTouch.peek(), localNow.peek()) === 0) {
      apply(badStep(v, abandonBadPath(v, reasons.peek())));
      return;
    }
    apply(expire(v, now.value));
  }, 1000);

  function touched() {
    lastTouch.value = Date.now();
    localNow.value = lastTouch.value;
  }

  function pressScore(score: number) {
    if (!gate.accept(Date.now())) return;
    touched();
    apply(press(view.peek(), score, serverNow()));
  }

  /** One answer on the 差评 path: a new screen of it (a BadPath) or its end (a BadStepResult). */
  function onPath(answer: (path: BadPath, reasons: readonly string[]) => BadPath | BadStepResult) {
    const v = view.peek();
    if (v.kind !== 'bad') return;
    touched();
    const out = answer(v, reasons.peek());
    apply(badStep(v, 'kind' in out ? { path: out, submit: null } : out));
  }

  return {
    window,
    view,
    settings,
    staff,
    serving,
    secondsLeft,
    badPathSecondsLeft,
    reasons,
    pendingUploads,
    press(score) {
      lastSource = 'touch';
      pressScore(score);
    },
    toggleReason: (reason) => onPath((p) => toggleReason(p, reason)),
    moreReasons: () => onPath(moreReasons),
    reasonsDone: () => onPath(reasonsDone),
    phoneKey: (key) => onPath((p) => phoneKey(p, key)),
    phoneDone: () => onPath(phoneDone),
    skipPhone: () => onPath(skipPhone),
    answerConsent: (agree) => onPath((p, r) => answerConsent(p, agree, r)),
    back() {
      const v = view.peek();
      if (v.kind !== 'bad') return;
      touched();
      const previous = badBack(v);
      apply(previous ? badStep(v, { path: previous, submit: null }) : backToLevels(v));
    },
    keepGoing: touched,
    dispose() {
      clearInterval(tick);
      stopSeniorWatch();
      clearTimeout(thanksTimer);
      unsubscribeSnapshot();
      stopClock();
      stopEvents();
      stopState();
      stopKeys?.();
    },
  };
}
