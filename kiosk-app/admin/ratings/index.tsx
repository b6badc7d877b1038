// 好差评 console pages: 差评 follow-up, statistics, export — each tab shown to the roles that may call its endpoint.
import { useState } from 'preact/hooks';
import { staffMayCall } from '../../../protocol/hall/access.ts';
import { RatingEndpoints } from '../../../protocol/hall/ratings.ts';
import { session } from '../../shared/hall/session.ts';
import { Cases } from './Cases.tsx';
import { Export } from './Export.tsx';
import { Stats } from './Stats.tsx';
import './ratings.css';

const TABS = [
  { id: 'cases', label: '差评回访整改', opens: RatingEndpoints.cases },
  { id: 'stats', label: '评价统计', opens: RatingEndpoints.stats },
  { id: 'export', label: '导出', opens: RatingEndpoints.export },
] as const;
type Tab = (typeof TABS)[number]['id'];

export default function RatingsAdmin() {
  const role = session.value?.principal.staffRole;
  const tabs = TABS.filter((t) => role !== undefined && staffMayCall(t.opens, role));
  const [tab, setTab] = useState<Tab>('cases');
  return (
    <div class="rt">
      <nav class="rt-tabs" aria-label="好差评">
        {tabs.map((t) => (
          <button type="button" key={t.id} class="rt-tab" aria-current={tab === t.id ? 'page' : undefined} onClick={() => setTab(t.id)}>
            {t.label}
          </button>
        ))}
      </nav>
      {tab === 'cases' && <Cases />}
      {tab === 'stats' && <Stats />}
      {tab === 'export' && <Export />}
    </div>
  );
}
