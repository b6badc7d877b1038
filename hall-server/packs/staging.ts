// Writing a pack's files into a fresh slot folder without ever leaving it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { pathProblem, type PackFiles } from '../../content/validate/index.ts';

/** The absolute path `name` maps to inside `root`, or null if it would land outside (or the name is unsafe). */
export function insideSlot(root: string, name: string): string | null {
  if (pathProblem(name)) return null;
  const target = resolve(root, name);
  const rel = relative(root, target);
  if (rel === '' || rel.startsWith('..') || rel.split(sep).includes('..') || resolve(root, rel) !== target) return null;
  return target;
}

/** Writes every file into `root` (which must be new and empty); throws before writing anything if one name is unsafe. */
export function writeSlot(root: string, files: PackFiles): void {
  const targets = [...files.keys()].map((name) => {
    const target = insideSlot(root, name);
    if (!target) throw new Error(`unsafe pack path refused: ${JSON.stringify(name)}`);
    return [target, files.get(name)!] as const;
  });
  mkdirSync(root, { recursive: true });
  for (const [target, bytes] of targets) {
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, bytes, { flag: 'wx' });
  }
}
