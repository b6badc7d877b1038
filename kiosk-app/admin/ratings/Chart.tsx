// An SVG bar chart with an optional target line (the 90% line on the satisfaction chart).
import { chartGeometry } from './chart.ts';

export interface ChartProps {
  title: string;
  rows: { label: string; value: number | null }[];
  max: number | null;
  target: number | null;
  format: (v: number) => string;
  width?: number;
  height?: number;
}

export function BarChart({ title, rows, max, target, format, width = 720, height = 300 }: ChartProps) {
  const g = chartGeometry({ rows, max, target, width, height, format });
  const summary = rows.map((r) => `${r.label}：${r.value === null ? '无数据' : format(r.value)}`).join('；');
  return (
    <figure class="rt-chart">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${g.width} ${g.height}`} width={g.width} height={g.height} role="img" aria-label={`${title}。${summary}`}>
        <defs>
          <pattern id="rt-below" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="8" height="8" fill="#8a1c00" />
            <line x1="0" y1="0" x2="0" y2="8" stroke="#ffffff" stroke-width="3" />
          </pattern>
        </defs>
        {g.ticks.map((t) => (
          <g key={t.label}>
            <line x1={60} x2={g.width - 16} y1={t.y} y2={t.y} stroke="#c8d0da" />
            <text x={56} y={t.y + 5} text-anchor="end" font-size="14" fill="#111">
              {t.label}
            </text>
          </g>
        ))}
        {g.bars.map((b) => (
          <g key={b.label}>
            <rect x={b.x} y={b.y} width={b.width} height={b.height} fill={b.below ? 'url(#rt-below)' : '#0a4a8f'} />
            <text x={b.x + b.width / 2} y={b.y - 6} text-anchor="middle" font-size="14" fill="#111">
              {b.value === null ? '—' : format(b.value)}
              {b.below ? ' ↓' : ''}
            </text>
            <text x={b.x + b.width / 2} y={g.plotBottom + 22} text-anchor="middle" font-size="14" fill="#111">
              {b.label.length > 8 ? `${b.label.slice(0, 8)}…` : b.label}
            </text>
          </g>
        ))}
        {g.targetY !== null && target !== null && (
          <g data-testid="target-line">
            <line x1={60} x2={g.width - 16} y1={g.targetY} y2={g.targetY} stroke="#8a1c00" stroke-width="3" stroke-dasharray="10 6" />
            <text x={g.width - 18} y={g.targetY - 8} text-anchor="end" font-size="15" font-weight="700" fill="#8a1c00">
              目标 {format(target)}
            </text>
          </g>
        )}
        <line x1={60} x2={g.width - 16} y1={g.plotBottom} y2={g.plotBottom} stroke="#111" stroke-width="2" />
      </svg>
    </figure>
  );
}
