// 大厅总览: tidal alerts, the queue per service and per window, and who is waiting — live from the event stream.
import { queueSnapshotOf } from '../../../protocol/hall/index.ts';
import type { AdminPageProps } from '../page.ts';
import { ServicesTable } from './ServicesTable.tsx';
import { TidalAlerts } from './TidalAlerts.tsx';
import { WaitingList } from './WaitingList.tsx';
import { WindowsTable } from './WindowsTable.tsx';

export default function Overview({ stream }: AdminPageProps) {
  const snapshot = stream.snapshot.value;
  const queue = snapshot ? queueSnapshotOf(snapshot) : null;
  if (!snapshot) return <p role="status">正在获取大厅实时数据…</p>;
  if (!queue) return <p role="alert">大厅尚未加载内容包，请先在“内容包”页导入。</p>;
  const waiting = queue.services.reduce((n, s) => n + s.waiting, 0);
  return (
    <div class="admin-overview">
      <h1>大厅总览</h1>
      <p class="admin-summary">
        营业日 {queue.businessDay} · 当前等候 <strong>{waiting}</strong> 人 · 内容包 {snapshot.pack ? `${snapshot.pack.id} 第 ${snapshot.pack.version} 版` : '未加载'}
      </p>
      <TidalAlerts alerts={queue.tidalAlerts} />
      <WindowsTable windows={queue.windows} />
      <ServicesTable services={queue.services} />
      <WaitingList tickets={queue.waiting} />
    </div>
  );
}
