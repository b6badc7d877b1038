// Builds one site's content pack from the region's catalogue and the site's profile: the items its level offers, each
// with the catalogue's guide and the site's own agency, hours and phone; the site's windows and staff; the region-wide
// calendar, evaluation rules, notices and voice clips. Pure: the caller seals and signs the files.
import {
  MANIFEST_FILE,
  PACK_SCHEMA_VERSION,
  type Calendar,
  type Evaluation,
  type HallWindow,
  type Manifest,
  type Notice,
  type Service,
} from '../../content/schema/index.ts';
import type { PackFiles } from '../../content/validate/files.ts';
import { PACK_HALL_LEVEL, type CatalogueItem, type SiteProfile } from '../../protocol/region/catalogue.ts';

/** What every site of the region shares. */
export interface RegionContent {
  calendar: Calendar;
  evaluation: Evaluation;
  notices: Notice[];
  /** voice/… clips, by pack path. */
  voice: ReadonlyMap<string, Uint8Array>;
  product: Manifest['product'];
  /** True while the content is demonstration data (screens may show 示例数据). */
  sample: boolean;
}

export interface SitePackRequest {
  catalogue: readonly CatalogueItem[];
  profile: SiteProfile;
  region: RegionContent;
  /** staff/… photos of this site, by pack path. */
  photos: ReadonlyMap<string, Uint8Array>;
  version: number;
  created: string;
}

export function sitePackId(siteId: string): string {
  return `region-${siteId}`;
}

/** The catalogue items a site of this profile offers, in catalogue order, with the site's own agency and phones. */
export function siteServices(catalogue: readonly CatalogueItem[], profile: SiteProfile): Service[] {
  return catalogue
    .filter((item) => item.levels.includes(profile.level))
    .map(({ service }) => ({
      ...service,
      guide: {
        ...service.guide,
        agency: { name: profile.hall.name, location: profile.hall.address },
        hours: profile.hall.hours[0]!,
        consultPhone: profile.hall.consultPhone,
      },
    }));
}

function siteWindows(profile: SiteProfile, offered: readonly string[]): HallWindow[] {
  return profile.windows.map((w) => ({
    number: w.number,
    name: w.name,
    services: w.services === 'all' ? [...offered] : w.services.filter((code) => offered.includes(code)),
    tidal: w.tidal,
    generalCounter: w.services === 'all',
  }));
}

const json = (value: unknown): Uint8Array => new TextEncoder().encode(`${JSON.stringify(value, null, 2)}\n`);

/** The pack's files without manifest.sig; `files` of the manifest is left empty for `sealPack` to fill. */
export function buildSitePack(request: SitePackRequest): PackFiles {
  const { profile, region } = request;
  const services = siteServices(request.catalogue, profile);
  const offered = services.map((s) => s.code);
  const manifest: Manifest = {
    schemaVersion: PACK_SCHEMA_VERSION,
    packId: sitePackId(profile.siteId),
    version: request.version,
    created: request.created,
    product: region.product,
    sample: region.sample,
    title: profile.hall.name,
    hall: { ...profile.hall, level: PACK_HALL_LEVEL[profile.level] },
    site: { id: profile.siteId, level: profile.level },
    files: [],
  };
  const files: PackFiles = new Map([
    [MANIFEST_FILE, json(manifest)],
    ['services.json', json(services)],
    ['windows.json', json(siteWindows(profile, offered))],
    ['staff.json', json(profile.staff)],
    ['evaluation.json', json(region.evaluation)],
    ['calendar.json', json(region.calendar)],
    ['notices.json', json(region.notices)],
  ]);
  for (const [path, bytes] of region.voice) files.set(path, bytes);
  for (const member of profile.staff) {
    const photo = request.photos.get(member.photo);
    if (photo) files.set(member.photo, photo);
  }
  return files;
}
