// Loads the pack named by `--pack` as the hall's pack when no packs module activates one. It trusts the same keys as the
// packs module: the hall config's trustedKeys, <dataDir>/packs/trusted-keys.txt, and the demo key only in a demo hall.
import { join } from 'node:path';
import { DEMO_PUBLIC_KEY } from '../../content/keys/demo.ts';
import { formatIssue } from '../../content/validate/report.ts';
import { loadPackFolder, PackInvalidError } from '../../content/validate/load.ts';
import type { Pack } from '../../content/schema/index.ts';
import type { HallConfig } from '../config/schema.ts';
import { readTrustedKeysFile, TRUSTED_KEYS_FILE } from '../config/trusted-keys.ts';

export class StartupPackError extends Error {}

export interface HallTrust {
  /** null: no data dir (trusted-keys.txt is not read). */
  dataDir: string | null;
  config: Pick<HallConfig, 'demo' | 'trustedKeys'>;
}

/** Trust of a demo hall without a data dir: what tests and benchmarks use to load the sample pack. */
export const DEMO_HALL_TRUST: HallTrust = { dataDir: null, config: { demo: true, trustedKeys: [] } };

export function hallTrustedKeys({ dataDir, config }: HallTrust): string[] {
  return [
    ...config.trustedKeys,
    ...(dataDir ? readTrustedKeysFile(join(dataDir, 'packs', TRUSTED_KEYS_FILE)) : []),
    ...(config.demo ? [DEMO_PUBLIC_KEY] : []),
  ];
}

export function loadStartupPack(dir: string, trust: HallTrust = DEMO_HALL_TRUST): Pack {
  const { dataDir, config } = trust;
  try {
    // Date rules only warn here: a hall restarted after New Year with last year's pack keeps serving (weekends as rest
    // days; the health answer and the console say the calendar is missing) instead of refusing to start.
    return loadPackFolder(dir, { trustedKeys: hallTrustedKeys(trust), alreadyAccepted: true });
  } catch (err) {
    if (!(err instanceof PackInvalidError)) throw err;
    const problems = err.result.report.errors.slice(0, 5).map(formatIssue).join(' | ');
    const keyHint = err.result.report.errors.some((e) => e.rule.startsWith('signature.'))
      ? ` Trusted keys: hall config "trustedKeys" and ${dataDir ? join(dataDir, 'packs', TRUSTED_KEYS_FILE) : 'packs/trusted-keys.txt in the data dir'}${config.demo ? ' and the demo key' : '; the demo key is trusted only with --demo'}.`
      : '';
    throw new StartupPackError(`--pack ${dir} refused: ${problems}.${keyHint}`);
  }
}
