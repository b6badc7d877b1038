// A hall's side of the region link as far as the region can see it: its Ed25519 key, its event log, its batch counter,
// enrolment and signed pushes over real HTTP. Used by the demo's simulated sites and by the tests' stand-in halls.
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { rawPublicKey } from '../../content/validate/sign.ts';
import { SYNC_SIGNATURE_HEADER, type SyncBatch, type SyncEvent } from '../../protocol/region/sync.ts';

export interface RegionAnswer {
  status: number;
  body: any; // any: callers read fields of success and error answers alike
}

export async function postToRegion(url: string, body: unknown, headers: Record<string, string> = {}): Promise<RegionAnswer> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: Buffer.isBuffer(body) ? new Uint8Array(body) : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

export interface PreparedBatch {
  body: Buffer;
  signature: string;
  /** The last seq the batch carries: what the region answers as held once it is stored. */
  throughSeq: number;
}

export class SiteLink {
  readonly privateKey: KeyObject;
  readonly publicKey: string;
  siteId = '';
  batchId = 0;
  /** Events before the log's first entry (already held by the region and let go): `log[i].seq === seqOffset + i + 1`. */
  seqOffset = 0;
  /** The hall's durable event log from `seqOffset + 1` on. */
  readonly log: SyncEvent[] = [];

  constructor(readonly regionUrl: string) {
    const pair = generateKeyPairSync('ed25519');
    this.privateKey = pair.privateKey;
    this.publicKey = rawPublicKey(pair.publicKey);
  }

  async enrol(code: string, hallName = '测试大厅'): Promise<RegionAnswer> {
    const answer = await postToRegion(`${this.regionUrl}/api/region/enrol`, { code, publicKey: this.publicKey, hallName });
    if (answer.status === 200) this.siteId = answer.body.siteId;
    return answer;
  }

  /** The newest seq of the log. */
  get headSeq(): number {
    return this.seqOffset + this.log.length;
  }

  /** Appends one event to the log; returns its seq. */
  append(event: Omit<SyncEvent, 'seq'>): number {
    const seq = this.headSeq + 1;
    this.log.push({ seq, ...event });
    return seq;
  }

  /** Lets go of the events up to `seq` (the region holds them), keeping the log small. */
  forgetThrough(seq: number): void {
    const drop = Math.min(this.log.length, seq - this.seqOffset);
    if (drop <= 0) return;
    this.log.splice(0, drop);
    this.seqOffset += drop;
  }

  /** Appends events of one type to the hall's own log. */
  record(count: number, type = 'ticket.issued', at = new Date()): void {
    for (let i = 0; i < count; i++) {
      const seq = this.headSeq + 1;
      this.log.push({ seq, type, at: new Date(at.getTime() + i).toISOString(), data: { number: `A${String(seq).padStart(3, '0')}` } });
    }
  }

  /** The body of the next batch: `count` events of the log from `fromSeq`, under a fresh batch id. */
  batchBody(fromSeq: number, count: number, overrides: Partial<SyncBatch> = {}): Buffer {
    this.batchId += 1;
    const batch: SyncBatch = {
      siteId: this.siteId,
      batchId: this.batchId,
      sentAt: new Date().toISOString(),
      headSeq: this.headSeq,
      events: this.log.slice(fromSeq - 1 - this.seqOffset, fromSeq - 1 - this.seqOffset + count),
      ...overrides,
    };
    return Buffer.from(JSON.stringify(batch));
  }

  signature(body: Buffer, key: KeyObject = this.privateKey): string {
    return sign(null, body, key).toString('base64');
  }

  async send(body: Buffer, signature = this.signature(body)): Promise<RegionAnswer> {
    return postToRegion(`${this.regionUrl}/api/region/sync`, body, { [SYNC_SIGNATURE_HEADER]: signature });
  }

  async push(fromSeq: number, count: number): Promise<RegionAnswer> {
    return this.send(this.batchBody(fromSeq, count));
  }

  /** The signed bodies of every batch from `fromSeq`, built ahead of sending (a benchmark's stand-in halls sign on the
   * benchmark's own clock, where real halls sign on their own machines). */
  signedBatches(fromSeq: number, batchSize: number): PreparedBatch[] {
    const batches: PreparedBatch[] = [];
    for (let from = fromSeq; from <= this.headSeq; from += batchSize) {
      const body = this.batchBody(from, batchSize);
      batches.push({ body, signature: this.signature(body), throughSeq: Math.min(this.headSeq, from + batchSize - 1) });
    }
    return batches;
  }

  /** Sends batches built by signedBatches in order; throws on a refusal or an answer that does not hold the batch. */
  async pushPrepared(batches: readonly PreparedBatch[]): Promise<void> {
    for (const batch of batches) {
      const answer = await this.send(batch.body, batch.signature);
      if (answer.status !== 200 || answer.body.heldThrough !== batch.throughSeq) {
        throw new Error(`site ${this.siteId}: ${answer.status} ${JSON.stringify(answer.body)} (expected to hold through ${batch.throughSeq})`);
      }
    }
  }

  /** Pushes everything from `fromSeq` in batches of `batchSize`, resuming from each answer; throws on a refusal. */
  async pushAll(fromSeq: number, batchSize: number): Promise<number> {
    let from = fromSeq;
    while (from <= this.headSeq) {
      const answer = await this.push(from, batchSize);
      if (answer.status !== 200) throw new Error(`site ${this.siteId}: ${answer.status} ${JSON.stringify(answer.body)}`);
      from = (answer.body as { heldThrough: number }).heldThrough + 1;
    }
    return from - 1;
  }
}
