// Window staff panel (/counter/:window): sign in with 工号, call controls of the queue engine, the current ticket's item,
// timing and 容缺 note; the HID caller keypad (through the bridge) drives the same actions.
import { computed } from '@preact/signals';
import { useEffect, useState } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import { createBridgeClient, type BridgeClient } from '../shared/bridge/client.ts';
import { deviceHealthForHeartbeat } from '../shared/bridge/heartbeat.ts';
import { bridgeUrlFromLocation } from '../shared/bridge/url.ts';
import { ConnectionBanner } from '../shared/hall/ConnectionBanner.tsx';
import { ensurePairedWithRetry } from '../shared/hall/pairing.ts';
import { subscribe, type HallStream } from '../shared/hall/socket.ts';
import '../shared/ui/tokens.css';
import { applyUpdateAtBoundary } from '../shared/ui/updateAtBoundary.ts';
import { createCounter, type Counter } from './controller.ts';
import { CounterView } from './view.tsx';
import './counter.css';

export default function CounterScreen() {
  const { params } = useRoute();
  const window = Number(params['window']);
  const [counter, setCounter] = useState<Counter | null>(null);
  const [stream, setStream] = useState<HallStream | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (!Number.isInteger(window) || window < 1) {
      setProblem('窗口号不正确，请联系管理员');
      return;
    }
    let stopped = false;
    let bridge: BridgeClient | null = null;
    let hall: HallStream | null = null;
    let created: Counter | null = null;
    let offUpdate: (() => void) | null = null;
    const start = async () => {
      const pairing = await ensurePairedWithRetry({ role: 'counter', window }, () => stopped);
      if (pairing === 'unpaired') setProblem('本窗口面板尚未配对，请管理员在管理台生成配对码');
      if (pairing !== 'paired') return;
      if (stopped) return;
      bridge = createBridgeClient({ url: bridgeUrlFromLocation() });
      hall = subscribe({
        heartbeat: () => ({ packVersion: hall?.snapshot.peek()?.pack?.version ?? null, devices: deviceHealthForHeartbeat(bridge) }),
      });
      created = createCounter(window, hall, bridge);
      const counter = created;
      // A new build of the app is taken while nobody is signed in at this window.
      offUpdate = applyUpdateAtBoundary(computed(() => counter.win.value !== null && counter.win.value.staffId === null));
      setStream(hall);
      setCounter(created);
    };
    void start();
    return () => {
      stopped = true;
      offUpdate?.();
      created?.dispose();
      hall?.close();
      bridge?.close();
    };
  }, [window]);

  if (problem) {
    return (
      <main class="counter">
        <h1>{problem}</h1>
      </main>
    );
  }
  if (!counter || !stream) {
    return (
      <main class="counter">
        <h1>正在连接，请稍等…</h1>
      </main>
    );
  }
  return (
    <>
      {/* The demo note sits in the header (24 px) instead of a 16 px corner label over the panel. */}
      <ConnectionBanner state={stream.state} demoNote={false} />
      <CounterView counter={counter} />
    </>
  );
}
