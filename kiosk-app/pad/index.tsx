// 窗口评价器 (/pad/:window, landscape 1280×800): who serves at this window, the number served, and 好差评 once per service.
import { computed } from '@preact/signals';
import { useEffect, useState } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import { createBridgeClient, type BridgeClient } from '../shared/bridge/client.ts';
import { deviceHealthForHeartbeat } from '../shared/bridge/heartbeat.ts';
import { bridgeUrlFromLocation } from '../shared/bridge/url.ts';
import { ConnectionBanner } from '../shared/hall/ConnectionBanner.tsx';
import { ensurePairedWithRetry } from '../shared/hall/pairing.ts';
import { subscribe, type HallStream } from '../shared/hall/socket.ts';
import { installKioskHardening } from '../shared/ui/hardening.ts';
import { applyUpdateAtBoundary } from '../shared/ui/updateAtBoundary.ts';
import { initDisplayMode } from '../shared/ui/mode.ts';
import '../shared/ui/tokens.css';
import { createPad, type Pad } from './controller.ts';
import { openOutbox, type Outbox } from './outbox.ts';
import { Idle, Rate, RatedElsewhere, Thanks } from './screens.tsx';
import { BadPathScreen } from './badScreens.tsx';
import { startPadVoice } from './voice.ts';
import './pad.css';

export default function PadScreen() {
  const { params } = useRoute();
  const window = Number(params['window']);
  const [pad, setPad] = useState<Pad | null>(null);
  const [stream, setStream] = useState<HallStream | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (!Number.isInteger(window) || window < 1) {
      setProblem('窗口号不正确，请联系工作人员');
      return;
    }
    const undoHardening = installKioskHardening();
    const undoMode = initDisplayMode();
    let stopped = false;
    let bridge: BridgeClient | null = null;
    let outbox: Outbox | null = null;
    let created: Pad | null = null;
    let hall: HallStream | null = null;
    let offUpdate: (() => void) | null = null;
    let stopVoice: (() => void) | null = null;
    const start = async () => {
      outbox = await openOutbox();
      const pairing = await ensurePairedWithRetry({ role: 'pad', window }, () => stopped);
      if (pairing === 'unpaired') setProblem('本评价器尚未配对，请联系工作人员在管理台生成配对码');
      if (pairing !== 'paired') return;
      if (stopped) return;
      bridge = createBridgeClient({ url: bridgeUrlFromLocation() });
      hall = subscribe({
        heartbeat: () => ({
          // The staff card and 差评 reasons come with the snapshot, so its pack is the one this pad shows.
          packVersion: hall?.snapshot.peek()?.pack?.version ?? null,
          devices: deviceHealthForHeartbeat(bridge),
        }),
      });
      created = createPad(window, hall, outbox, bridge);
      const pad = created;
      stopVoice = startPadVoice(pad, hall);
      // A new build of the app is taken while the pad is idle, never during a rating.
      offUpdate = applyUpdateAtBoundary(computed(() => pad.view.value.kind === 'idle'));
      setStream(hall);
      setPad(created);
    };
    void start().catch((err: unknown) => {
      console.error('pad start failed', err);
      setProblem('评价器启动失败，请联系工作人员');
    });
    return () => {
      stopped = true;
      offUpdate?.();
      stopVoice?.();
      created?.dispose();
      hall?.close();
      bridge?.close();
      outbox?.close();
      undoHardening();
      undoMode();
    };
  }, [window]);

  if (problem) {
    return (
      <main class="pad pad-message">
        <h1>{problem}</h1>
      </main>
    );
  }
  if (!pad || !stream) {
    return (
      <main class="pad pad-message">
        <h1>正在启动，请您稍等…</h1>
      </main>
    );
  }
  return (
    <div class="pad-frame">
      {/* In its own row, so that it never covers a button; the demo note sits in the pad's header for the same reason. */}
      <ConnectionBanner state={stream.state} placement="inline" size="citizen" demoNote={false} />
      <PadView pad={pad} />
    </div>
  );
}

function PadView({ pad }: { pad: Pad }) {
  const v = pad.view.value;
  return (
    <main class="pad" data-view={v.kind} aria-live="polite">
      {v.kind === 'idle' && <Idle pad={pad} />}
      {v.kind === 'rate' && <Rate pad={pad} prompt={v.prompt} />}
      {v.kind === 'bad' && <BadPathScreen pad={pad} path={v} />}
      {v.kind === 'thanks' && <Thanks pad={pad} bad={v.bad} />}
      {v.kind === 'ratedElsewhere' && <RatedElsewhere pad={pad} channel={v.channel} at={v.at} />}
      {pad.pendingUploads.value > 0 && (
        <p class="pad-outbox" role="status">
          {pad.pendingUploads.value} 条评价已保存，待上传
        </p>
      )}
    </main>
  );
}
