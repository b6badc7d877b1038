// The identity module: 医保电子凭证 decode for the kiosk, and help requests from terminals to the admin console.
import { z } from 'zod';
import { ApiError, type HallApp, type HallModule } from '../core/module.ts';
import { loadIdentityConfig, type IdentityConfig } from './config.ts';
import { queryEcard, type FetchLike } from './ecard.ts';
import { HelpStore, helpMigrations } from './help.ts';
import { EcardDecodeRequest, EcardDecodeStarted, EcardDecodeStatus, HelpRequestBody, IdentityPaths } from './schema.ts';
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
      app.route({
        method: 'POST',
        path: IdentityPaths.ecardDecode,
        roles: ['kiosk'],
        body: EcardDecodeRequest,
        summary: '开始解码医保电子凭证二维码（转发医保平台 ec.query）',
        response: EcardDecodeStarted,
        handle({ body, principal }): { status: number; body: EcardDecodeStarted } {
          const terminal = principal!;
          const decodeId = decodes.start(terminal.id, queryEcard(config.ecQuery, body.payload, options.fetch));
          app.audit(terminal, 'identity.ecard_decode', { terminal: terminal.name });
          return { status: 202, body: { decodeId } };
        },
      });
      app.route({
        method: 'GET',
        path: '/api/identity/ecard/:decodeId',
        roles: ['kiosk'],
        summary: '读取医保电子凭证解码结果（只能读取一次）',
        response: EcardDecodeStatus,
        handle({ params, principal }): { body: EcardDecodeStatus } {
          return { body: decodes.take(principal!.id, params['decodeId'] ?? '') };
        },
      });

      app.route({
        method: 'POST',
        path: IdentityPaths.help,
        roles: ['kiosk', 'pad', 'counter'],
        body: HelpRequestBody,
        handle({ body, principal }) {
          if (!principal) throw new ApiError(401, 'unauthorized', '请先配对终端');
          const result = app.tx(() => {
            const raised = store.raise({ id: principal.id, name: principal.name }, body.screen, app.now().toISOString());
            if (raised.fresh) app.events.publish('help.requested', { request: raised.request }, { roles: ['admin'] });
            return raised;
          });
          return { status: result.fresh ? 201 : 200, body: { request: result.request } };
        },
      });

      app.route({
        method: 'GET',
        path: IdentityPaths.helpList,
        roles: ['admin'],
        handle() {
          return { body: { requests: store.list() } };
        },
      });

      app.route({
        method: 'POST',
        path: '/api/admin/help/:id/resolve',
        roles: ['admin'],
        body: z.strictObject({}),
        handle({ params, principal }) {
          const id = Number(params['id']);
          if (!Number.isInteger(id) || id < 1) throw new ApiError(400, 'bad_id', '求助编号不正确');
          const resolved = app.tx(() => {
            const before = store.get(id);
            if (!before) throw new ApiError(404, 'not_found', '没有这条求助记录');
            const after = store.resolve(id, principal?.name ?? '管理员', app.now().toISOString());
            if (!before.resolvedAt && after) app.events.publish('help.resolved', { request: after }, { roles: ['admin'] });
            return after;
          });
          return { body: { request: resolved } };
        },
      });
    },
    snapshot(principal) {
      // A kiosk offers 医保码 only where the hall has a decode service (a scan would otherwise fail).
      if (principal.role === 'kiosk') return { openHelpRequests: [], ecardDecode };
      if (principal.role !== 'admin' || !help) return { openHelpRequests: [] };
      return { openHelpRequests: help.open() };
    },
  };
}

