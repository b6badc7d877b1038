// 好差评 console pages: 差评 follow-up, statistics, export.
import { useState } from 'preact/hooks';
import { Cases } from './Cases.tsx';
import { Export } from './Export.tsx';
import { Stats } from './Stats.tsx';
import './ratings.css';

const TABS = [
  { id: 'cases', label: '差评回访整改' },
  { id: 'stats', label: '评价统计' },
  { id: 'export', label: '导出' },
] as const;
type Tab = (typeof TABS)[number]['id'];

export default function RatingsAdmin() {
  const [tab, setTab] = useState<Tab>('cases');
  return (
    <div class="rt">
      <nav class="rt-tabs" aria-label="好差评">
        {TABS.map((t) => (
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
