// The site page's endpoints as the region and the hall declare them (zod, for the servers and the API reference), and
// the signed GET by which a hall asks its region for its neighbours' counts (the kiosk home shows them). The phone page
// does not import this file (it checks answers with site-now.ts).
import { z } from 'zod';
import { endpoint } from '../hall/endpoint.ts';
import { SITE_ID_PATTERN, SITE_NOW_PATH, type SiteNow } from './site-now.ts';

const Iso = z.string();

export const SiteNowSchema = z.strictObject({
  siteId: z.string(),
  name: z.string(),
  levelName: z.string(),
  address: z.string().nullable(),
  hours: z.array(z.string()),
  open: z.boolean(),
  closesAt: Iso.nullable(),
  opensAt: Iso.nullable(),
  live: z.boolean(),
  lastReportAt: Iso.nullable(),
  windowsOpen: z.number().int().nonnegative().nullable(),
  waiting: z.array(z.strictObject({ itemName: z.string(), waiting: z.number().int().nonnegative() })),
  neighbours: z.array(z.strictObject({ siteId: z.string(), name: z.string() })),
  at: Iso,
}) satisfies z.ZodType<SiteNow>;

export const SiteEndpoints = {
  site: endpoint({
    method: 'GET', path: SITE_NOW_PATH, roles: 'public', response: SiteNowSchema,
    summary: 'A site now for the public site page: hours (open now or next opening), windows open and waiting per item; counts only while the site reports (404 for an unknown site)',
  }),
};

/** The region's answer to a hall asking for its neighbours (`GET NEIGHBOURS_PATH?sites=a,b`, signed by the hall). */
export const NEIGHBOURS_PATH = '/api/region/sites/:id/neighbours';
/** At most this many neighbours per request (the kiosk shows two). */
export const MAX_NEIGHBOURS = 4;
export const NeighboursAnswer = z.strictObject({
  /** Each asked site the region knows, in the order asked. */
  sites: z.array(SiteNowSchema).max(MAX_NEIGHBOURS),
});
export type NeighboursAnswer = z.infer<typeof NeighboursAnswer>;

/** The `sites` query parameter: comma-separated site ids. */
export function parseNeighbourIds(text: string | null): string[] | null {
  if (!text) return null;
  const ids = [...new Set(text.split(','))];
  if (ids.length > MAX_NEIGHBOURS || !ids.every((id) => SITE_ID_PATTERN.test(id))) return null;
  return ids;
}
