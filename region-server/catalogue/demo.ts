// The demo region's catalogue and region-wide content: the sample pack's item guides, offered per level as seed 001's
// item lists say (content/catalogue/levels.json), and the sample's calendar, evaluation rules, notices and voice.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Pool } from 'pg';
import { z } from 'zod';
import { readPackFolder } from '../../content/validate/folder.ts';
import { formatIssue } from '../../content/validate/report.ts';
import { validatePackFiles } from '../../content/validate/validate.ts';
import { siteLevelSchema } from '../../protocol/region/sync.ts';
import type { CatalogueItem, SiteProfile } from '../../protocol/region/catalogue.ts';
import type { RegionContent } from './build.ts';
import { saveCatalogueItem, saveRegionContent } from './store.ts';

const CONTENT = resolve(import.meta.dirname, '../../content');
const levelsFileSchema = z.strictObject({ source: z.string(), levels: z.record(z.string(), z.array(siteLevelSchema).min(1)) });

export interface DemoRegionContent {
  catalogue: CatalogueItem[];
  region: RegionContent;
  photos: Map<string, Uint8Array>;
  /** The sample hall's own block, windows and staff: the demo hall's site profile without its id and level. */
  sampleHall: Omit<SiteProfile, 'siteId' | 'level'>;
}

export function loadDemoRegionContent(): DemoRegionContent {
  const read = readPackFolder(join(CONTENT, 'packs/sample'));
  const { data, report } = validatePackFiles(read, { trustedKeys: [], unsigned: true });
  if (!data) throw new Error(`sample pack invalid: ${report.errors.map(formatIssue).join('; ')}`);
  const { levels } = levelsFileSchema.parse(JSON.parse(readFileSync(join(CONTENT, 'catalogue/levels.json'), 'utf8')));
  const catalogue = data.services.map((service) => {
    const offeredAt = levels[service.code];
    if (!offeredAt) throw new Error(`content/catalogue/levels.json names no level for item ${service.code}`);
    return { service, levels: offeredAt };
  });
  const voice = new Map([...read.files].filter(([path]) => path.startsWith('voice/')));
  const photos = new Map([...read.files].filter(([path]) => path.startsWith('staff/')));
  return {
    catalogue,
    region: {
      calendar: data.calendar,
      evaluation: data.evaluation,
      notices: data.notices,
      voice,
      product: data.manifest.product,
      sample: true,
    },
    photos,
    sampleHall: {
      hall: (({ level: _level, ...hall }) => hall)(data.manifest.hall),
      windows: data.windows.map((w) => ({ number: w.number, name: w.name, services: w.generalCounter ? 'all' as const : w.services, tidal: w.tidal })),
      staff: data.staff,
    },
  };
}

/** Puts the demo catalogue and region-wide content into the region's database. */
export async function seedDemoCatalogue(pool: Pool, content: DemoRegionContent = loadDemoRegionContent()): Promise<void> {
  for (const [position, item] of content.catalogue.entries()) await saveCatalogueItem(pool, item, position, 'demo');
  await saveRegionContent(pool, content.region);
}
