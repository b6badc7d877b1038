// Every message between a page and its device-bridge, declared once and imported by both sides.
// Browser-safe: zod only. The page validates what it receives; the bridge validates what it accepts.
import { z } from 'zod';
import { TicketSchema } from './ticket/types.ts';
import { SlipSchema } from './ticket/slip.ts';
import { IdNumberSchema } from '../person/id-number.ts';

export { TicketSchema };
export type { Ticket, TicketInput } from './ticket/types.ts';

/** Default bridge address on a terminal (127.0.0.1 only). */
export const DEFAULT_BRIDGE_PORT = 4601;
export const DEFAULT_BRIDGE_URL = `ws://127.0.0.1:${DEFAULT_BRIDGE_PORT}/`;

// ---------------------------------------------------------------------------------------------------------------------
// Devices and health

/** One device of each kind per terminal; the id is the kind. */
export const DeviceIdSchema = z.enum(['printer', 'idcard', 'sscard', 'scanner', 'rating-keypad', 'caller-keypad']);
export type DeviceId = z.infer<typeof DeviceIdSchema>;

export const DEVICE_LABELS: Record<DeviceId, string> = {
  printer: '小票打印机',
  idcard: '身份证阅读器',
  sscard: '社保卡读卡器',
  scanner: '扫码器',
  'rating-keypad': '评价按键',
  'caller-keypad': '呼叫器',
};

export const HealthStateSchema = z.enum(['ok', 'degraded', 'offline']);
export type HealthState = z.infer<typeof HealthStateSchema>;

export const DeviceHealthSchema = z.strictObject({
  state: HealthStateSchema,
  /** Stable machine code, e.g. "paper_near_end", "no_reply", "unplugged". */
  code: z.string(),
  /** What a hall manager reads, in Chinese, e.g. "打印纸即将用完，请及时更换". */
  reason: z.string(),
  /** ISO time of the last change. */
  since: z.string(),
});
export type DeviceHealth = z.infer<typeof DeviceHealthSchema>;

export const DeviceInfoSchema = z.strictObject({
  id: DeviceIdSchema,
  label: z.string(),
  transport: z.enum(['serial', 'hid', 'pcsc', 'simulated', 'none']),
  /** True when the device is one of the bridge's simulators. */
  simulated: z.boolean(),
  health: DeviceHealthSchema,
});
export type DeviceInfo = z.infer<typeof DeviceInfoSchema>;

// ---------------------------------------------------------------------------------------------------------------------
// Identity, scans, keys

/** 'resident' 居民身份证 / 社保卡, 'J' 港澳台居民居住证. */
export const DocTypeSchema = z.enum(['resident', 'J']);
export type DocType = z.infer<typeof DocTypeSchema>;

/** Only the fields the kiosk flow needs: no address, nation, authority, validity or photo leave the bridge. */
export const IdentitySchema = z.strictObject({
  source: z.enum(['idcard', 'sscard']),
  name: z.string().min(1),
  /** 18 characters, GB 11643 check digit verified by the bridge. Never log it; mask on screen. */
  idNumber: IdNumberSchema,
  /** YYYY-MM-DD */
  birthDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  gender: z.enum(['男', '女']),
  docType: DocTypeSchema,
});
export type Identity = z.infer<typeof IdentitySchema>;

export const ScanKindSchema = z.enum(['ecard', 'ticket', 'other']);
export type ScanKind = z.infer<typeof ScanKindSchema>;

export const RatingLevelSchema = z.enum(['very_satisfied', 'satisfied', 'basic', 'dissatisfied', 'very_dissatisfied']);
export type RatingLevel = z.infer<typeof RatingLevelSchema>;
export const CallerActionSchema = z.enum(['call_next', 'recall', 'no_show', 'pause', 'finish']);
export type CallerAction = z.infer<typeof CallerActionSchema>;

export const RATING_LEVEL_LABELS: Record<RatingLevel, string> = {
  very_satisfied: '非常满意',
  satisfied: '满意',
  basic: '基本满意',
  dissatisfied: '不满意',
  very_dissatisfied: '非常不满意',
};
export const CALLER_ACTION_LABELS: Record<CallerAction, string> = {
  call_next: '呼叫下一位',
  recall: '重呼',
  no_show: '过号',
  pause: '暂停服务',
  finish: '办结',
};

export const KeyPressSchema = z.discriminatedUnion('device', [
  z.strictObject({ device: z.literal('rating'), action: RatingLevelSchema }),
  z.strictObject({ device: z.literal('caller'), action: CallerActionSchema }),
]);
export type KeyPress = z.infer<typeof KeyPressSchema>;

// ---------------------------------------------------------------------------------------------------------------------
// Printing

export const PrintFailureCodeSchema = z.enum([
  'paper_out',
  'cover_open',
  'printer_offline',
  'cutter_error',
  'printer_error',
  'no_reply',
  'no_printer',
  'nothing_to_reprint',
  'busy',
]);
export type PrintFailureCode = z.infer<typeof PrintFailureCodeSchema>;

export const PrintWarningSchema = z.strictObject({ code: z.literal('paper_near_end'), message: z.string() });

export const PrintResultSchema = z.discriminatedUnion('ok', [
  z.strictObject({ ok: z.literal(true), code: z.literal('printed'), message: z.string(), warning: PrintWarningSchema.optional() }),
  /** The ticket was not (or not surely) printed: the kiosk gives it another way (screen + QR). */
  z.strictObject({ ok: z.literal(false), code: PrintFailureCodeSchema, message: z.string() }),
]);
export type PrintResult = z.infer<typeof PrintResultSchema>;

// ---------------------------------------------------------------------------------------------------------------------
// Simulator commands (accepted only when the bridge runs with --simulate)

export const SimIdentitySchema = z.strictObject({
  name: z.string().min(1).max(15),
  idNumber: IdNumberSchema,
  gender: z.enum(['男', '女']),
  /** Nation code 01..56, 97, 98. */
  nation: z.string().regex(/^\d{2}$/).default('01'),
  /** YYYYMMDD */
  birthDate: z.string().regex(/^\d{8}$/),
  address: z.string().max(35).default('辽宁省沈阳市和平区南京北街1号'),
  authority: z.string().max(15).default('沈阳市公安局和平分局'),
  validFrom: z.string().regex(/^\d{8}$/).default('20200101'),
  /** YYYYMMDD or 长期 */
  validTo: z.string().regex(/^(\d{8}|长期)$/).default('20400101'),
  docType: z.enum(['resident', 'J', 'I']).default('resident'),
});
export type SimIdentityInput = z.input<typeof SimIdentitySchema>;
export type SimIdentity = z.output<typeof SimIdentitySchema>;

/** Named demo identities so a panel button can insert a card without typing one. */
export const SimPresetSchema = z.enum(['resident', 'senior', 'longTerm', 'hkMacaoTaiwan', 'foreigner']);
export type SimPreset = z.infer<typeof SimPresetSchema>;

export const SimFaultDeviceSchema = z.enum(['printer', 'idcard', 'sscard', 'scanner']);
export const SimKeypadSchema = z.enum(['rating-keypad', 'caller-keypad']);

export const SimCommandSchema = z.discriminatedUnion('action', [
  z.strictObject({
    action: z.literal('card.insert'),
    reader: z.enum(['idcard', 'sscard']),
    preset: SimPresetSchema.optional(),
    identity: SimIdentitySchema.optional(),
    /** Social-security card that refuses a free read (needs PSAM/PIN). */
    locked: z.boolean().optional(),
  }),
  z.strictObject({ action: z.literal('card.remove'), reader: z.enum(['idcard', 'sscard']) }),
  z.strictObject({ action: z.literal('printer.paper'), paper: z.enum(['ok', 'near_end', 'out']) }),
  z.strictObject({ action: z.literal('printer.cover'), open: z.boolean() }),
  z.strictObject({ action: z.literal('device.garbage'), device: SimFaultDeviceSchema, hex: z.string().regex(/^([0-9a-fA-F]{2})*$/).max(2048).optional() }),
  z.strictObject({ action: z.literal('device.silence'), device: SimFaultDeviceSchema, silent: z.boolean() }),
  /** Slow chunked replies: each reply split in chunks of `chunkBytes` with `delayMs` between them; 0 turns it off. */
  z.strictObject({ action: z.literal('device.slow'), device: SimFaultDeviceSchema, chunkBytes: z.number().int().min(0).max(4096), delayMs: z.number().int().min(0).max(2000) }),
  z.strictObject({ action: z.literal('device.unplug'), device: z.union([SimFaultDeviceSchema, SimKeypadSchema]) }),
  z.strictObject({ action: z.literal('device.replug'), device: z.union([SimFaultDeviceSchema, SimKeypadSchema]) }),
  z.strictObject({ action: z.literal('key.press'), key: KeyPressSchema }),
  z.strictObject({ action: z.literal('scan'), code: z.string().min(1).max(4096) }),
]);
export type SimCommand = z.infer<typeof SimCommandSchema>;

// ---------------------------------------------------------------------------------------------------------------------
// Page → bridge

const requestId = z.string().min(1).max(64);

export const PageMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('devices.list'), requestId }),
  z.strictObject({ type: z.literal('print'), requestId, ticket: TicketSchema }),
  /** Reprint the last ticket this bridge printed (marked 补打). */
  z.strictObject({ type: z.literal('reprint'), requestId }),
  /** After 材料不全: the 容缺受理承诺书 or the list of what to bring next time (answered with print.result). */
  z.strictObject({ type: z.literal('print.slip'), requestId, slip: SlipSchema }),
  /** The page shows "please place your card": poll the readers fast until it says false. */
  z.strictObject({ type: z.literal('waiting'), requestId, waiting: z.boolean() }),
  z.strictObject({ type: z.literal('beep'), requestId, times: z.number().int().min(1).max(3).default(1) }),
  z.strictObject({ type: z.literal('sim'), requestId, command: SimCommandSchema }),
]);
export type PageMessage = z.infer<typeof PageMessageSchema>;
export type PageMessageInput = z.input<typeof PageMessageSchema>;

// ---------------------------------------------------------------------------------------------------------------------
// Bridge → page

export const BridgeErrorCodeSchema = z.enum(['invalid_message', 'simulate_only', 'unsupported', 'device_missing', 'internal']);

export const BridgeMessageSchema = z.discriminatedUnion('type', [
  /** First message after connecting. */
  z.strictObject({ type: z.literal('hello'), simulate: z.boolean(), devices: z.array(DeviceInfoSchema) }),
  /** Full device list, sent whenever any health changes. */
  z.strictObject({ type: z.literal('devices'), devices: z.array(DeviceInfoSchema) }),
  z.strictObject({ type: z.literal('identity.read'), identity: IdentitySchema }),
  z.strictObject({ type: z.literal('identity.removed'), source: z.enum(['idcard', 'sscard']) }),
  /** A card was there but could not be used, e.g. a social-security card that refuses a free read. */
  z.strictObject({ type: z.literal('identity.failed'), source: z.enum(['idcard', 'sscard']), code: z.string(), message: z.string() }),
  z.strictObject({ type: z.literal('scan'), kind: ScanKindSchema, payload: z.string() }),
  z.strictObject({ type: z.literal('key'), key: KeyPressSchema }),
  z.strictObject({ type: z.literal('print.result'), requestId, result: PrintResultSchema }),
  /** Simulate mode only: what the simulated printer put on paper (SVG picture and decoded text), for the admin panel. */
  z.strictObject({ type: z.literal('sim.printed'), text: z.string(), svg: z.string(), incomplete: z.boolean() }),
  /** Answer to any other command. */
  z.strictObject({ type: z.literal('ack'), requestId }),
  z.strictObject({ type: z.literal('error'), requestId: requestId.nullable(), code: BridgeErrorCodeSchema, message: z.string() }),
]);
export type BridgeMessage = z.infer<typeof BridgeMessageSchema>;
export type BridgeEvent = Extract<BridgeMessage, { type: 'identity.read' | 'identity.removed' | 'identity.failed' | 'scan' | 'key' | 'devices' | 'sim.printed' }>;
