import type { Calendar } from './calendar.ts';
import type { Evaluation } from './evaluation.ts';
import type { KioskFile } from './kiosk.ts';
import type { Manifest } from './manifest.ts';
import type { Notice } from './notices.ts';
import type { Service } from './services.ts';
import type { Staff } from './staff.ts';
import type { HallWindow } from './windows.ts';

/** The JSON files of a pack, by name. Every other file lives under one of PACK_DIRS. */
export const PACK_JSON_FILES = [
  'services.json',
  'windows.json',
  'staff.json',
  'evaluation.json',
  'calendar.json',
  'notices.json',
] as const;
export type PackJsonFile = (typeof PACK_JSON_FILES)[number];
/** JSON files a pack may leave out (older packs have none of them). */
export const OPTIONAL_PACK_JSON_FILES = ['kiosk.json'] as const;
export type OptionalPackJsonFile = (typeof OPTIONAL_PACK_JSON_FILES)[number];
export const MANIFEST_FILE = 'manifest.json';
export const SIGNATURE_FILE = 'manifest.sig';
/** Folders for binary files: voice clips, staff photos, other media (images shown on the kiosk or board). */
export const PACK_DIRS = ['voice/', 'staff/', 'media/'] as const;

/** Everything of a validated pack that is plain data (what the pages receive as JSON). */
export interface PackData {
  manifest: Manifest;
  services: Service[];
  windows: HallWindow[];
  staff: Staff[];
  evaluation: Evaluation;
  calendar: Calendar;
  notices: Notice[];
  /** kiosk.json: the 长辈模式 home question and the item groups' icons; absent in packs without one. */
  kiosk?: KioskFile;
}

/** A loaded, validated and signature-checked pack. */
export interface Pack extends PackData {
  /** Bytes of a file listed in the manifest (e.g. "voice/digit-0.wav", "staff/1001.png"); undefined if not in the pack. */
  file(path: string): Uint8Array | undefined;
}

/** Where a page fetches a pack file over HTTP (public route of the hall-server, cacheable: the version is in the URL).
 * Pack files are always `<dir>/<name>` (voice/, staff/, media/), so the URL has two segments after the version. */
export function packFileUrl(manifest: Pick<Manifest, 'packId' | 'version'>, path: string): string {
  return `/api/packs/files/${encodeURIComponent(manifest.packId)}/${manifest.version}/${path
    .split('/')
    .map(encodeURIComponent)
    .join('/')}`;
}

export function packData(pack: Pack): PackData {
  const { manifest, services, windows, staff, evaluation, calendar, notices, kiosk } = pack;
  return { manifest, services, windows, staff, evaluation, calendar, notices, ...(kiosk ? { kiosk } : {}) };
}
