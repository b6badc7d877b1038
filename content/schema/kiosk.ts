// kiosk.json (optional): how the kiosk's 长辈模式 home finds an item — one question of at most 4 answers, each answer
// leading to its items — and the icon of each item group (主项). Browser-safe.
import { z } from 'zod';
import { itemCode, nameText, nonEmpty } from './common.ts';

/** Icons a pack may give an answer or an item group; the kiosk draws each as a line icon beside its words. */
export const kioskIcons = [
  'resident', 'employee', 'employer', 'more', 'register', 'change', 'query', 'travel', 'refund', 'treatment', 'maternity',
  'assistance', 'transfer', 'fee',
] as const;
export type KioskIcon = (typeof kioskIcons)[number];

/** At most 4 answers: 长辈模式 offers at most 4 choices a screen. */
export const MAX_SENIOR_ANSWERS = 4;

export const seniorAnswerSchema = z.strictObject({
  /** Stable id, e.g. "resident". */
  id: z.string().regex(/^[a-z][a-z0-9-]{0,30}$/, '编号只能由小写字母、数字和-组成，以字母开头'),
  /** The answer on its button, e.g. "个人-居民" (≤ 8 characters: it is read at 36 px and more). */
  label: nameText.max(8),
  /** One line under the label, e.g. "城乡居民医保、医疗救助". */
  hint: nonEmpty.max(20).optional(),
  icon: z.enum(kioskIcons),
  /** The items this answer leads to (codes of services.json); an item may sit under more than one answer. */
  items: z.array(itemCode).min(1),
});
export type SeniorAnswer = z.infer<typeof seniorAnswerSchema>;

export const kioskFileSchema = z.strictObject({
  seniorHome: z.strictObject({
    /** The one question home starts with in 长辈模式, e.g. "请问您是为谁办理？". */
    question: nonEmpty.max(30),
    answers: z.array(seniorAnswerSchema).min(2).max(MAX_SENIOR_ANSWERS),
  }),
  /** The icon of each item group, by 主项 code; groups without one show the ticket icon. */
  groupIcons: z.record(itemCode, z.enum(kioskIcons)).default({}),
});
export type KioskFile = z.infer<typeof kioskFileSchema>;
