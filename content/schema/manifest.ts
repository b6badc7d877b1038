import { z } from 'zod';
import { creditCodeProblem, REGION_CODE_PATTERN } from './codes.ts';
import { nameText, nonEmpty, packPath, phone } from './common.ts';
import { siteLevelSchema } from '../../protocol/region/sync.ts';

export const PACK_SCHEMA_VERSION = 1;

export const hallLevels = ['省', '市', '县区', '乡镇街道', '村社区'] as const;
export const hallLevel = z.enum(hallLevels);
export type HallLevel = z.infer<typeof hallLevel>;

/** The hall itself: what §10 of DB21/T 4402 asks to disclose. */
export const hallInfoSchema = z.strictObject({
  name: nameText,
  level: hallLevel,
  /** Administrative area, e.g. "辽宁省某某市某某县". */
  region: nonEmpty,
  address: nonEmpty,
  /** Opening hours as shown to citizens, one line each, e.g. "周一至周五 8:30—11:30，13:00—17:00". */
  hours: z.array(nonEmpty).min(1),
  consultPhone: phone,
  complaintPhone: phone,
  duties: z.array(nonEmpty).min(1),
  commitments: z.array(nonEmpty).min(1),
  slogan: nonEmpty.default('中国医保 一生守护'),
  /** Waiting people above which a tidal window should open (DB21/T 4402 §7.1.6). */
  tidalThreshold: z.number().int().min(1).max(100).default(5),
  /** 行政区划代码 of the hall (6 digits, GB/T 2260): the first part of every 办件编号. Optional for older packs;
   * the validator warns when it is missing. */
  regionCode: z.string().regex(REGION_CODE_PATTERN, '应为 6 位数字，例如 211223').optional(),
  /** 统一社会信用代码 of the issuing body (GB 32100, check character verified): 事项实施编码 = creditCode + item code. */
  creditCode: z
    .string()
    .superRefine((code, ctx) => {
      const problem = creditCodeProblem(code);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .optional(),
  /** How many times the call board reads each call (the chime plays before every reading). */
  callRepeat: z.number().int().min(1).max(3).default(2),
  /** The nearest sites of the region's network, nearest first: the kiosk home shows the first two's waiting counts
   * (fetched from the region) and the public site page links to their pages. Optional. */
  neighbours: z
    .array(z.strictObject({ siteId: z.string().regex(/^[a-z0-9][a-z0-9-]{1,39}$/, '站点编号只能由小写字母、数字和-组成'), name: nameText }))
    .max(4, '最多列 4 个邻近站点')
    .refine((list) => new Set(list.map((n) => n.siteId)).size === list.length, '邻近站点不能重复')
    .optional(),
});
export type HallInfo = z.infer<typeof hallInfoSchema>;

export const manifestFileSchema = z.strictObject({
  path: packPath,
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'sha256 应为 64 位小写十六进制'),
  size: z.number().int().min(0),
});
export type ManifestFile = z.infer<typeof manifestFileSchema>;

const semver = z.string().regex(/^\d+\.\d+\.\d+$/, '版本号应写成 1.2.3 这样的格式');

export const manifestSchema = z.strictObject({
  schemaVersion: z.literal(PACK_SCHEMA_VERSION),
  /** Stable id of the hall's content line, e.g. "ln-sample-county". */
  packId: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, '内容包标识只能由小写字母、数字和-组成'),
  /** Only goes up; the hall refuses a lower version than the active one. */
  version: z.number().int().min(1),
  created: z.iso.datetime({ offset: true }),
  /** Product versions this pack works with (inclusive). */
  product: z.strictObject({ min: semver, max: semver }),
  /** True for demonstration data (the sample hall); screens may show "示例数据". */
  sample: z.boolean(),
  title: nonEmpty,
  hall: hallInfoSchema,
  /** A pack the region built for one site of its network: that site and its level. A hall enrolled at a region takes
   * a region pack only when both are its own. */
  site: z.strictObject({ id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,39}$/), level: siteLevelSchema }).optional(),
  files: z.array(manifestFileSchema),
});
export type Manifest = z.infer<typeof manifestSchema>;
