import { z } from 'zod';
import { itemCode, nameText } from './common.ts';

export const hallWindowSchema = z.strictObject({
  number: z.number().int().min(1).max(99),
  name: nameText,
  /** Codes of the items this window handles. */
  services: z.array(itemCode).min(1),
  /** 潮汐窗口: normally closed, opened when the queue grows (§7.1.6). */
  tidal: z.boolean(),
  /** 综合柜员: one window for every item (综合柜员制, seed 003). */
  generalCounter: z.boolean(),
});
export type HallWindow = z.infer<typeof hallWindowSchema>;
export const windowsFileSchema = z.array(hallWindowSchema).min(1);
