import { z } from 'zod';
import { nameText, packPath } from './common.ts';

export const staffSchema = z.strictObject({
  /** 工号, shown on the pad. */
  id: z.string().regex(/^[0-9A-Za-z]{2,20}$/, '工号只能由数字或字母组成'),
  name: nameText,
  /** Pack file, e.g. "staff/1001.png". */
  photo: packPath,
  partyMember: z.boolean(),
  /** 星级 1..5. */
  stars: z.number().int().min(1).max(5),
  title: z.string().optional(),
});
export type Staff = z.infer<typeof staffSchema>;
export const staffFileSchema = z.array(staffSchema);
