// The bridge config file (JSON). Any device may name a real serial path or HID ids; with --simulate every
// device not named here is simulated, so one real device can be tried among simulated ones.
import { z } from 'zod';
import { KeypadModelSchema } from '../codecs/keymap.ts';

const serialLocation = {
  /** Plain device path, e.g. /dev/ttyUSB0 (fallback). */
  path: z.string().min(1).optional(),
  /** Name under /dev/serial/by-id (preferred: survives re-plugging into another port). */
  byId: z.string().min(1).optional(),
  /** USB ids (hex strings as udev shows them) to find the port through SerialPort.list(). */
  usb: z.strictObject({ vendorId: z.string(), productId: z.string(), serialNumber: z.string().optional() }).optional(),
  baudRate: z.number().int().positive().default(115_200),
};

const SerialDeviceSchema = z
  .strictObject({ transport: z.literal('serial'), ...serialLocation })
  .refine((device) => device.path || device.byId || device.usb, { message: 'a serial device needs path, byId or usb' });

const SimulatedSchema = z.strictObject({ transport: z.literal('simulated') });
const DisabledSchema = z.strictObject({ transport: z.literal('none') });

const cardReaderTiming = {
  pollFastMs: z.number().int().min(10).max(5_000).optional(),
  pollSlowMs: z.number().int().min(100).max(60_000).optional(),
};

const CardReaderSchema = z.union([
  z.strictObject({ transport: z.literal('serial'), ...serialLocation, ...cardReaderTiming }),
  z.strictObject({ transport: z.literal('simulated'), ...cardReaderTiming }),
  DisabledSchema,
]);

/** A social-security card reader under pcscd (any CCID reader), through the pcsclite addon. */
const PcscReaderSchema = z.strictObject({
  transport: z.literal('pcsc'),
  /** Part of the reader's name as pcscd lists it (e.g. "ACR39"); the first reader when absent. */
  reader: z.string().min(1).optional(),
  /** Exclusive keeps other programs off the card during the read (the default); shared lets them in. */
  share: z.enum(['exclusive', 'shared']).default('exclusive'),
  /** Card protocol; auto lets the reader choose T=0 or T=1 from the card's ATR. */
  protocol: z.enum(['auto', 'T0', 'T1']).default('auto'),
});

const HidScannerSchema = z.strictObject({
  transport: z.literal('hid'),
  vendorId: z.number().int().min(0).max(0xffff),
  productId: z.number().int().min(0).max(0xffff),
});

const KeypadSchema = z.union([
  z.strictObject({ transport: z.literal('hid'), model: KeypadModelSchema }),
  z.strictObject({ transport: z.literal('simulated'), model: KeypadModelSchema.optional() }),
  DisabledSchema,
]);

export const BridgeConfigSchema = z.strictObject({
  /** Pages allowed to connect (their Origin), e.g. the hall-server that serves the PWA. */
  allowedOrigins: z.array(z.string().url()).default(['http://127.0.0.1:4600', 'http://localhost:4600', 'http://127.0.0.1:5173', 'http://localhost:5173']),
  /** The token a local tool without a browser presents (`Authorization: Bearer …`) instead of an Origin. Without it no
   * such tool may connect. A config holding it must be readable by the bridge's service user only. */
  toolToken: z.string().regex(/^[\x21-\x7e]{32,256}$/, 'toolToken must be 32 to 256 printable ASCII characters without spaces').optional(),
  /** Where the simulated printer keeps tickets. */
  printedDir: z.string().default('var/printed'),
  /** Directory for the simulators' pseudo-terminal links; a fresh temp dir when absent. */
  ptyDir: z.string().optional(),
  /** Prefixes of this hall's ticket QR payloads. */
  ticketQrPrefixes: z.array(z.string()).default([]),
  /** Pattern (regular expression source) of 医保电子凭证 payloads; the default recognises long opaque tokens. */
  ecardPattern: z.string().optional(),
  devices: z
    .strictObject({
      printer: z.union([SerialDeviceSchema, SimulatedSchema, DisabledSchema]).optional(),
      idcard: CardReaderSchema.optional(),
      sscard: z.union([CardReaderSchema, PcscReaderSchema]).optional(),
      scanner: z.union([SerialDeviceSchema, HidScannerSchema, SimulatedSchema, DisabledSchema]).optional(),
      ratingKeypad: KeypadSchema.optional(),
      callerKeypad: KeypadSchema.optional(),
    })
    .default({}),
});

export type BridgeConfig = z.output<typeof BridgeConfigSchema>;
export type BridgeConfigInput = z.input<typeof BridgeConfigSchema>;
