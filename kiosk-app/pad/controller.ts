// The pad's state: the hall stream (snapshot + events), the bridge's rating keypad, the outbox, and the view model.
import { computed, signal, type ReadonlySignal } from '@preact/signals';
import { eventData, queueSnapshotOf } from '../../protocol/hall/index.ts';
import type { HallStream } from '../shared/hall/socket.ts';
import { MIN_PRESS_INTERVAL_MS, RatingUnratedEvent, UNDO_FINISH, RatingsSnapshot, type RatingPrompt, type StaffCard } from '../../protocol/hall/ratings.ts';
import { PressGate } from '../../protocol/rules/levels.ts';
import type { BridgeClient } from '../shared/bridge/client.ts';
import type { RatingLevel } from '../shared/bridge/index.ts';
import type { Outbox } from './outbox.ts';
import { back, expire, finished, press, submitReasons, withdraw, type PadView, type Step } from './model.ts';
import type { RatingInput } from '../../protocol/rules/levels.ts';

export const KEY_SCORES: Record<RatingLevel, number> = {
  very_satisfied: 5,
  satisfied: 4,
  basic: 3,
  dissatisfied: 2,
  very_dissatisfied: 1,
};

const THANKS_MS = 4000;

export interface Pad {
  window: number;
  view: ReadonlySignal<PadView>;
  settings: ReadonlySignal<RatingsSnapshot | null>;
  staff: ReadonlySignal<StaffCard | null>;
  /** The number the window serves now (or served last). */
  serving: ReadonlySignal<string | null>;
  secondsLeft: ReadonlySignal<number | null>;
  pendingUploads: ReadonlySignal<number>;
  press(score: number): void;
  submitReasons(details: Omit<RatingInput, 'score'>): void;
  back(): void;
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
    if (v.kind !== 'rate' && v.kind !== 'reasons') return null;
    return Math.max(0, Math.ceil((Date.parse(v.prompt.expiresAt) - now.value) / 1000));
  });
  const pendingUploads = computed(() => outbox.pending.value.length);
  const gate = new PressGate(MIN_PRESS_INTERVAL_MS);
  /** Tickets rated on this pad (sent or still in the outbox): never prompted again. */
  const rated = new Set<string>(outbox.pending.peek().map((i) => i.request.ticketId));
  let thanksTimer: ReturnType<typeof setTimeout> | undefined;
  let lastSource: 'touch' | 'keypad' = 'touch';

  const apply = (step: Step) => {
    if (step.view === view.peek() && !step.submit) return;
    view.value = step.view;
    if (step.submit) {
      const { prompt, input } = step.submit;
      rated.add(prompt.ticketId);
      void outbox.add(window, {
        id: newRatingId(), ticketId: prompt.ticketId, score: input.score, reasons: [...input.reasons], comment: input.comment,
        phone: input.phone, consent: input.consent, source: lastSource, ratedAt: new Date(serverNow()).toISOString(),
      });
    }
    clearTimeout(thanksTimer);
    if (step.view.kind === 'thanks') thanksTimer = setTimeout(() => (view.value = { kind: 'idle' }), THANKS_MS);
  };

  const offer = (prompt: RatingPrompt) => {
    syncClock();
    const step = finished(view.peek(), prompt, rated, serverNow());
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
        expiresAt: new Date(Date.parse(done.finishedAt) + timeout * 1000).toISOString(),
      });
      return;
    }
    const updated = eventData(event, 'ticket.updated');
    if (updated) {
      if (updated.action === UNDO_FINISH) apply(withdraw(view.peek(), updated.ticket.id));
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
    apply(expire(view.peek(), now.value));
  }, 1000);

  function pressScore(score: number) {
    if (!gate.accept(Date.now())) return;
    apply(press(view.peek(), score));
  }

  return {
    window,
    view,
    settings,
    staff,
    serving,
    secondsLeft,
    pendingUploads,
    press(score) {
      lastSource = 'touch';
      pressScore(score);
    },
    submitReasons(details) {
      apply(submitReasons(view.peek(), details, settings.peek()?.badReasons ?? []));
    },
    back() {
      apply(back(view.peek()));
    },
    dispose() {
      clearInterval(tick);
      clearTimeout(thanksTimer);
      unsubscribeSnapshot();
      stopClock();
      stopEvents();
      stopState();
      stopKeys?.();
    },
  };
}
