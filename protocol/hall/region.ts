// Endpoints of the hall's region link (hall-server/region-link/): the console's view of the link and the enrolment a
// 大厅负责人 makes with the region's address and one-time code. Browser-safe.
import { z } from 'zod';
import { ENROL_CODE_PATTERN, siteLevelSchema } from '../region/sync.ts';
import { endpoint } from './endpoint.ts';
import { OWNER_ONLY } from './access.ts';
import { RegionLinkHealth } from './region-status.ts';

export const RegionLinkStatus = z.strictObject({
  ...RegionLinkHealth.shape,
  regionUrl: z.string().nullable(),
  siteName: z.string().nullable(),
  level: siteLevelSchema.nullable(),
  enrolledAt: z.string().nullable(),
  lastPushAt: z.string().nullable(),
  /** When the next attempt runs while retrying. */
  nextAttemptAt: z.string().nullable(),
  /** Whether personal fields of new ratings are sealed to the region's key (false before enrolment). */
  sealing: z.boolean(),
  /** The region pack version this hall last took, and why the last offered pack was refused (null: none refused). */
  packVersion: z.number().int().nonnegative(),
  packRefusal: z.string().nullable(),
});
export type RegionLinkStatus = z.infer<typeof RegionLinkStatus>;

export const RegionEnrolRequest = z.strictObject({
  url: z
    .string()
    .trim()
    .regex(/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/, '区域中心地址应以 http:// 或 https:// 开头，例如 https://region.example.cn'),
  code: z.string().trim().toUpperCase().regex(ENROL_CODE_PATTERN, '注册码格式不对，应为 XXXX-XXXX-XXXX'),
});
export type RegionEnrolRequest = z.infer<typeof RegionEnrolRequest>;

export const RegionEndpoints = {
  status: endpoint({
    method: 'GET', path: '/api/admin/region', roles: ['admin'], staff: OWNER_ONLY, response: RegionLinkStatus,
    summary: 'The link to the region: site, sync position, refusals, sealing, region pack',
  }),
  enrol: endpoint({
    method: 'POST', path: '/api/admin/region/enrol', roles: ['admin'], staff: OWNER_ONLY, body: RegionEnrolRequest, response: RegionLinkStatus,
    summary: 'Enrol this hall at its region with the one-time code from the region console (大厅负责人 only)',
  }),
  refresh: endpoint({
    method: 'POST', path: '/api/admin/region/refresh', roles: ['admin'], staff: OWNER_ONLY, response: RegionLinkStatus,
    summary: 'Ask the region now for a newer site pack and sealing key, and push what is waiting',
  }),
} as const;
