// Slips the kiosk prints besides the queue ticket, after the citizen says 材料不全 (DB21/T 4402 §9.5): the 容缺受理
// 承诺书 (missing materials, the 补正 deadline, the masked name, a line to sign) or, for an item without 容缺, the list
// of what to bring next time. One layout for the ESC/POS bytes and any preview. Pure and browser-safe (zod only).
import { z } from 'zod';
import { PAPER_COLUMNS, wrapColumns, type Align, type Scale, type TicketBlock } from './blocks.ts';

/** Printed on paper a bystander may see: masked (张*三 / 王*), never a full name or an ID number. */
const MaskedName = z
  .string()
  .min(1)
  .max(12)
  .refine((name) => [...name].length <= 1 || name.includes('*'), { message: '姓名未脱敏，不能打印在承诺书上' })
  .refine((name) => !/\d{6,}/.test(name), { message: '承诺书上不能出现证件号码' });

const SlipMaterial = z.strictObject({
  name: z.string().min(1).max(40),
  /** 原件 / 复印件 / 原件及复印件 and the count, e.g. "原件 1 份". */
  form: z.string().min(1).max(20),
});

const common = {
  hallName: z.string().min(1).max(40),
  service: z.string().min(1).max(40),
  /** Local time as printed, "YYYY-MM-DD HH:mm". */
  printedAt: z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/, '时间格式应为 YYYY-MM-DD HH:mm'),
  consultPhone: z.string().min(3).max(20),
};

export const SlipSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('promise'),
    ...common,
    /** Absent when the item reads no identity: the citizen writes the name by hand. */
    maskedName: MaskedName.optional(),
    /** The materials accepted now and supplied later. */
    materials: z.array(SlipMaterial).min(1).max(10),
    workingDays: z.number().int().min(1).max(60),
    /** The last day to supply them, "YYYY-MM-DD" (working days by the pack calendar). */
    dueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  }),
  z.strictObject({
    kind: z.literal('bring-next-time'),
    ...common,
    materials: z.array(SlipMaterial).min(1).max(10),
  }),
]);
export type Slip = z.infer<typeof SlipSchema>;

function text(value: string, options: { align?: Align; scale?: Scale; bold?: boolean; nameLine?: boolean; indent?: string } = {}): TicketBlock {
  const scale = options.scale ?? 1;
  return {
    kind: 'text',
    lines: wrapColumns(value, Math.floor(PAPER_COLUMNS / scale), options.indent ?? ''),
    align: options.align ?? 'left',
    scale,
    bold: options.bold ?? false,
    ...(options.nameLine ? { nameLine: true } : {}),
  };
}

/** "2026年12月10日". */
export function chineseDate(iso: string): string {
  return `${iso.slice(0, 4)}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
}

const materialLines = (materials: Slip['materials']): TicketBlock[] =>
  materials.map((m, i) => text(`${i + 1}. ${m.name}（${m.form}）`, { indent: '   ' }));

/** The 承诺书 carries what §9.5.6 lists: the facts, free will, having been told, true materials, the date, the liability. */
function promiseBlocks(slip: Extract<Slip, { kind: 'promise' }>): TicketBlock[] {
  return [
    text('容缺受理承诺书', { align: 'center', scale: 2, bold: true }),
    { kind: 'rule' },
    text(`事项：${slip.service}`),
    text(`申请人：${slip.maskedName ?? '____________'}`, { nameLine: true }),
    text('本人申请容缺受理，以下材料暂缺，承诺后补：', { bold: true }),
    ...materialLines(slip.materials),
    text(`补正期限：${chineseDate(slip.dueDate)}前（${slip.workingDays}个工作日内）`, { bold: true }),
    { kind: 'rule' },
    text('本人承诺：'),
    text('1. 申请容缺受理是本人真实意愿；', { indent: '   ' }),
    text('2. 已知晓窗口告知的全部内容；', { indent: '   ' }),
    text('3. 提供的所有申报材料真实有效；', { indent: '   ' }),
    text('4. 在上述期限内补齐补正材料；', { indent: '   ' }),
    text('5. 逾期未补齐视为放弃申请，按退件办结；承诺不实的，承担相应责任。', { indent: '   ' }),
    { kind: 'feed', lines: 1 },
    text('申请人签名：____________________'),
    { kind: 'feed', lines: 1 },
    text('日期：________年____月____日'),
    { kind: 'rule' },
    text('请将本承诺书交给窗口工作人员', { align: 'center' }),
  ];
}

function bringBlocks(slip: Extract<Slip, { kind: 'bring-next-time' }>): TicketBlock[] {
  return [
    text('下次办理请带齐以下材料', { align: 'center', scale: 2, bold: true }),
    { kind: 'rule' },
    text(`事项：${slip.service}`),
    ...materialLines(slip.materials),
    { kind: 'rule' },
    text('本事项不适用容缺受理，材料齐全后即可办理。', { align: 'center' }),
  ];
}

export function layoutSlip(slip: Slip): TicketBlock[] {
  return [
    text(slip.hallName, { align: 'center', bold: true }),
    ...(slip.kind === 'promise' ? promiseBlocks(slip) : bringBlocks(slip)),
    text(`咨询电话 ${slip.consultPhone}`, { align: 'center' }),
    text(`打印时间 ${slip.printedAt}`, { align: 'center' }),
    { kind: 'feed', lines: 3 },
  ];
}
