// What the console's handlers are given: the database, the injected opener of sealed personal fields with the keys it
// needs, the region's signing key for publishing packs, and the caller.
import type { IncomingMessage } from 'node:http';
import type { Pool } from 'pg';
import type { ConsoleUser } from '../../protocol/region/console.ts';
import type { SealedBox, SealedPersonalFields } from '../../protocol/region/records.ts';

/** The sealing half of the region's key file, as `openSealed` takes it (newest entry is current; older ones open older boxes). */
export interface RegionSealingKeys {
  sealing: ReadonlyArray<{ keyId: string; privateKey: string; createdAt?: string }>;
}

/** `openSealed(box, keys)` of region-server/sealing/open.ts, injected so that tests may seal with a key of their own. */
export type SealedOpener = (box: SealedBox, keys: RegionSealingKeys) => SealedPersonalFields;

export interface ConsoleOptions {
  /** Without an opener and keys the upstream export is refused: it never goes out without its personal columns. */
  sealing: { openSealed: SealedOpener; keys: RegionSealingKeys } | null;
  /** PKCS8 PEM of the region's Ed25519 key that signs site packs; null: publishing is refused. */
  signingKeyPem: string | null;
  /** Called with the one-time setup code while the region has no console account (to print it), null after. */
  onSetupCode(code: string | null): void;
  /** The built pages (dist/), served at /region/. */
  distDir?: string;
  /** Console sessions last this long (default 12 h). */
  sessionMs?: number;
}

export interface ConsoleRequest {
  req: IncomingMessage;
  url: URL;
  params: Record<string, string>;
  query: unknown;
  body: unknown;
  user: ConsoleUser | null;
  /** The caller's bearer token (to end its own session). */
  token: string | null;
  address: string;
}

export interface FileAnswer {
  file: { contentType: string; name: string; bytes: Buffer };
}

export interface ConsoleDeps {
  pool: Pool;
  options: ConsoleOptions;
}
