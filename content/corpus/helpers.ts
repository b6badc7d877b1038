// Helpers of the broken-pack corpus: the sample's files, sealing with the demo key, zipping, and the two ways a case
// is made (edit then seal; seal then tamper).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Manifest } from '../schema/index.ts';
import { readPackFolder, sealPack, type PackFiles } from '../validate/index.ts';
import { rawZip, type RawEntry } from './raw-zip.ts';

export const SAMPLE_DIR = fileURLToPath(new URL('../packs/sample', import.meta.url));
export const DEMO_KEY = readFileSync(fileURLToPath(new URL('../keys/demo-private.DEMO-ONLY.pem', import.meta.url)), 'utf8');
/** Corpus packs are version 2, validated against an active version 1 (the sample). */
export const CORPUS_ACTIVE_VERSION = 1;
export const CORPUS_NOW = new Date('2026-11-23T02:00:00Z');

export interface BrokenPack {
  id: string;
  /** The rule that must refuse it. */
  rule: string;
  /** The exact formatted message (formatIssue) the report must contain (a pattern where it names a random key). */
  message: string | RegExp;
  zip(): Uint8Array;
}

export const enc = new TextEncoder();
export const dec = new TextDecoder();
export type Json = any; // any: corpus mutations poke at arbitrary places of the sample's JSON

export function sampleFiles(): PackFiles {
  return readPackFolder(SAMPLE_DIR).files;
}
export const getJson = (f: PackFiles, name: string): Json => JSON.parse(dec.decode(f.get(name)));
export const setJson = (f: PackFiles, name: string, v: unknown): void => void f.set(name, enc.encode(JSON.stringify(v, null, 2)));

/** Sealed (file list + signature) with the demo key as version 2, unless told otherwise. */
export function sealed(files: PackFiles, opts: { version?: number; key?: string | null; manifest?: Partial<Manifest> } = {}): PackFiles {
  return sealPack(files, opts.key === undefined ? DEMO_KEY : opts.key, { version: opts.version ?? 2, ...opts.manifest });
}

export function toZip(files: PackFiles, extra: RawEntry[] = []): Uint8Array {
  return rawZip([...[...files].map(([name, data]) => ({ name, data, deflate: true })), ...extra]);
}

/** A sample mutation: edit the JSON (or files), then seal and zip. */
export function mutate(edit: (f: PackFiles) => void, seal: Parameters<typeof sealed>[1] = {}): () => Uint8Array {
  return () => {
    const f = sampleFiles();
    edit(f);
    return toZip(sealed(f, seal));
  };
}
/** Seal first, then change something: what tampering after signing looks like. */
export function tamper(edit: (f: PackFiles) => void, extra: () => RawEntry[] = () => []): () => Uint8Array {
  return () => {
    const f = sealed(sampleFiles());
    edit(f);
    return toZip(f, extra());
  };
}

export const svc = (f: PackFiles) => getJson(f, 'services.json');

