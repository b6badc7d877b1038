import { describe, expect, it } from 'vitest';
import { offerUpdates } from './updateOffers.ts';

/** offerUpdates on a stand-in worker: fires its events and records what it offered, skipped and reloaded. */
function offering() {
  const listeners = { waiting: [] as Array<() => void>, controlling: [] as Array<() => void> };
  const offers: Array<() => void> = [];
  const counts = { skipped: 0, reloads: 0 };
  offerUpdates(
    {
      onWaiting: (listener) => listeners.waiting.push(listener),
      onControlling: (listener) => listeners.controlling.push(listener),
      skipWaiting: () => void counts.skipped++,
    },
    () => void counts.reloads++,
    (apply) => offers.push(apply),
  );
  return { offers, counts, fire: (type: 'waiting' | 'controlling') => listeners[type].forEach((listener) => listener()) };
}

describe('offerUpdates', () => {
  it('offers activation when a worker waits, and the reload once a new worker controls the page', () => {
    const { offers, counts, fire } = offering();
    fire('waiting');
    expect(offers).toHaveLength(1);
    expect(counts.skipped).toBe(0);
    offers[0]!();
    expect(counts.skipped).toBe(1);
    expect(offers).toHaveLength(1);
    fire('controlling');
    expect(offers).toHaveLength(2);
    expect(counts.reloads).toBe(0);
    offers[1]!();
    expect(counts.reloads).toBe(1);
  });

  it('offers the reload as well when another page activated the worker', () => {
    const { offers, counts, fire } = offering();
    fire('waiting');
    fire('controlling');
    expect(offers).toHaveLength(2);
    expect(counts.skipped).toBe(0);
    offers[1]!();
    expect(counts.reloads).toBe(1);
  });
});
