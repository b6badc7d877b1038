// The CPU-heavy part of publishing a site's pack, run in the pack worker: build the files, hash what the site would
// receive, and only when that changed, seal (sign) and zip the new version. Pure apart from the signing key it is given.
import { threadId } from 'node:worker_threads';
import { createHash } from 'node:crypto';
import { sealPack } from '../../content/validate/manifest-build.ts';
import { writePackZip } from '../../content/validate/zip.ts';
import { buildSitePack, type SitePackRequest } from './build.ts';

export interface PackJob {
  request: Omit<SitePackRequest, 'version' | 'created'>;
  /** Content hash of the site's newest version, if it has one. */
  lastHash: string | null;
  version: number;
  created: string;
  regionKeyPem: string;
}

export interface PackJobResult {
  hash: string;
  zip: Uint8Array | null;
  /** The worker thread that built it (0 would be the region's own event loop). */
  builtOnThread: number;
}

/** sha256 over every file's path and bytes: equal for two builds that give a site the same content. */
export function contentHash(files: Map<string, Uint8Array>): string {
  const hash = createHash('sha256');
  for (const path of [...files.keys()].sort()) hash.update(path).update('\0').update(files.get(path)!).update('\0');
  return hash.digest('hex');
}

export function runPackJob(job: PackJob): PackJobResult {
  // Version and date are the same for every comparison build, so only the content decides.
  const hash = contentHash(buildSitePack({ ...job.request, version: 1, created: '2000-01-01T00:00:00Z' }));
  if (hash === job.lastHash) return { hash, zip: null, builtOnThread: threadId };
  const files = sealPack(buildSitePack({ ...job.request, version: job.version, created: job.created }), job.regionKeyPem);
  return { hash, zip: writePackZip(files), builtOnThread: threadId };
}
