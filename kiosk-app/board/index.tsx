// 叫号大屏 (/board, landscape 1920×1080): current calls large, recent calls, waiting per service, tidal banner, notices,
// and the voice call from the pack's offline clips, queued so one call never cuts another off.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { effect } from '@preact/signals';
import { noticeIsShowing, type PackData } from '../../content/schema/index.ts';
import { queueSnapshotOf, type QueueSnapshot } from '../../protocol/hall/index.ts';
import { call } from '../shared/hall/api.ts';
import { ensurePairedWithRetry } from '../shared/hall/pairing.ts';
import { subscribe, type HallStream } from '../shared/hall/socket.ts';
import { callAnnouncement } from '../shared/ui/voice/call.ts';
import { createClipPlayer } from '../shared/ui/voice/player.ts';
import { AnnouncementQueue } from '../shared/ui/voice/queue.ts';
import { initDisplayMode } from '../shared/ui/mode.ts';
import '../shared/ui/tokens.css';
import { PackEndpoints } from '../../protocol/hall/packs.ts';
import { hallClockOf, hallDateTimeOf } from '../shared/hall/hall-clock.ts';
import { applyUpdateAtBoundary } from '../shared/ui/updateAtBoundary.ts';
import { callKey, callsToAnnounce, currentCalls } from './calls.ts';
import { quietAfterCalls } from './quiet.ts';
import './board.css';

function Clock() {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(timer);
  }, []);
  return (
    <time class="board-clock" dateTime={now.toISOString()}>
      {hallDateTimeOf(now.toISOString()).slice(0, 16)}
    </time>
  );
}

export default function BoardScreen() {
  const [stream, setStream] = useState<HallStream | null>(null);
  const [pack, setPack] = useState<PackData | null>(null);
  // The heartbeat reads the version the board shows, so the console can tell which terminals still show an old pack.
  const shownPack = useRef<PackData | null>(null);
  const [unpaired, setUnpaired] = useState(false);
  const queue = useMemo(() => new AnnouncementQueue(createClipPlayer((url) => url, { speechFallback: false }), {
    onError: (error) => console.warn('board: announcement failed', error instanceof Error ? error.message : error),
  }), []);

  useEffect(() => {
    const undoMode = initDisplayMode();
    let created: HallStream | null = null;
    let stopped = false;
    const start = async () => {
      const pairing = await ensurePairedWithRetry({ role: 'board' }, () => stopped);
      if (pairing === 'unpaired') setUnpaired(true);
      if (pairing !== 'paired') return;
      if (stopped) return;
      created = subscribe({ heartbeat: () => ({ packVersion: shownPack.current?.manifest.version ?? null, devices: [] }) });
      setStream(created);
    };
    void start();
    return () => {
      stopped = true;
      created?.close();
      undoMode();
    };
  }, []);

  // A new build of the app is taken when no call has been read for a minute.
  useEffect(() => {
    const { quiet, dispose } = quietAfterCalls(queue.current);
    const offUpdate = applyUpdateAtBoundary(quiet);
    return () => {
      offUpdate();
      dispose();
    };
  }, [queue]);

  // The pack: loaded when the link is up, reloaded after a pack.activated event (the board has no citizen to disturb).
  useEffect(() => {
    if (!stream) return;
    let loaded = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const load = () => {
      clearTimeout(retry);
      void call(PackEndpoints.active)
        .then((data) => {
          loaded = true;
          shownPack.current = data;
          setPack(shownPack.current);
          stream.sendHeartbeat();
        })
        .catch((error: unknown) => {
          console.warn('board: pack not loaded, retrying', error instanceof Error ? error.message : error);
          retry = setTimeout(load, 3000);
        });
    };
    const offEvent = stream.onEvent((event) => {
      if (event.type === 'pack.activated') load();
    });
    const offState = effect(() => {
      if (stream.state.value === 'open' && !loaded) load();
    });
    return () => {
      clearTimeout(retry);
      offEvent();
      offState();
    };
  }, [stream]);

  // Voice: every call not yet announced, in order; calls present at start-up are history, not announced.
  useEffect(() => {
    if (!stream || !pack) return;
    const announced = new Set<string>();
    let primed = false;
    return effect(() => {
      const snapshot = stream.snapshot.value;
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
          queue.enqueue(callAnnouncement(call, pack.manifest, pack.manifest.hall.callRepeat));
        } catch (error) {
          console.warn('board: call cannot be read', error instanceof Error ? error.message : error);
        }
      }
    });
  }, [stream, pack, queue]);

  if (unpaired) {
    return (
      <main class="board">
        <h1>本大屏尚未配对，请联系工作人员</h1>
      </main>
    );
  }
  const snapshot = stream?.snapshot.value ?? null;
  const q = snapshot ? queueSnapshotOf(snapshot) : null;
  return (
    <div class="board" data-testid="board">
      {stream && <LinkBanner stream={stream} />}
      <header class="board-header">
        <h1>{pack?.manifest.hall.name ?? '医保服务大厅'}</h1>
        <Clock />
      </header>
      <main class="board-main">
        <CurrentCalls q={q} speaking={queue.current.value?.text ?? null} />
        <section aria-labelledby="recent-title">
          <TidalBanner q={q} />
          <h2 id="recent-title">最近叫号</h2>
          <ul class="recent" data-testid="recent-calls">
            {(q?.recentCalls ?? []).slice(0, 8).map((c) => (
              <li key={callKey(c)}>
                <span>{c.number}</span>
                <span>{c.window}号窗口</span>
              </li>
            ))}
            {q && q.recentCalls.length === 0 && <li class="empty">暂无叫号</li>}
          </ul>
        </section>
      </main>
      <ul class="waiting" aria-label="各事项等候人数" data-testid="waiting">
        {(q?.services ?? []).filter((s) => s.waiting > 0 || s.open).slice(0, 10).map((s) => (
          <li key={s.code}>
            {s.name} 等候 <strong>{s.waiting}</strong> 人
          </li>
        ))}
      </ul>
      <footer class="board-footer">
        <Notices pack={pack} />
        <span class="slogan">{pack?.manifest.hall.slogan ?? '中国医保 一生守护'}</span>
      </footer>
    </div>
  );
}

function CurrentCalls({ q, speaking }: { q: QueueSnapshot | null; speaking: string | null }) {
  const calls = currentCalls(q?.recentCalls ?? [], 3, q?.windows ?? []);
  return (
    <section aria-labelledby="current-title">
      <h2 id="current-title">正在叫号</h2>
      <ol class="current-calls" data-testid="current-calls">
        {calls.map((c, i) => (
          <li class={`current-call${i === 0 ? ' first' : ''}`} key={callKey(c)}>
            <span class="number">{c.number}</span>
            <span class="arrow">请到</span>
            <span class="window">{c.window}号窗口</span>
          </li>
        ))}
        {calls.length === 0 && <li class="empty">请您留意叫号，过号请到咨询台</li>}
      </ol>
      <p class="speaking" aria-live="polite" data-testid="speaking">
        {speaking ?? ''}
      </p>
    </section>
  );
}

function TidalBanner({ q }: { q: QueueSnapshot | null }) {
  const open = (q?.windows ?? []).filter((w) => w.tidal && !w.paused && w.staffId !== null);
  if (open.length > 0) {
    return (
      <p class="tidal-banner" role="status" data-testid="tidal-banner">
        潮汐窗口已开放：{open.map((w) => `${w.number}号窗口`).join('、')}，请留意叫号
      </p>
    );
  }
  if ((q?.tidalAlerts ?? []).length > 0) {
    return (
      <p class="tidal-banner" role="status" data-testid="tidal-banner">
        等候人数较多，正在加开窗口，请您耐心等候
      </p>
    );
  }
  return null;
}

const NOTICE_SECONDS = 10;

/** The pack's board notices, one at a time, changing every few seconds; the hall hours when there is none. */
function Notices({ pack }: { pack: PackData | null }) {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick((t) => t + 1), NOTICE_SECONDS * 1000);
    return () => clearInterval(timer);
  }, []);
  if (!pack) return <span />;
  const now = new Date();
  const showing = pack.notices.filter((n) => noticeIsShowing(n, 'board', now, hallClockOf(now)));
  const current = showing.length > 0 ? showing[tick % showing.length] : undefined;
  return <span data-testid="board-notice">{current ? `${current.title}：${current.body}` : pack.manifest.hall.hours[0]}</span>;
}

/** Large, inside the layout (a TV is read from across the hall): the link to the hall-server is down. */
function LinkBanner({ stream }: { stream: HallStream }) {
  const state = stream.state.value;
  if (state === 'open' || state === 'closed') return null;
  const text = state === 'unauthorized' ? '本大屏配对已失效，请联系工作人员' : state === 'connecting' ? '正在连接大厅服务器…' : '连接中断，正在重新连接…';
  return (
    <p class="link-banner" role="status" data-testid="link-banner">
      <span aria-hidden="true">⚠ </span>
      {text}
    </p>
  );
}
