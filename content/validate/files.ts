import type { PackIssue } from './report.ts';

/** The files of a pack, by relative path, as read from a folder or a zip (already checked for path safety and size). */
export type PackFiles = Map<string, Uint8Array>;

export interface ReadResult {
  files: PackFiles;
  /** Safety problems: any of them refuses the pack. */
  issues: PackIssue[];
}
