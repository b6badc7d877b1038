// Rating and caller keypads have no public protocol: each model is described in the config by a key map
// (vendor id, product id, report bytes or key codes → action), and presses closer than a minimum interval are dropped.
import { z } from 'zod';
import { CallerActionSchema, RatingLevelSchema, type KeyPress } from '../../protocol/bridge/messages.ts';

const hexBytes = z.string().regex(/^([0-9a-fA-F]{2})( ?[0-9a-fA-F]{2})*$/, 'report bytes as hex, e.g. "01 05"');

const keyEntry = <A extends z.ZodType>(action: A) =>
  z.union([
    /** Vendor HID: a report that starts with these bytes. */
    z.strictObject({ report: hexBytes, action }),
    /** Keyboard-class pad: a HID usage key code in a boot keyboard report. */
    z.strictObject({ keyCode: z.number().int().min(1).max(255), action }),
  ]);

export const KeypadModelSchema = z.discriminatedUnion('device', [
  z.strictObject({
    device: z.literal('rating-keypad'),
    vendorId: z.number().int().min(0).max(0xffff),
    productId: z.number().int().min(0).max(0xffff),
    minIntervalMs: z.number().int().min(0).max(60_000).default(1_500),
    keys: z.array(keyEntry(RatingLevelSchema)).min(1),
  }),
  z.strictObject({
    device: z.literal('caller-keypad'),
    vendorId: z.number().int().min(0).max(0xffff),
    productId: z.number().int().min(0).max(0xffff),
    minIntervalMs: z.number().int().min(0).max(60_000).default(400),
    keys: z.array(keyEntry(CallerActionSchema)).min(1),
  }),
]);
export type KeypadModel = z.output<typeof KeypadModelSchema>;
export type KeypadModelInput = z.input<typeof KeypadModelSchema>;

function parseHex(value: string): Uint8Array {
  return Uint8Array.from(value.replace(/ /g, '').match(/../g)?.map((pair) => parseInt(pair, 16)) ?? []);
}

function startsWith(report: Uint8Array, prefix: Uint8Array): boolean {
  if (report.length < prefix.length) return false;
  return prefix.every((byte, index) => report[index] === byte);
}

/** Turns raw HID reports of one keypad into key presses. */
export class KeypadDecoder {
  private lastAccepted = Number.NEGATIVE_INFINITY;
  private keysDown = new Set<number>();
  private readonly reports: { prefix: Uint8Array; action: string }[];
  private readonly keyCodes: Map<number, string>;

  constructor(readonly model: KeypadModel) {
    this.reports = model.keys.flatMap((key) => ('report' in key ? [{ prefix: parseHex(key.report), action: key.action }] : []));
    this.keyCodes = new Map(model.keys.flatMap((key) => ('keyCode' in key ? [[key.keyCode, key.action] as [number, string]] : [])));
  }

  /** The press this report means, or null (release, unknown key, or too soon after the last press). */
  decode(report: Uint8Array, now: number): KeyPress | null {
    const action = this.actionOf(report);
    if (action === null) return null;
    if (now - this.lastAccepted < this.model.minIntervalMs) return null;
    this.lastAccepted = now;
    return (this.model.device === 'rating-keypad' ? { device: 'rating', action } : { device: 'caller', action }) as KeyPress;
  }

  private actionOf(report: Uint8Array): string | null {
    const byReport = this.reports.find((entry) => startsWith(report, entry.prefix));
    if (byReport) return byReport.action;
    if (this.keyCodes.size === 0) return null;
    // Boot keyboard report: modifiers, reserved, six key codes. Only a key newly down counts.
    const down = new Set([...report.subarray(2, 8)].filter((code) => code !== 0));
    const pressed = [...down].find((code) => !this.keysDown.has(code) && this.keyCodes.has(code));
    this.keysDown = down;
    return pressed === undefined ? null : (this.keyCodes.get(pressed) ?? null);
  }
}

/** Default models for the simulated pads: a vendor-HID rating pad and a keyboard-class caller (keys 1..5). */
export const SIMULATED_RATING_KEYPAD: KeypadModelInput = {
  device: 'rating-keypad',
  vendorId: 0x1d6b,
  productId: 0x0101,
  keys: [
    { report: '01 01', action: 'very_satisfied' },
    { report: '01 02', action: 'satisfied' },
    { report: '01 03', action: 'basic' },
    { report: '01 04', action: 'dissatisfied' },
    { report: '01 05', action: 'very_dissatisfied' },
  ],
};

export const SIMULATED_CALLER_KEYPAD: KeypadModelInput = {
  device: 'caller-keypad',
  vendorId: 0x1d6b,
  productId: 0x0102,
  keys: [
    { keyCode: 0x1e, action: 'call_next' },
    { keyCode: 0x1f, action: 'recall' },
    { keyCode: 0x20, action: 'no_show' },
    { keyCode: 0x21, action: 'pause' },
    { keyCode: 0x22, action: 'finish' },
  ],
};

/** The report(s) a keypad of this model sends for an action: press then, for keyboard-class pads, release. */
export function reportsForAction(model: KeypadModel, action: string): Uint8Array[] {
  const key = model.keys.find((entry) => entry.action === action);
  if (!key) return [];
  if ('report' in key) return [parseHex(key.report)];
  return [Uint8Array.of(0, 0, key.keyCode, 0, 0, 0, 0, 0), new Uint8Array(8)];
}
