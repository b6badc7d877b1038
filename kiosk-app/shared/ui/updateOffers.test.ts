import { describe, expect, it } from 'vitest';
import { offerUpdates } from './updateOffers.ts';

function worker() {
  const listeners = { waiting: [] as Array<() => void>, controlling: [] as Array<() => void> };
  let skipped = 0;
  return {
    worker: {
      onWaiting: (listener: () => void) => listeners.waiting.push(listener),
      onControlling: (listener: () => void) => listeners.controlling.push(listener),
      skipWaiting: () => void skipped++,
    },
    fire: (type: 'waiting' | 'controlling') => listeners[type].forEach((listener) => listener()),
    skipped: () => skipped,
  };
}

describe('offerUpdates', () => {
  it('offers activation when a worker waits, and the reload only once the worker it activated controls the page', () => {
    const w = worker();
    const offers: Array<() => void> = [];
    let reloads = 0;
    offerUpdates(w.worker, () => reloads++, (apply) => offers.push(apply));
    w.fire('waiting');
    expect(offers).toHaveLength(1);
    expect(w.skipped()).toBe(0);
    offers[0]!();
    expect(w.skipped()).toBe(1);
    expect(offers).toHaveLength(1);
    w.fire('controlling');
    expect(offers).toHaveLength(2);
    expect(reloads).toBe(0);
    offers[1]!();
    expect(reloads).toBe(1);
  });

  it('offers the reload as well when another page activated the worker', () => {
    const w = worker();
    const offers: Array<() => void> = [];
    let reloads = 0;
    offerUpdates(w.worker, () => reloads++, (apply) => offers.push(apply));
    w.fire('waiting');
    w.fire('controlling');
    expect(offers).toHaveLength(2);
    expect(w.skipped()).toBe(0);
    offers[1]!();
    expect(reloads).toBe(1);
  });
});
