// 医保电子凭证 decodes in flight: started by one kiosk, read once by the same kiosk, forgotten after reading or a minute.
import { randomUUID } from 'node:crypto';
import { ApiError } from '../core/module.ts';
import type { DecodedEcard } from './ecard.ts';
import type { EcardDecodeStatus } from '../../protocol/hall/identity.ts';

const KEEP_MS = 60_000;

type Outcome = { kind: 'pending' } | { kind: 'done'; identity: DecodedEcard } | { kind: 'failed'; error: ApiError };

interface Entry {
  terminalId: string;
  startedAt: number;
  outcome: Outcome;
}

export class EcardDecodes {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly now: () => Date) {}

  start(terminalId: string, decoding: Promise<DecodedEcard>): string {
    this.purge();
    const id = randomUUID();
    const entry: Entry = { terminalId, startedAt: this.now().getTime(), outcome: { kind: 'pending' } };
    this.entries.set(id, entry);
    decoding.then(
      (identity) => (entry.outcome = { kind: 'done', identity }),
      (error: unknown) =>
        (entry.outcome = {
          kind: 'failed',
          error: error instanceof ApiError ? error : new ApiError(502, 'ecard_unavailable', '医保电子凭证服务暂时不可用，请使用身份证或社保卡'),
        }),
    );
    return id;
  }

  /** The outcome for the terminal that started it; a finished one is removed as it is read. */
  take(terminalId: string, id: string): EcardDecodeStatus {
    this.purge();
    const entry = this.entries.get(id);
    if (!entry || entry.terminalId !== terminalId) throw new ApiError(404, 'ecard_decode_unknown', '医保码识别已过期，请重新出示医保码');
    if (entry.outcome.kind === 'pending') return { pending: true };
    this.entries.delete(id);
    if (entry.outcome.kind === 'failed') throw entry.outcome.error;
    return { identity: entry.outcome.identity };
  }

  private purge(): void {
    const cutoff = this.now().getTime() - KEEP_MS;
    for (const [id, entry] of this.entries) if (entry.startedAt < cutoff) this.entries.delete(id);
  }
}
