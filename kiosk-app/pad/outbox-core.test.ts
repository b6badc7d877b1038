import { describe, expect, it } from 'vitest';
import type { SubmitRatingRequest } from '../../protocol/hall/ratings.ts';
import { MemoryOutboxStore, OutboxLoop, type OutboxItem } from './outbox-core.ts';

const request = (id: string): SubmitRatingRequest => ({
  id, ticketId: `T-${id}`, score: 5, reasons: [], comment: '', phone: '', consent: false, source: 'touch', ratedAt: '2026-11-23T01:00:00.000Z',
});

describe('OutboxLoop', () => {
  it('keeps items while the server is unreachable and sends each once when it returns', async () => {
    const store = new MemoryOutboxStore();
    let up = false;
    const received: string[] = [];
    const loop = new OutboxLoop(store, async (item: OutboxItem) => {
      if (!up) return { status: 0, code: 'unreachable', message: '' };
      received.push(item.request.id);
      return { status: 201, code: 'ok', message: '' };
    });
    await loop.add(1, request('aaaaaaaa1'), new Date('2026-11-23T01:00:00Z'));
    await loop.add(1, request('aaaaaaaa2'), new Date('2026-11-23T01:00:01Z'));
    await loop.drain();
    expect([...store.items.keys()].sort()).toEqual(['aaaaaaaa1', 'aaaaaaaa2']);
    expect(store.items.get('aaaaaaaa1')?.attempts).toBeGreaterThan(0);
    up = true;
    loop.kick();
    await loop.drain();
    await new Promise((r) => setTimeout(r, 10));
    expect(received).toEqual(['aaaaaaaa1', 'aaaaaaaa2']);
    expect(store.items.size).toBe(0);
    loop.close();
  });

  it('moves a finally refused rating aside instead of retrying it', async () => {
    const store = new MemoryOutboxStore();
    const loop = new OutboxLoop(store, async () => ({ status: 409, code: 'already_rated', message: '本次服务已经评价过了' }));
    await loop.add(2, request('bbbbbbbb1'));
    await loop.drain();
    expect(store.items.size).toBe(0);
    expect(store.refused.map((r) => [r.request.id, r.code])).toEqual([['bbbbbbbb1', 'already_rated']]);
    loop.close();
  });
});
