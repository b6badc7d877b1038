// Reads the project's TypeScript sources under a folder, for the checks computed from the import graph.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SourceFile } from './imports.ts';

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Every .ts and .tsx file under `folder` (relative to the project root), skipping node_modules and dot folders. */
export function sourcesUnder(folder: string, root: string = PROJECT_ROOT): SourceFile[] {
  const out: SourceFile[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(ts|tsx)$/.test(entry.name)) out.push({ path: relative(root, full).split(sep).join('/'), text: readFileSync(full, 'utf8') });
    }
  };
  walk(join(root, folder));
  return out;
}
