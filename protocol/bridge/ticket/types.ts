// The ticket a kiosk asks the bridge to print: one shape for the ESC/POS layout, the SVG preview and the protocol.
// Browser-safe (zod only).
import { z } from 'zod';

/** A pack lists at most 10 materials per item; the ticket prints every one (on a second slip when needed). */
export const MAX_TICKET_MATERIALS = 10;

/** 原件 / 复印件 / 原件及复印件 as printed. */
export const MATERIAL_FORM_TEXT = { original: '原件', copy: '复印件', original_and_copy: '原件及复印件' } as const;

/** One material of the 一次性告知 (DB21/T 4402 §9.3) as the ticket prints it. */
export const TicketMaterial = z.strictObject({
  name: z.string().min(1).max(40),
  form: z.enum(['original', 'copy', 'original_and_copy']),
  count: z.number().int().min(1).max(20),
  /** 容缺受理 (§9.5): may be supplied later. */
  deferrable: z.boolean(),
});
export type TicketMaterial = z.infer<typeof TicketMaterial>;

/** A bystander sees the ticket: the name must already be masked (张*三 / 王*), never a full name or an ID number. */
const maskedName = z
  .string()
  .min(1)
  .max(12)
  .refine((name) => [...name].length <= 1 || name.includes('*'), { message: '姓名未脱敏，不能打印在小票上' })
  .refine((name) => !/\d{6,}/.test(name), { message: '小票上不能出现证件号码' });

export const TicketSchema = z.strictObject({
  hallName: z.string().min(1).max(40),
  /** Queue number as called, e.g. "A012". */
  number: z.string().regex(/^[A-Z]?\d{1,4}$/, '票号格式应为字母加数字，例如 A012'),
  service: z.string().min(1).max(40),
  peopleAhead: z.number().int().min(0).max(9999),
  /** Windows that handle the service, e.g. ["3号窗口", "5号窗口"]. */
  windows: z.array(z.string().min(1).max(12)).max(8),
  /** Local issue time as printed, "YYYY-MM-DD HH:mm" (the page formats it in the hall's time zone). */
  issuedAt: z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/, '时间格式应为 YYYY-MM-DD HH:mm'),
  maskedName: maskedName.optional(),
  /** 一次性告知: every required material with its form, count and 容缺 mark. */
  materials: z.array(TicketMaterial).max(MAX_TICKET_MATERIALS),
  /** 办理时限 as printed, e.g. "即办" or "20个工作日". */
  timeLimit: z.string().min(1).max(20).optional(),
  /** Encoded in the ticket QR (this hall's ticket link or code); printable ASCII so paper and screen encode the same bytes. */
  qrPayload: z.string().min(1).max(200).regex(/^[\x20-\x7E]+$/, '二维码内容只能是英文字母、数字和符号'),
  supervisionPhone: z.string().min(3).max(20),
  slogan: z.string().min(1).max(20).default('中国医保 一生守护'),
  /** Marks a reprint (补打) so staff can tell it from the original. */
  reprint: z.boolean().default(false),
});

/** What callers pass in (slogan and reprint optional). */
export type TicketInput = z.input<typeof TicketSchema>;
/** A validated ticket. */
export type Ticket = z.output<typeof TicketSchema>;
