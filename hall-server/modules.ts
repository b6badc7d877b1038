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

export function hallModules(config: HallConfig): HallModule[] {
  const hallDay = { startsAt: config.queue.dailyResetAt, utcOffsetMinutes: config.queue.utcOffsetMinutes };
  return [packsModule({ trustedKeys: config.trustedKeys }), queueModule(config.queue), createRatingsModule({ hallDay }), createIdentityModule(),
    createAuditModule({ utcOffsetMinutes: config.queue.utcOffsetMinutes }),
    createInspectionModule({ utcOffsetMinutes: config.queue.utcOffsetMinutes }),
    createDeferralsModule({ utcOffsetMinutes: config.queue.utcOffsetMinutes }),
    createImprovementModule({ utcOffsetMinutes: config.queue.utcOffsetMinutes })];
}
