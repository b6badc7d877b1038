// Pairing, tokens, admin login and terminal heartbeats.
import { z } from 'zod';
import { OkBody, PackVersion, PrincipalSchema, RoleSchema, Timestamp, WindowNumber } from './common.ts';
import { endpoint } from './endpoint.ts';
import { EVERY_STAFF, RUNS_THE_HALL } from './access.ts';
import { plainText } from './text.ts';

export const TerminalRole = z.enum(['kiosk', 'pad', 'counter', 'board']);
export type TerminalRole = z.infer<typeof TerminalRole>;

/** Admin creates a code; pads and counters must name their window. */
export const CreatePairingCodeRequest = z
  .strictObject({
    role: TerminalRole,
    window: WindowNumber.optional(),
    name: z.string().min(1).max(40),
  })
  .refine((v) => (v.role === 'pad' || v.role === 'counter') === (v.window !== undefined), {
    message: '评价器和窗口面板必须指定窗口号，其他终端不指定窗口号',
    path: ['window'],
  });
export type CreatePairingCodeRequest = z.infer<typeof CreatePairingCodeRequest>;

export const PairingCodeResponse = z.strictObject({ code: z.string(), expiresAt: Timestamp });
export type PairingCodeResponse = z.infer<typeof PairingCodeResponse>;

export const PairRequest = z.strictObject({ code: z.string().regex(/^\d{8}$/, '配对码为 8 位数字') });
export type PairRequest = z.infer<typeof PairRequest>;

/** Demo halls pair their simulated terminals automatically; a real hall answers 403. */
export const DemoPairRequest = z
  .strictObject({ role: TerminalRole, window: WindowNumber.optional() })
  .refine((v) => (v.role === 'pad' || v.role === 'counter') === (v.window !== undefined), {
    message: '评价器和窗口面板必须指定窗口号',
    path: ['window'],
  });
export type DemoPairRequest = z.infer<typeof DemoPairRequest>;

export const TokenResponse = z.strictObject({
  token: z.string(),
  principal: PrincipalSchema,
  /** True when paired automatically because the hall runs in demo mode: the page says so. */
  demo: z.boolean(),
});
export type TokenResponse = z.infer<typeof TokenResponse>;

export const PairingInfoResponse = z.strictObject({ demo: z.boolean(), hallName: z.string() });
export type PairingInfoResponse = z.infer<typeof PairingInfoResponse>;


export const DeviceHealth = z.strictObject({
  device: plainText('设备名称', 40),
  state: z.enum(['ok', 'degraded', 'offline']),
  reason: plainText('设备状态说明', 200, { allowBlank: true }).optional(),
  /** The bridge's stable code, e.g. "paper_out": what the hall raises alerts on. */
  code: z.string().regex(/^[a-z_]{1,40}$/, '设备状态代码格式不正确').optional(),
});
export type DeviceHealth = z.infer<typeof DeviceHealth>;

/** A device problem the staff must act on, pushed to the console and the counter panels (`device.alert`). */
export const DeviceAlertEvent = z.strictObject({
  terminalId: z.string(),
  terminalName: z.string(),
  device: z.string(),
  code: z.literal('paper_out'),
  /** True when it starts, false when it is over (paper loaded). */
  active: z.boolean(),
  reason: z.string(),
});
export type DeviceAlertEvent = z.infer<typeof DeviceAlertEvent>;

/** Sent by a terminal over HTTP (`POST /api/terminals/heartbeat`) or its socket (type `heartbeat`). */
export const TerminalHeartbeat = z.strictObject({
  packVersion: PackVersion.nullable(),
  appVersion: z.string().regex(/^[A-Za-z0-9.+_-]{1,40}$/, '版本号格式不正确').optional(),
  devices: z.array(DeviceHealth).max(20),
});
export type TerminalHeartbeat = z.infer<typeof TerminalHeartbeat>;

export const TerminalView = z.strictObject({
  id: z.string(),
  role: RoleSchema,
  window: WindowNumber.nullable(),
  name: z.string(),
  pairedAt: Timestamp,
  lastSeen: Timestamp.nullable(),
  online: z.boolean(),
  packVersion: z.number().int().nullable(),
  devices: z.array(DeviceHealth),
  revoked: z.boolean(),
});
export type TerminalView = z.infer<typeof TerminalView>;

export const TerminalListResponse = z.strictObject({ terminals: z.array(TerminalView) });

export const WhoamiResponse = z.strictObject({ principal: PrincipalSchema });
export type WhoamiResponse = z.infer<typeof WhoamiResponse>;

const PAIRED_TERMINAL_ROLES = ['kiosk', 'pad', 'counter', 'board'] as const;

export const TerminalEndpoints = {
  pairingInfo: endpoint({
    method: 'GET', path: '/api/pairing', roles: 'public', response: PairingInfoResponse,
    summary: 'Whether the hall pairs terminals automatically (demo), and its name',
  }),
  pair: endpoint({
    method: 'POST', path: '/api/pairing/exchange', roles: 'public', body: PairRequest, response: TokenResponse,
    summary: 'Exchange an 8-digit pairing code for a terminal token',
  }),
  demoPair: endpoint({
    method: 'POST', path: '/api/pairing/demo', roles: 'public', body: DemoPairRequest, response: TokenResponse,
    summary: 'Demo halls only: pair a simulated terminal without a code',
  }),
  createPairingCode: endpoint({
    method: 'POST', path: '/api/admin/pairing-codes', roles: ['admin'], staff: RUNS_THE_HALL, body: CreatePairingCodeRequest, response: PairingCodeResponse,
    summary: 'Create a one-time pairing code for a terminal of a role (and window)',
  }),
  whoami: endpoint({
    method: 'GET', path: '/api/whoami', roles: ['admin', ...PAIRED_TERMINAL_ROLES], staff: EVERY_STAFF, response: WhoamiResponse,
    summary: 'The caller as its token says',
  }),
  list: endpoint({
    method: 'GET', path: '/api/admin/terminals', roles: ['admin'], staff: RUNS_THE_HALL, response: TerminalListResponse,
    summary: 'Paired terminals with their presence and device health',
  }),
  revoke: endpoint({
    method: 'POST', path: '/api/admin/terminals/:id/revoke', roles: ['admin'], staff: RUNS_THE_HALL, response: OkBody,
    summary: 'Revoke a terminal token (its sockets close at once)',
  }),
  heartbeat: endpoint({
    method: 'POST', path: '/api/terminals/heartbeat', roles: PAIRED_TERMINAL_ROLES, body: TerminalHeartbeat, response: OkBody,
    summary: 'A terminal reports its pack version and device health',
  }),
};
