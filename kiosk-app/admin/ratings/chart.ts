// Geometry of the bar charts (pure): one bar per row, values 0..1 (rates) or 0..max, and the target line.

export interface Bar {
  label: string;
  value: number | null;
  x: number;
  y: number;
  width: number;
  height: number;
  /** True when the value is below the target line (drawn with a pattern and a text mark, not colour alone). */
  below: boolean;
}

export interface ChartGeometry {
  width: number;
  height: number;
  plotTop: number;
  plotBottom: number;
  bars: Bar[];
  targetY: number | null;
  ticks: { y: number; label: string }[];
}

export interface ChartInput {
  rows: { label: string; value: number | null }[];
  /** Fixed maximum (1 for rates) or null to scale to the data. */
  max: number | null;
  target: number | null;
  width: number;
  height: number;
  format: (v: number) => string;
}

const LEFT = 64;
const RIGHT = 16;
const TOP = 16;
const BOTTOM = 56;

export function chartGeometry(input: ChartInput): ChartGeometry {
  const { rows, width, height } = input;
  const dataMax = Math.max(0, ...rows.map((r) => r.value ?? 0));
  const max = input.max ?? (dataMax > 0 ? dataMax * 1.1 : 1);
  const plotTop = TOP;
  const plotBottom = height - BOTTOM;
  const plotHeight = plotBottom - plotTop;
  const slot = rows.length ? (width - LEFT - RIGHT) / rows.length : 0;
  const barWidth = Math.min(64, slot * 0.7);
  const scale = (v: number) => plotBottom - (Math.min(v, max) / max) * plotHeight;
  const bars = rows.map((r, i) => {
    const y = r.value === null ? plotBottom : scale(r.value);
    return {
      label: r.label,
      value: r.value,
      x: LEFT + i * slot + (slot - barWidth) / 2,
      y,
      width: barWidth,
      height: plotBottom - y,
      below: r.value !== null && input.target !== null && r.value < input.target,
    };
  });
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => ({ y: scale(max * f), label: input.format(max * f) }));
  return { width, height, plotTop, plotBottom, bars, targetY: input.target === null ? null : scale(input.target), ticks };
}
