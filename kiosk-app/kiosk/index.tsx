// 取号机 (/kiosk, portrait 1080×1920): pick item → guide → identify → 一次性告知 → ticket.
// Boot screen: shows the home tiles from the active pack with a plain fetch, then loads the application (hall link,
// device-bridge, schemas, every other screen). A tile or answer tapped in between is kept and applied once the application runs.
import { useEffect, useState } from 'preact/hooks';
import type { ComponentType } from 'preact';
import type { PackData } from '../../content/schema/index.ts';
import { ACTIVE_PACK_PATH, isPackData } from '../../protocol/hall/pack-data.ts';
import { session, useSessionScope } from '../shared/hall/session.ts';
import { installKioskHardening } from '../shared/ui/hardening.ts';
import { initDisplayMode } from '../shared/ui/mode.ts';
import '../shared/ui/tokens.css';
import type { Kiosk } from './controller.ts';
import type { Action } from './model/flow.ts';
import { Frame } from './screens/Frame.tsx';
import { Home } from './screens/Home.tsx';
import './kiosk.css';


type AppModule = typeof import('./app.tsx');

const NO_COUNTS: ReadonlyMap<string, number> = new Map();

async function fetchPackPlain(): Promise<PackData | null> {
  useSessionScope('kiosk');
  const token = session.peek()?.token;
  if (!token) return null;
  try {
    const res = await fetch(ACTIVE_PACK_PATH, { headers: { authorization: `Bearer ${token}` } });
    if (!res.ok) return null;
    const data: unknown = await res.json();
    return isPackData(data) ? data : null;
  } catch {
    return null;
  }
}

export default function KioskScreen() {
  const [bootPack, setBootPack] = useState<PackData | null>(null);
  const [app, setApp] = useState<{ View: ComponentType<{ kiosk: Kiosk }>; kiosk: Kiosk } | null>(null);
  const [unpaired, setUnpaired] = useState(false);
  const [pending, setPending] = useState<Action | null>(null);

  useEffect(() => {
    const undoMode = initDisplayMode();
    const undoHardening = installKioskHardening();
    let stopped = false;
    let stop: (() => void) | null = null;
    const loadApp = async (initialPack: PackData | null) => {
      const mod: AppModule = await import('./app.tsx');
      const started = await mod.startKiosk(() => stopped, initialPack);
      if (started.kind === 'unpaired') setUnpaired(true);
      if (started.kind !== 'ready') return;
      if (stopped) {
        started.stop();
        return;
      }
      stop = started.stop;
      setApp({ View: mod.KioskView, kiosk: started.kiosk });
    };
    void fetchPackPlain().then((pack) => {
      if (stopped) return;
      if (!pack) {
        void loadApp(null);
        return;
      }
      setBootPack(pack);
      // After the home screen has painted; the mark lets the benchmark tell what the first paint needed.
      requestAnimationFrame(() =>
        setTimeout(() => {
          performance.mark('kiosk:home-shown');
          void loadApp(pack);
        }, 0),
      );
    });
    return () => {
      stopped = true;
      stop?.();
      undoHardening();
      undoMode();
    };
  }, []);

  useEffect(() => {
    if (app && pending) {
      app.kiosk.dispatch(pending);
      setPending(null);
    }
  }, [app, pending]);

  if (unpaired) {
    return (
      <main class="paused">
        <h1>本终端尚未配对，请联系工作人员</h1>
      </main>
    );
  }
  if (app) return <app.View kiosk={app.kiosk} />;
  if (bootPack) {
    const hall = bootPack.manifest.hall;
    return (
      <Frame hallName={hall.name} slogan={hall.slogan} testId="screen-home">
        <Home
          pack={bootPack}
          page={0}
          answer={pending?.type === 'answer' ? pending.answer : undefined}
          itemCounts={NO_COUNTS}
          notices={[]}
          closedReason={null}
          onPage={() => undefined}
          onItem={(code) => setPending({ type: 'openItem', code })}
          onAnswer={(answer) => setPending({ type: 'answer', answer })}
        />
      </Frame>
    );
  }
  return (
    <main class="paused">
      <h1>正在启动，请您稍等…</h1>
    </main>
  );
}
