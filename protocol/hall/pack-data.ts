// What a terminal needs of the packs API before zod loads (the kiosk's boot screen, the service worker): the paths of
// the active pack and of pack files, and the check that an answer is pack data. Declared once; packs.ts builds its
// endpoints on these.
import type { PackData } from '../../content/schema/index.ts';

export const ACTIVE_PACK_PATH = '/api/packs/active';
export const PACK_FILE_PATH = '/api/packs/files/:packId/:version/:dir/:name';
/** Every pack file's URL starts with this. */
export const PACK_FILES_PREFIX = PACK_FILE_PATH.slice(0, PACK_FILE_PATH.indexOf(':'));

/** Pack data is validated by the hall-server with the content schemas when the pack is imported; a terminal checks only
 * that the answer is pack data at all (validating a whole pack again would cost a slow terminal seconds). */
export function isPackData(value: unknown): value is PackData {
  return typeof value === 'object' && value !== null && 'manifest' in value;
}
