// 叫号大屏 (/board, landscape 1920×1080): current calls large, recent calls, waiting per service, tidal banner, notices,
// and the voice call from the pack's offline clips, queued so one call never cuts another off.
import { useEffect, useState } from 'preact/hooks';
import { computed, useModel } from '@preact/signals';
import type { PackData } from '../../content/schema/index.ts';
import { ImprovementEndpoints, type PublishedImprovement } from '../../protocol/hall/improvement.ts';
import type { QueueSnapshot } from '../../protocol/hall/index.ts';
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
import { callKey, currentCalls } from './calls.ts';
import { BoardModel, type BoardDeps } from './model.ts';
import { noticeLines } from './notices.ts';
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

/** The board's outside world: the hall, the pack, the clip player, app updates. */
function boardDeps(): BoardDeps {
  const announcer = new AnnouncementQueue(createClipPlayer((url) => url, { speechFallback: false }), {
    onError: (error) => warn('board: announcement failed', error),
  });
  return {
    pair: (isStopped) => ensurePairedWithRetry({ role: 'board' }, isStopped),
    connect: (heartbeat) => subscribe({ heartbeat }),
    loadPack: () => call(PackEndpoints.active),
    loadPublished: async () => (await call(ImprovementEndpoints.published)).records,
    announce: (c, pack) => announcer.enqueue(callAnnouncement(c, pack.manifest, pack.manifest.hall.callRepeat)),
    speaking: computed(() => announcer.current.value?.text ?? null),
    updateWhen: (quiet) => applyUpdateAtBoundary(quiet),
    packRetryMs: 3000,
    warn,
  };
}

function warn(message: string, error: unknown): void {
  console.warn(message, error instanceof Error ? error.message : error);
}

export default function BoardScreen() {
  const model = useModel(() => new BoardModel(boardDeps()));
  useEffect(() => initDisplayMode(), []);
  const stream = model.stream.value;
  const pack = model.pack.value;
  const unpaired = model.unpaired.value;

  if (unpaired) {
    return (
      <main class="board">
        <h1>本大屏尚未配对，请联系工作人员</h1>
      </main>
    );
  }
  const q = model.queue.value;
  return (
    <div class="board" data-testid="board">
      {stream && <LinkBanner stream={stream} />}
      <header class="board-header">
        <h1>{pack?.manifest.hall.name ?? '医保服务大厅'}</h1>
        <Clock />
      </header>
      <main class="board-main">
        <CurrentCalls q={q} speaking={model.speaking.value} />
        <section aria-labelledby="recent-title">
          <TidalBanner q={q} />
          <h2 id="recent-title">最近叫号</h2>
          <ul class="recent" data-testid="recent-calls">
            {(q?.recentCalls ?? []).slice(0, 8).map((c) => (
              <li key={callKey(c)}>
                <span>{c.number}{c.appointment && <span class="appointment-mark">预约</span>}</span>
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
        <Notices pack={pack} published={model.published.value} />
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
            <span class="number">{c.number}{c.appointment && <span class="appointment-mark">预约</span>}</span>
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

/** The pack's board notices and the 整改公示, one at a time, changing every few seconds; the hall hours when there is none. */
function Notices({ pack, published }: { pack: PackData | null; published: PublishedImprovement[] }) {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick((t) => t + 1), NOTICE_SECONDS * 1000);
    return () => clearInterval(timer);
  }, []);
  if (!pack) return <span />;
  const now = new Date();
  const lines = noticeLines(pack, published, now, hallClockOf(now));
  return <span data-testid="board-notice">{lines[tick % lines.length] ?? ''}</span>;
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
