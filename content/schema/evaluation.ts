import { z } from 'zod';
import { nonEmpty } from './common.ts';

export const evaluationSchema = z.strictObject({
  /** Reasons the citizen can pick for a 差评 (不满意 / 非常不满意). */
  badReasons: z.array(nonEmpty).min(1).max(12),
  /** Working days to close a 差评 (回访、核实、整改、反馈). */
  followUpWorkingDays: z.number().int().min(1).max(60).default(15),
  /** Seconds after "finish" without a press before the pad records 未评价. */
  noRatingTimeoutSeconds: z.number().int().min(10).max(600).default(120),
  /** Days personal fields of ratings are kept. */
  retentionDays: z.number().int().min(1).max(3650).default(180),
});
export type Evaluation = z.infer<typeof evaluationSchema>;
