// Loads the pack named by `--pack` (validated and signature-checked by the content tools) as the hall's pack when no
// packs module activates one. Trusts the demo signing key only: a real hall's packs go through the packs module.
import { DEMO_PUBLIC_KEY } from '../../content/keys/demo.ts';
import { loadPackFolder } from '../../content/validate/load.ts';
import type { Pack } from '../../content/schema/index.ts';

export function loadStartupPack(dir: string): Pack {
  return loadPackFolder(dir, { trustedKeys: [DEMO_PUBLIC_KEY] });
}
