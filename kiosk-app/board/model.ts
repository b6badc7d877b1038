// The call board's state and its effects as one model (@preact/signals createModel): pairing and the hall link, the
// active pack (loaded when the link is up, reloaded after pack.activated), the voice call of every new call, and taking
// a new app build once no call has been read for a minute. The screen (index.tsx) only renders it; everything that
// reaches outside comes in through BoardDeps, so the model is unit-tested with fakes. Disposing it undoes every effect.
import { computed, createModel, effect, signal, type ReadonlySignal } from '@preact/signals';
import type { PackData } from '../../content/schema/index.ts';
import type { PublishedImprovement } from '../../protocol/hall/improvement.ts';
import { queueSnapshotOf, type CallView, type TerminalHeartbeat } from '../../protocol/hall/index.ts';
import type { PairingOutcome } from '../shared/hall/pairing.ts';
import type { HallStream } from '../shared/hall/socket.ts';
import { callKey, callsToAnnounce } from './calls.ts';
import { quietAfterCalls } from './quiet.ts';

export interface BoardDeps {
  /** Pairs the board (retrying while the hall cannot be reached) until `isStopped` says the board is gone. */
  pair(isStopped: () => boolean): Promise<PairingOutcome>;
  /** Opens the hall link; `heartbeat` tells the console which pack version the board shows. */
  connect(heartbeat: () => TerminalHeartbeat): HallStream;
  loadPack(): Promise<PackData>;
  /** The hall's 整改公示 (closed improvement records), for the notice line. */
  loadPublished(): Promise<PublishedImprovement[]>;
  /** Queues the voice call of one call (the announcer never cuts one call off with another). */
  announce(call: CallView, pack: PackData): void;
  /** The announcement being read now, or null. */
  speaking: ReadonlySignal<string | null>;
  /** Takes a waiting app update whenever `quiet` is true; returns its undo. */
  updateWhen(quiet: ReadonlySignal<boolean>): () => void;
  /** Delay before loading the pack again after a failure. */
  packRetryMs: number;
  warn(message: string, error: unknown): void;
}

export const BoardModel = createModel((deps: BoardDeps) => {
  const stream = signal<HallStream | null>(null);
  const pack = signal<PackData | null>(null);
  const unpaired = signal(false);
  const published = signal<PublishedImprovement[]>([]);
  const queue = computed(() => {
    const snapshot = stream.value?.snapshot.value;
    return snapshot ? queueSnapshotOf(snapshot) : null;
  });

  let stopped = false;
  void deps.pair(() => stopped).then((outcome) => {
    if (outcome === 'unpaired') unpaired.value = true;
    if (outcome !== 'paired' || stopped) return;
    stream.value = deps.connect(() => ({ packVersion: pack.peek()?.manifest.version ?? null, devices: [] }));
  });
  effect(() => () => {
    stopped = true;
    stream.peek()?.close();
  });

  const quietness = quietAfterCalls(deps.speaking);
  const undoUpdate = deps.updateWhen(quietness.quiet);
  effect(() => () => {
    undoUpdate();
    quietness.dispose();
  });

  effect(() => {
    const link = stream.value;
    if (!link) return;
    let loaded = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const load = () => {
      clearTimeout(retry);
      deps.loadPack().then(
        (data) => {
          loaded = true;
          pack.value = data;
          link.sendHeartbeat();
        },
        (error: unknown) => {
          deps.warn('board: pack not loaded, retrying', error);
          retry = setTimeout(load, deps.packRetryMs);
        },
      );
    };
    const offEvent = link.onEvent((event) => {
      if (event.type === 'pack.activated') load();
    });
    const offState = effect(() => {
      if (link.state.value === 'open' && !loaded) load();
    });
    return () => {
      clearTimeout(retry);
      offEvent();
      offState();
    };
  });

  // 整改公示: loaded whenever the link opens and again when a record is closed; a failed load keeps what is shown.
  effect(() => {
    const link = stream.value;
    if (!link) return;
    const load = () => {
      deps.loadPublished().then(
        (records) => (published.value = records),
        (error: unknown) => deps.warn('board: 整改公示 not loaded', error),
      );
    };
    const offEvent = link.onEvent((event) => {
      if (event.type === 'improvement.published') load();
    });
    const offState = effect(() => {
      if (link.state.value === 'open') load();
    });
    return () => {
      offEvent();
      offState();
    };
  });

  // Voice: every call not yet announced, in order; calls present at start-up are history, not announced.
  effect(() => {
    const link = stream.value;
    const shown = pack.value;
    if (!link || !shown) return;
    const announced = new Set<string>();
    let primed = false;
    return effect(() => {
      const snapshot = link.snapshot.value;
      const q = snapshot ? queueSnapshotOf(snapshot) : null;
      if (!q) return;
      if (!primed) {
        for (const call of q.recentCalls) announced.add(callKey(call));
        primed = true;
        return;
      }
      for (const call of callsToAnnounce(q.recentCalls, announced, new Date())) {
        announced.add(callKey(call));
        try {
          deps.announce(call, shown);
        } catch (error) {
          deps.warn('board: call cannot be read', error);
        }
      }
    });
  });

  return { stream, pack, published, unpaired, queue, speaking: deps.speaking };
});
