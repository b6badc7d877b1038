// Pulls the site's newest pack from the region (a request signed with the hall's key) and hands it to the packs module:
// staged and checked in a worker thread against the hall's trusted keys like any upload, refused (in the pack history
// and the audit trail, and on the console's region section) when its manifest names another site or level, else
// activated; terminals switch to it at their next idle moment as with any activation.
import type { Principal } from '../core/module.ts';
import type { Logger } from '../core/log.ts';
import type { PackStore } from '../packs/store.ts';
import { siteScopeProblem } from '../../content/validate/site-scope.ts';
import { fetchSitePack } from './client.ts';
import type { HallKey } from './hall-key.ts';
import type { LinkRow, LinkStore } from './store.ts';

export const REGION_ACTOR: Principal = { id: 'region', role: 'admin', window: null, name: '区域中心（内容包下发）' };

export interface PackPullDeps {
  store: LinkStore;
  packs(): PackStore;
  key(): HallKey;
  now(): Date;
  tx<T>(fn: () => T): T;
  audit(action: string, details: Record<string, unknown>): void;
  log: Logger;
}

/** Why a region pack is not for this hall, in words for its manager; null when it is. */
export function packSiteProblem(site: { id: string; level: string } | undefined, link: Pick<LinkRow, 'site_id' | 'level'>): string | null {
  return siteScopeProblem(site, { siteId: link.site_id, level: link.level });
}

/** One pull: nothing when the region has nothing newer; throws the client's errors for the caller to log. */
export async function pullSitePack(deps: PackPullDeps): Promise<'none' | 'activated' | 'refused'> {
  const link = deps.store.get();
  if (!link || link.stop_code) return 'none';
  const got = await fetchSitePack(link.region_url, link.site_id, link.pack_version, deps.key().privateKey, deps.now());
  if (!got) return 'none';
  const packs = deps.packs();
  const prepared = await packs.prepareUpload(got.zip);
  const problem = prepared.data ? packSiteProblem(prepared.data.manifest.site, link) : null;
  if (!prepared.data || problem) {
    // Signed by the region's key but naming another site or level: the validation said so in the manager's words.
    const scoped = prepared.report.errors.find((e) => e.rule === 'signature.site-scope')?.problem;
    const why = problem ?? scoped ?? `区域下发的内容包未通过校验：${prepared.report.errors[0]?.problem ?? '原因不明'}`;
    const outcome = problem ? packs.refusePrepared(prepared, { rule: 'region.site', problem }, REGION_ACTOR) : packs.commitUpload(prepared, REGION_ACTOR);
    deps.tx(() => {
      deps.store.packRefused(got.version, why);
      deps.audit('region.pack_refused', { version: got.version, reason: why, errors: outcome.report.errors.length });
    });
    deps.log.warn(`region pack version ${got.version} refused`);
    return 'refused';
  }
  const outcome = packs.commitUpload(prepared, REGION_ACTOR);
  const slot = outcome.slot!.slot;
  const verified = await packs.verifyForSwitch(slot);
  deps.tx(() => {
    packs.activate(slot, REGION_ACTOR, verified);
    deps.store.packTaken(got.version);
  });
  deps.log.info(`region pack version ${got.version} activated`);
  return 'activated';
}
