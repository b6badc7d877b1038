// The pad's outbox on IndexedDB: every rating is written durably (with its pad-generated id) before anything is
// sent, and stays until the hall-server acknowledges it. A reload or power cut keeps it; sending resumes on start.
import { signal, type Signal } from '@preact/signals';
import { RatingEndpoints, type SubmitRatingRequest } from '../../protocol/hall/ratings.ts';
import { HallApiError, call } from '../shared/hall/index.ts';
import { OutboxLoop, type OutboxItem, type OutboxStore, type RefusedItem } from './outbox-core.ts';

const DB_NAME = 'yibao-pad';
const PENDING = 'outbox';
const REFUSED = 'refused';

function promised<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function openDb(): Promise<IDBDatabase> {
  const req = indexedDB.open(DB_NAME, 1);
  req.onupgradeneeded = () => {
    req.result.createObjectStore(PENDING, { keyPath: 'request.id' });
    req.result.createObjectStore(REFUSED, { keyPath: 'request.id' });
  };
  return promised(req);
}

/** Resolves once the write is durable (transaction complete), so a power cut right after cannot lose it. */
function write(db: IDBDatabase, store: string, fn: (s: IDBObjectStore) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(store, 'readwrite', { durability: 'strict' });
    fn(tx.objectStore(store));
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB write failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB write aborted'));
  });
}

class IndexedDbOutboxStore implements OutboxStore {
  constructor(private readonly db: IDBDatabase) {}
  all() {
    return promised(this.db.transaction(PENDING, 'readonly').objectStore(PENDING).getAll() as IDBRequest<OutboxItem[]>);
  }
  refusedItems() {
    return promised(this.db.transaction(REFUSED, 'readonly').objectStore(REFUSED).getAll() as IDBRequest<RefusedItem[]>);
  }
  put(item: OutboxItem) {
    return write(this.db, PENDING, (s) => s.put(item));
  }
  remove(id: string) {
    return write(this.db, PENDING, (s) => s.delete(id));
  }
  refuse(item: RefusedItem) {
    return write(this.db, REFUSED, (s) => s.put(item));
  }
}

export interface Outbox {
  /** Ratings written but not yet acknowledged. */
  pending: Signal<OutboxItem[]>;
  /** Ratings the hall-server refused for good (e.g. already rated from elsewhere), kept for the record. */
  refused: Signal<RefusedItem[]>;
  add(window: number, request: SubmitRatingRequest): Promise<void>;
  kick(): void;
  close(): void;
}

export async function openOutbox(): Promise<Outbox> {
  const db = await openDb();
  const store = new IndexedDbOutboxStore(db);
  const pending = signal<OutboxItem[]>([]);
  const refused = signal<RefusedItem[]>([]);
  const refresh = async () => {
    pending.value = await store.all();
    refused.value = await store.refusedItems();
  };
  await refresh();
  const loop = new OutboxLoop(
    store,
    async (item) => {
      try {
        await call(RatingEndpoints.submit, { params: { window: item.window }, body: item.request });
        return { status: 200, code: 'ok', message: '' };
      } catch (err) {
        if (err instanceof HallApiError) return { status: err.status, code: err.code, message: err.message };
        return { status: 0, code: 'unreachable', message: String(err) };
      }
    },
    refresh,
  );
  void loop.drain();
  return {
    pending,
    refused,
    add: (window, request) => loop.add(window, request),
    kick: () => loop.kick(),
    close() {
      loop.close();
      db.close();
    },
  };
}
