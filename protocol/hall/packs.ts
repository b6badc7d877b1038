// HTTP shapes of the packs module, shared by the hall-server and the console page. Browser-safe.
import { z } from 'zod';

export const PackPaths = {
  /** POST raw zip body (admin). */
  upload: '/api/admin/packs/upload',
  /** GET list of kept slots + history (admin). */
  list: '/api/admin/packs',
  report: (slot: string) => `/api/admin/packs/${encodeURIComponent(slot)}/report`,
  preview: (slot: string) => `/api/admin/packs/${encodeURIComponent(slot)}/preview`,
  activate: (slot: string) => `/api/admin/packs/${encodeURIComponent(slot)}/activate`,
  /** POST: back to the pack active before this one (admin). */
  rollback: '/api/admin/packs/rollback',
  /** GET the active pack's data (any paired terminal). */
  active: '/api/packs/active',
} as const;

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
