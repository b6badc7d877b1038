import { describe, expect, it } from 'vitest';
import { chartGeometry } from './chart.ts';

describe('chartGeometry', () => {
  it('places bars, the 90% line and marks bars below the target', () => {
    const g = chartGeometry({
      rows: [
        { label: '1号窗口', value: 1 },
        { label: '2号窗口', value: 0.8 },
        { label: '3号窗口', value: null },
      ],
      max: 1,
      target: 0.9,
      width: 400,
      height: 272,
      format: (v) => `${Math.round(v * 100)}%`,
    });
    // plot from y=16 to y=216 (200 px tall), three slots of 320/3 px after the 64 px axis
    expect(g.targetY).toBeCloseTo(36);
    expect(g.bars.map((b) => [Math.round(b.y * 1000) / 1000, Math.round(b.height * 1000) / 1000, b.below])).toEqual([
      [16, 200, false],
      [56, 160, true],
      [216, 0, false],
    ]);
    expect(g.bars[0]!.width).toBeCloseTo(64);
    expect(g.ticks.map((t) => t.label)).toEqual(['0%', '25%', '50%', '75%', '100%']);
  });
});
