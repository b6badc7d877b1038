// Turns a validated pack folder into a `Pack` whose files are read from disk on demand.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Pack, PackData } from '../schema/index.ts';
import { formatIssue } from './report.ts';
import { validatePackSource, type ValidateOptions, type ValidationResult } from './validate.ts';

export class PackInvalidError extends Error {
  constructor(readonly result: ValidationResult) {
    super(`pack refused: ${result.report.errors.slice(0, 3).map(formatIssue).join('; ')}`);
  }
}

/** A Pack over a folder that has already been validated (its file list comes from the manifest). */
export function packFromFolder(dir: string, data: PackData): Pack {
  const listed = new Set(data.manifest.files.map((f) => f.path));
  return {
    ...data,
    file(path: string): Uint8Array | undefined {
      return listed.has(path) ? new Uint8Array(readFileSync(join(dir, path))) : undefined;
    },
  };
}

/** Validates a pack folder and returns the Pack; throws PackInvalidError with the report if it is refused. */
export function loadPackFolder(dir: string, opts: ValidateOptions): Pack {
  const result = validatePackSource(dir, opts);
  if (!result.data) throw new PackInvalidError(result);
  return packFromFolder(dir, result.data);
}
