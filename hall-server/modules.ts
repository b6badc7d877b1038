// The feature modules of the hall-server, in registration order. Each engineer adds one import and one entry here.
import type { HallConfig } from './config/schema.ts';
import type { HallModule } from './core/module.ts';
import { queueModule } from './queue/module.ts';
import { ratingsModule } from './ratings/index.ts';
import { identityModule } from './identity/module.ts';

export function hallModules(config: HallConfig): HallModule[] {
  return [queueModule(config.queue), ratingsModule, identityModule];
}
