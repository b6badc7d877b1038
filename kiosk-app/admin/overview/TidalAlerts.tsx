import type { TidalAlertView } from '../../../protocol/hall/index.ts';
import { formatTime } from '../labels.ts';

export function TidalAlerts({ alerts }: { alerts: TidalAlertView[] }) {
  return (
    <section aria-labelledby="tidal-title">
      <h2 id="tidal-title">潮汐窗口提醒</h2>
      {alerts.length === 0 ? (
        <p class="admin-ok"><span aria-hidden="true">✔ </span>各窗口组等候人数正常，无需开启潮汐窗口。</p>
      ) : (
        <div role="alert">
        <ul class="admin-alerts">
          {alerts.map((a) => (
            <li key={a.group}>
              <span aria-hidden="true">⚠ </span>
              <strong>{a.group}</strong> 等候 {a.waiting} 人，超过 {a.threshold} 人（{formatTime(a.since)} 起），请开启潮汐窗口。
            </li>
          ))}
        </ul>
        </div>
      )}
    </section>
  );
}
