import { z } from 'zod';
import { itemCode, nameText, nonEmpty, phone, timeRange } from './common.ts';

export const materialForms = ['original', 'copy', 'original_and_copy'] as const;
export const materialFormLabels: Record<(typeof materialForms)[number], string> = {
  original: '原件',
  copy: '复印件',
  original_and_copy: '原件及复印件',
};

/** One 申办材料 entry. */
export const materialSchema = z.strictObject({
  name: nonEmpty,
  form: z.enum(materialForms),
  count: z.number().int().min(1).max(20),
  notes: z.string().optional(),
  /** 容缺受理: may be supplied later under a signed promise (DB21/T 4402 §9.5). */
  deferrable: z.boolean(),
});
export type Material = z.infer<typeof materialSchema>;

export const channelKinds = ['window', 'web', 'mobile', 'phone', 'self_service'] as const;
export const channelLabels: Record<(typeof channelKinds)[number], string> = {
  window: '窗口办理',
  web: '网上办理',
  mobile: '掌上办理',
  phone: '电话办理',
  self_service: '自助办理',
};
export const channelSchema = z.strictObject({
  kind: z.enum(channelKinds),
  /** What to do on this channel, e.g. "登录辽宁政务服务网，搜索事项名称". */
  description: nonEmpty,
  /** Online address (web/mobile); the kiosk renders it as a QR code. */
  url: z.url({ protocol: /^https?$/ }).optional(),
  phone: phone.optional(),
});
export type Channel = z.infer<typeof channelSchema>;

/** 办理时限: on the spot, or N working days (start day not counted, §9.6). */
export const timeLimitSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('immediate') }),
  z.strictObject({ kind: z.literal('working_days'), days: z.number().int().min(1).max(90) }),
]);
export type TimeLimit = z.infer<typeof timeLimitSchema>;

/** 办事指南: every field domain.md lists. */
export const guideSchema = z.strictObject({
  serviceObject: nonEmpty,
  conditions: z.array(nonEmpty).default([]),
  process: z.array(nonEmpty).min(1),
  /** 办理渠道 with online links (是否可网办/掌办). */
  channels: z.array(channelSchema).min(1),
  materials: z.array(materialSchema).max(10),
  /** 承诺时限: what the hall promises, as shown to citizens. */
  timeLimit: timeLimitSchema,
  /** 法定时限 of the national list, when known: a hall is expected to promise less (示范点指标 6 缩短办理时限). */
  legalTimeLimit: timeLimitSchema.optional(),
  legalBasis: z.array(nonEmpty).min(1),
  agency: z.strictObject({ name: nonEmpty, location: nonEmpty }),
  hours: nonEmpty,
  consultPhone: phone,
  supervisePhone: phone,
  evaluationChannels: z.array(nonEmpty).min(1),
  fee: nonEmpty.default('不收费'),
  /** 容缺受理: allowed for this item at all; which materials is marked per material. */
  deferredAcceptance: z.strictObject({
    allowed: z.boolean(),
    note: z.string().optional(),
    /** 补正 deadline the citizen promises, in working days after the day of acceptance (§9.5.7: within the item's
     * limit); absent: DEFAULT_SUPPLY_WORKING_DAYS. */
    supplyWithinWorkingDays: z.number().int().min(1).max(60).optional(),
  }),
});
export type Guide = z.infer<typeof guideSchema>;

export const DEFAULT_SUPPLY_WORKING_DAYS = 5;
/** Working days a citizen has to supply the materials accepted under 容缺 for this item. */
export function supplyWorkingDays(guide: Pick<Guide, 'deferredAcceptance'>): number {
  return guide.deferredAcceptance.supplyWithinWorkingDays ?? DEFAULT_SUPPLY_WORKING_DAYS;
}

export const identityRequirements = ['required', 'optional', 'none'] as const;
export type IdentityRequirement = (typeof identityRequirements)[number];

export const ticketRuleSchema = z.strictObject({
  /** One or two capital letters before the number, e.g. "A" → A023. */
  prefix: z.string().regex(/^[A-Z]{1,2}$/, '取号字头应为1到2个大写字母'),
  range: z.strictObject({ from: z.number().int().min(0), to: z.number().int().min(1).max(9999) }),
  dailyCap: z.number().int().min(1),
  /** When the kiosk issues tickets for this item, e.g. [{from:"08:30",to:"11:30"},{from:"13:00",to:"16:30"}]. */
  issuingHours: z.array(timeRange).min(1),
  /** Priority handling (seed 003 #35): tickets of people aged ≥ this (read from the ID) are served first; null = none. */
  elderlyPriorityAge: z.number().int().min(50).max(100).nullable(),
  /** 绿色通道: staff may serve a ticket out of turn (recorded). */
  greenChannel: z.boolean(),
});
export type TicketRule = z.infer<typeof ticketRuleSchema>;

export const serviceSchema = z.strictObject({
  code: itemCode,
  name: nameText,
  /** 主项 of the national list, e.g. "参保登记". */
  mainItem: z.strictObject({ code: itemCode, name: nameText }),
  /** Short label for the kiosk button (≤ 10 characters); defaults to name. */
  shortName: nameText.max(10).optional(),
  guide: guideSchema,
  identity: z.enum(identityRequirements),
  ticket: ticketRuleSchema,
});
export type Service = z.infer<typeof serviceSchema>;

export const servicesFileSchema = z.array(serviceSchema).min(1);

/** Zero-padded number after the prefix, width from the range's upper bound: A + 23 in 1..999 → "A023". */
export function formatTicketNumber(rule: Pick<TicketRule, 'prefix' | 'range'>, n: number): string {
  return rule.prefix + String(n).padStart(String(rule.range.to).length, '0');
}
