// The identity module: 医保电子凭证 decode for the kiosk, and help requests from terminals to the admin console.
import { z } from 'zod';
import { ApiError, routeOf, type HallApp, type HallModule } from '../core/module.ts';
import { loadIdentityConfig, type IdentityConfig } from './config.ts';
import { queryEcard, type FetchLike } from './ecard.ts';
import { HelpStore, helpMigrations } from './help.ts';
import { IdentityEndpoints } from '../../protocol/hall/identity.ts';
import { EcardDecodes } from './decodes.ts';

export interface IdentityModuleOptions {
  /** Overrides `<dataDir>/identity.json` (tests). */
  config?: IdentityConfig;
  fetch?: FetchLike;
}

export function createIdentityModule(options: IdentityModuleOptions = {}): HallModule {
  let help: HelpStore | null = null;
  let ecardDecode = false;
  return {
    name: 'identity',
    migrations: helpMigrations,
    register(app: HallApp) {
      const config = options.config ?? loadIdentityConfig(app.dataDir);
      ecardDecode = config.ecQuery !== null;
      const store = new HelpStore(app.db);
      help = store;

      // The platform call runs outside the hall's command transaction: POST starts it, the kiosk polls GET for the
      // outcome, which is handed out once and then forgotten (personal data stays in memory for seconds only).
      const decodes = new EcardDecodes(app.now);
      app.route(routeOf(IdentityEndpoints.ecardDecode, {
        handle({ body, principal }) {
          const terminal = principal!;
          const decodeId = decodes.start(terminal.id, queryEcard(config.ecQuery, body.payload, options.fetch, app.log.child('identity')));
          app.audit(terminal, 'identity.ecard_decode', { terminal: terminal.name });
          return { status: 202, body: { decodeId } };
        },
      }));
      app.route(routeOf(IdentityEndpoints.ecardDecodeStatus, {
        handle({ params, principal }) {
          return { body: decodes.take(principal!.id, params['decodeId'] ?? '') };
        },
      }));

      app.route(routeOf(IdentityEndpoints.help, {
        handle({ body, principal }) {
          if (!principal) throw new ApiError(401, 'unauthorized', '请先配对终端');
          const result = app.tx(() => {
            const raised = store.raise({ id: principal.id, name: principal.name }, body.screen, app.now().toISOString());
            // The counter panels too: the nearest staff member may be at a window, not at the console.
            if (raised.fresh) app.events.publish('help.requested', { request: raised.request }, { roles: ['admin', 'counter'] });
            return raised;
          });
          return { status: result.fresh ? 201 : 200, body: { request: result.request } };
        },
      }));

      app.route(routeOf(IdentityEndpoints.helpList, {
        handle() {
          return { body: { requests: store.list() } };
        },
      }));

      app.route(routeOf(IdentityEndpoints.helpResolve, {
        handle({ params, principal }) {
          const id = Number(params['id']);
          if (!Number.isInteger(id) || id < 1) throw new ApiError(400, 'bad_id', '求助编号不正确');
          const resolved = app.tx(() => {
            const before = store.get(id);
            if (!before) throw new ApiError(404, 'not_found', '没有这条求助记录');
            const after = store.resolve(id, principal?.name ?? '管理员', app.now().toISOString());
            if (!before.resolvedAt && after) app.events.publish('help.resolved', { request: after }, { roles: ['admin', 'counter'] });
            return after;
          });
          return { body: { request: resolved } };
        },
      }));
    },
    snapshot(principal) {
      // A kiosk offers 医保码 only where the hall has a decode service (a scan would otherwise fail).
      if (principal.role === 'kiosk') return { openHelpRequests: [], ecardDecode };
      if ((principal.role !== 'admin' && principal.role !== 'counter') || !help) return { openHelpRequests: [] };
      return { openHelpRequests: help.open() };
    },
  };
}

