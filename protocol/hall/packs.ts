// HTTP shapes and endpoints of the packs module, shared by the hall-server, the console page and scripts/pack. Browser-safe.
import { z } from 'zod';
import type { PackData } from '../../content/schema/index.ts';
import { endpoint } from './endpoint.ts';
import { OWNER_ONLY } from './access.ts';
import { ACTIVE_PACK_PATH, isPackData, PACK_FILE_PATH } from './pack-data.ts';

/** Largest upload the hall accepts (bytes of the zip). */
export const MAX_UPLOAD_BYTES = 256 * 1024 * 1024;

export const PackIssueSchema = z.strictObject({ rule: z.string(), file: z.string(), place: z.string(), problem: z.string() });
export const ValidationReportSchema = z.strictObject({
  ok: z.boolean(),
  errors: z.array(PackIssueSchema),
  warnings: z.array(PackIssueSchema),
  summary: z
    .strictObject({
      packId: z.string(),
      version: z.number(),
      title: z.string(),
      hallName: z.string(),
      sample: z.boolean(),
      services: z.number(),
      windows: z.number(),
      staff: z.number(),
      files: z.number(),
      bytes: z.number(),
      signedBy: z.string().nullable(),
    })
    .nullable(),
});

export const SlotState = z.enum(['verified', 'active', 'retired']);
export type SlotState = z.infer<typeof SlotState>;

/** One kept pack (a slot in the store). */
export const SlotView = z.strictObject({
  slot: z.string(),
  packId: z.string(),
  version: z.number().int(),
  title: z.string(),
  sample: z.boolean(),
  state: SlotState,
  uploadedAt: z.string(),
  uploadedBy: z.string(),
  lastActivatedAt: z.string().nullable(),
  bytes: z.number().int(),
  warnings: z.number().int(),
});
export type SlotView = z.infer<typeof SlotView>;

export const HistoryAction = z.enum(['uploaded', 'refused', 'activated', 'rolled_back']);
export const HistoryEntry = z.strictObject({
  at: z.string(),
  action: HistoryAction,
  actor: z.string(),
  packId: z.string().nullable(),
  version: z.number().int().nullable(),
  slot: z.string().nullable(),
  /** One line for people, e.g. the first reason a pack was refused. */
  note: z.string(),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

export const PackListResponse = z.strictObject({
  active: SlotView.nullable(),
  slots: z.array(SlotView),
  history: z.array(HistoryEntry),
  /** The slot a rollback would return to; null if none. */
  rollbackTarget: SlotView.nullable(),
});
export type PackListResponse = z.infer<typeof PackListResponse>;

export const UploadResponse = z.strictObject({
  accepted: z.boolean(),
  slot: SlotView.nullable(),
  report: ValidationReportSchema,
});
export type UploadResponse = z.infer<typeof UploadResponse>;

export const ActivateResponse = z.strictObject({ active: SlotView });
export type ActivateResponse = z.infer<typeof ActivateResponse>;

/** Pack data as the hall-server sends it (see isPackData). */
export const PackDataResponse = z.custom<PackData>(isPackData);

const TERMINAL_ROLES = ['admin', 'kiosk', 'pad', 'counter', 'board'] as const;

export const PackEndpoints = {
  upload: endpoint({
    method: 'POST', path: '/api/admin/packs/upload', roles: ['admin'], staff: OWNER_ONLY, rawBody: true, response: UploadResponse,
    summary: '上传内容包 zip：校验通过为 201，未通过为 422（均返回校验报告）',
  }),
  list: endpoint({ method: 'GET', path: '/api/admin/packs', roles: ['admin'], staff: OWNER_ONLY, response: PackListResponse, summary: '保存的内容包与操作记录' }),
  report: endpoint({ method: 'GET', path: '/api/admin/packs/:slot/report', roles: ['admin'], staff: OWNER_ONLY, response: ValidationReportSchema }),
  preview: endpoint({ method: 'GET', path: '/api/admin/packs/:slot/preview', roles: ['admin'], staff: OWNER_ONLY, response: PackDataResponse }),
  activate: endpoint({ method: 'POST', path: '/api/admin/packs/:slot/activate', roles: ['admin'], staff: OWNER_ONLY, response: ActivateResponse }),
  /** Back to the pack active before this one. */
  rollback: endpoint({ method: 'POST', path: '/api/admin/packs/rollback', roles: ['admin'], staff: OWNER_ONLY, response: ActivateResponse }),
  /** The active pack's data, for every paired terminal. */
  active: endpoint({ method: 'GET', path: ACTIVE_PACK_PATH, roles: TERMINAL_ROLES, response: PackDataResponse }),
  /** A file of a pack (voice clip, staff photo, media), cached forever by its version. */
  file: endpoint({ method: 'GET', path: PACK_FILE_PATH, roles: 'public' }),
};

