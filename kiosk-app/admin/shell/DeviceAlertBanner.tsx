// The console's push alert for a kiosk printer out of paper: shown on every page from the terminals' device health,
// refreshed the moment the hall pushes a device.alert, gone when paper is loaded.
import { useEffect, useState } from 'preact/hooks';
import { TerminalEndpoints, type TerminalView } from '../../../protocol/hall/index.ts';
import { call } from '../../shared/hall/index.ts';
import type { HallStream } from '../../shared/hall/socket.ts';
import { AlertBanner } from '../../shared/ui/AlertBanner.tsx';

/** "演示取号机：打印机缺纸，请更换打印纸" for each terminal whose printer reports paper out. */
export function paperOutLines(terminals: TerminalView[]): string[] {
  return terminals
    .filter((t) => !t.revoked && t.devices.some((d) => d.code === 'paper_out'))
    .map((t) => `${t.name}：打印机缺纸，请更换打印纸`);
}

export function DeviceAlertBanner({ stream }: { stream: HallStream }) {
  const [lines, setLines] = useState<string[]>([]);
  useEffect(() => {
    let alive = true;
    const load = (): void => {
      call(TerminalEndpoints.list)
        .then((r) => alive && setLines(paperOutLines(r.terminals)))
        .catch(() => undefined); // the banner is not worth an error line: the terminals page shows the failure
    };
    load();
    const off = stream.onEvent((e) => {
      if (e.type === 'device.alert') load();
    });
    return () => {
      alive = false;
      off();
    };
  }, [stream]);
  return <AlertBanner lines={lines} class="admin-banner" testId="device-alerts" />;
}
