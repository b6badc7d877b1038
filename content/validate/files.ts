import type { PackIssue } from './report.ts';

/** The files of a pack, by relative path, as read from a folder or a zip (already checked for path safety and size). */
export type PackFiles = Map<string, Uint8Array>;

export interface ReadResult {
  files: PackFiles;
  /** Safety problems: any of them refuses the pack. */
  issues: PackIssue[];
  /** Mistakes the reader recovered from (e.g. Finder's __MACOSX folder, ignored). */
  warnings?: PackIssue[];
  /** Paths the reader already checked against the manifest's file list (hash and size, or reported as unlisted). */
  verified?: Set<string>;
  /** The manifest gate stopped the read: only manifest.json and manifest.sig were inflated. */
  stoppedAtManifest?: boolean;
}

/** A file as the signed manifest lists it. */
export interface ListedFile {
  size: number;
  sha256: string;
}

/** Called with manifest.json and manifest.sig (null when absent) before any other entry is inflated: the files the
 * signed manifest lists, or null to stop reading (the validator then reports why from the two files). */
export type ManifestGate = (manifest: Uint8Array, signature: Uint8Array | null) => ReadonlyMap<string, ListedFile> | null;
