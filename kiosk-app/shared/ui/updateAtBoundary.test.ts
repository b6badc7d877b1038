import { signal } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import { applyUpdateAtBoundary } from './updateAtBoundary.ts';

function updateSource() {
  let listener: ((apply: () => void) => void) | null = null;
  return {
    source: (given: (apply: () => void) => void) => {
      listener = given;
      return () => (listener = null);
    },
    arrive: (apply: () => void) => listener?.(apply),
  };
}

describe('applyUpdateAtBoundary', () => {
  it('keeps an update waiting until the boundary, then applies it once', () => {
    const boundary = signal(false);
    const updates = updateSource();
    let applied = 0;
    applyUpdateAtBoundary(boundary, updates.source);
    updates.arrive(() => applied++);
    expect(applied).toBe(0);
    boundary.value = true;
    expect(applied).toBe(1);
    boundary.value = false;
    boundary.value = true;
    expect(applied).toBe(1);
  });

  it('applies at once an update that arrives at the boundary', () => {
    const updates = updateSource();
    let applied = 0;
    applyUpdateAtBoundary(signal(true), updates.source);
    updates.arrive(() => applied++);
    expect(applied).toBe(1);
  });

  it('applies nothing after it is disposed', () => {
    const boundary = signal(false);
    const updates = updateSource();
    let applied = 0;
    const dispose = applyUpdateAtBoundary(boundary, updates.source);
    updates.arrive(() => applied++);
    dispose();
    boundary.value = true;
    expect(applied).toBe(0);
  });
});
