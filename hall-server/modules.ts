// The feature modules of the hall-server, in registration order. Each engineer adds one import and one entry here.
import type { HallConfig } from './config/schema.ts';
import type { HallModule } from './core/module.ts';
import { packsModule } from './packs/module.ts';
import { queueModule } from './queue/module.ts';
import { createRatingsModule } from './ratings/module.ts';
import { createIdentityModule } from './identity/module.ts';
import { createAuditModule } from './audit/module.ts';
import { createInspectionModule } from './inspection/module.ts';
import { createDeferralsModule } from './deferrals/module.ts';
import { createImprovementModule } from './improvement/module.ts';
import { createEscalationModule } from './escalation/module.ts';
import { regionLinkModule } from './region-link/module.ts';
import { createCitizenModule } from './citizen/module.ts';
import { createAppointmentsModule } from './appointments/module.ts';
import { createNeighboursModule } from './citizen/neighbours-module.ts';
import { createSitePageModule } from './citizen/site-page-module.ts';

export interface RegionFlags {
  /** `--region-url`, over the config's `region.url`. */
  url?: string | undefined;
  /** `--region-enrol-code`: enrols at start when the hall is not enrolled yet. */
  enrolCode?: string | undefined;
}

export function hallModules(config: HallConfig, region: RegionFlags = {}): HallModule[] {
  const hallDay = { startsAt: config.queue.dailyResetAt, utcOffsetMinutes: config.queue.utcOffsetMinutes };
  const packs = packsModule({ trustedKeys: config.trustedKeys, siteKeys: () => link.packSiteKeys() });
  const citizenBase = (): string | null => {
    const enrolled = (link.health?.().region?.state ?? 'not_enrolled') !== 'not_enrolled';
    return (enrolled ? config.citizen.publicUrl : undefined) ?? config.citizen.hallUrl ?? null;
  };
  const ratings = createRatingsModule({ hallDay, seal: (fields) => link.seal(fields) });
  const citizen = createCitizenModule({ hallDay, queue: () => queue.engine(), baseUrl: citizenBase, ratings: () => ratings.service() });
  const queue = queueModule(config.queue, { linkTicket: (ticket) => citizen.linkTicket(ticket) });
  const appointments = createAppointmentsModule({
    queue: () => queue.engine(), utcOffsetMinutes: config.queue.utcOffsetMinutes, retentionDays: config.queue.personalDataRetentionDays,
  });
  const link = regionLinkModule({
    url: region.url ?? config.region?.url ?? null, enrolCode: region.enrolCode ?? null, packs: () => packs.store(),
    appointments: (feed) => appointments.applyFeed(feed),
    afterRefresh: () => neighbours.pull(),
    phoneRatings: (feed) => citizen.applyPhoneRatings(feed), phoneRatingsEveryMs: config.citizen.phoneRatingPullSeconds * 1000,
  });
  const neighbours = createNeighboursModule({ fetch: (ids) => link.neighbours(ids) });
  const sitePage = createSitePageModule({ queue: () => queue.engine(), enrolledAs: () => link.siteId() });
  // The link registers first: the packs module restores a region pack at start with the key the link learnt. The link
  // pulls appointments only after a network round trip, by when every module has registered.
  return [link, packs, queue, ratings, createIdentityModule(),
    createAuditModule({ utcOffsetMinutes: config.queue.utcOffsetMinutes }),
    createInspectionModule({ utcOffsetMinutes: config.queue.utcOffsetMinutes }),
    createDeferralsModule({ utcOffsetMinutes: config.queue.utcOffsetMinutes }),
    createImprovementModule({ utcOffsetMinutes: config.queue.utcOffsetMinutes }),
    createEscalationModule({ utcOffsetMinutes: config.queue.utcOffsetMinutes }),
    citizen, appointments, sitePage, neighbours];
}
