// The heavy work of the packs module, run in a worker thread (off-thread.ts) so the hall's event loop keeps answering:
// reading an upload manifest first, inflating and hashing its entries, decoding media headers, writing the staging
// folder and verifying it again from disk. Plain data in, plain data out (structured-clone safe).
import { rmSync } from 'node:fs';
import type { PackData } from '../../content/schema/index.ts';
import { readPackFolder, validatePackFiles, validatePackZip, type ValidateOptions, type ValidationReport } from '../../content/validate/index.ts';
import { writeSlot } from './staging.ts';

export type PackJob =
  | { kind: 'stage-zip'; zip: Uint8Array; options: ValidateOptions; stagingDir: string }
  | { kind: 'verify-folder'; dir: string; options: ValidateOptions };

export interface PackJobResult {
  report: ValidationReport;
  /** The pack's content when the report is ok. */
  data: PackData | null;
}

/** Validates an uploaded zip (manifest first) and, when it passes, writes it to `stagingDir` and verifies what is on
 * disk. On refusal nothing is left in `stagingDir`. */
function stageZip(zip: Uint8Array, options: ValidateOptions, stagingDir: string): PackJobResult {
  const first = validatePackZip(zip, options);
  if (!first.data) return { report: first.report, data: null };
  try {
    writeSlot(stagingDir, first.files);
    // Verify what is on disk, not what was in memory.
    const onDisk = validatePackFiles(readPackFolder(stagingDir), options);
    if (!onDisk.data) {
      rmSync(stagingDir, { recursive: true, force: true });
      return { report: onDisk.report, data: null };
    }
    return { report: first.report, data: onDisk.data };
  } catch (err) {
    rmSync(stagingDir, { recursive: true, force: true });
    throw err;
  }
}

export function runPackJob(job: PackJob): PackJobResult {
  if (job.kind === 'stage-zip') return stageZip(job.zip, job.options, job.stagingDir);
  const r = validatePackFiles(readPackFolder(job.dir), job.options);
  return { report: r.report, data: r.data };
}
