// The region's unified item catalogue (省、市、县、镇、村五级统一的事项清单, seed 001) and the site profile a site's pack
// is built from. One guide per item for every level (六统一: same names, methods, processes, materials, time limits
// and standards); a site adds only what is its own: name, address, hours, phones, windows and staff.
import { z } from 'zod';
import { hallInfoSchema, serviceSchema, staffSchema, type HallLevel } from '../../content/schema/index.ts';
import { siteLevelSchema, type SiteLevel } from './sync.ts';

export const catalogueItemSchema = z.strictObject({
  service: serviceSchema,
  /** The levels of service point that offer this item. */
  levels: z.array(siteLevelSchema).min(1),
});
export type CatalogueItem = z.infer<typeof catalogueItemSchema>;

export const siteWindowSchema = z.strictObject({
  number: z.number().int().min(1).max(99),
  name: z.string().min(1).max(20),
  /** Item codes this window serves; 'all' for a 综合柜员 window (every item the site offers). */
  services: z.union([z.literal('all'), z.array(z.string()).min(1)]),
  tidal: z.boolean().default(false),
});
export type SiteWindow = z.infer<typeof siteWindowSchema>;

export const siteProfileSchema = z.strictObject({
  siteId: z.string().regex(/^[a-z0-9][a-z0-9-]{1,39}$/),
  level: siteLevelSchema,
  /** The manifest's hall block, except the level, which follows from the site's level. */
  hall: hallInfoSchema.omit({ level: true }),
  windows: z.array(siteWindowSchema).min(1),
  staff: z.array(staffSchema),
});
export type SiteProfile = z.infer<typeof siteProfileSchema>;

/** The pack's administrative level for each kind of service point (town and hospital stations sit at 镇街 level,
 * clinic and village points at 村居 level). */
export const PACK_HALL_LEVEL: Record<SiteLevel, HallLevel> = {
  city: '市',
  town: '乡镇街道',
  hospital: '乡镇街道',
  clinic: '村社区',
  village: '村社区',
};
