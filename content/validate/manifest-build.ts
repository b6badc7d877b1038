// Writes the file list (sha256 + size) into a pack's manifest and signs it. Used by `pack build`/`pack sign` and tests.
import { createHash } from 'node:crypto';
import { MANIFEST_FILE, SIGNATURE_FILE, type Manifest } from '../schema/index.ts';
import type { PackFiles } from './files.ts';
import { signManifest } from './sign.ts';

/** Serialises a manifest the way packs store it (2-space JSON, trailing newline). */
export function manifestBytes(manifest: Manifest): Uint8Array {
  return new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`);
}

/** Returns the manifest with `files` listing every other file of the pack, sorted by path. */
export function withFileList(manifest: Manifest, files: PackFiles): Manifest {
  const list = [...files.keys()]
    .filter((p) => p !== MANIFEST_FILE && p !== SIGNATURE_FILE)
    .sort()
    .map((path) => {
      const bytes = files.get(path)!;
      return { path, sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length };
    });
  return { ...manifest, files: list };
}

/** Rewrites manifest.json's file list and, with a key, manifest.sig, in the in-memory file map. */
export function sealPack(files: PackFiles, privateKeyPem: string | null, patch: Partial<Manifest> = {}): PackFiles {
  // Not schema-checked here: sealing a manifest with mistakes is allowed, validation reports them in manager words.
  const current = JSON.parse(new TextDecoder().decode(files.get(MANIFEST_FILE))) as Manifest;
  const manifest = withFileList({ ...current, ...patch }, files);
  const bytes = manifestBytes(manifest);
  const out: PackFiles = new Map(files);
  out.set(MANIFEST_FILE, bytes);
  if (privateKeyPem) out.set(SIGNATURE_FILE, new TextEncoder().encode(`${JSON.stringify(signManifest(bytes, privateKeyPem))}\n`));
  else out.delete(SIGNATURE_FILE);
  return out;
}
