// The content-pack contract: one zod schema + inferred type per pack file, and the loaded `Pack`.
// Browser-safe (no Node imports): the page imports these too.
export * from './codes.ts';
export * from './common.ts';
export * from './manifest.ts';
export * from './services.ts';
export * from './windows.ts';
export * from './staff.ts';
export * from './evaluation.ts';
export * from './calendar.ts';
export * from './calendar-status.ts';
export * from './notices.ts';
export * from './kiosk.ts';
export * from './voice.ts';
export * from './wav.ts';
export * from './image.ts';
export * from './pack.ts';

import { calendarSchema } from './calendar.ts';
import { evaluationSchema } from './evaluation.ts';
import { kioskFileSchema } from './kiosk.ts';
import { noticesFileSchema } from './notices.ts';
import type { OptionalPackJsonFile, PackJsonFile } from './pack.ts';
import { servicesFileSchema } from './services.ts';
import { staffFileSchema } from './staff.ts';
import { windowsFileSchema } from './windows.ts';

/** The schema of each JSON file of a pack. */
export const packFileSchemas = {
  'services.json': servicesFileSchema,
  'windows.json': windowsFileSchema,
  'staff.json': staffFileSchema,
  'evaluation.json': evaluationSchema,
  'calendar.json': calendarSchema,
  'notices.json': noticesFileSchema,
} as const satisfies Record<PackJsonFile, unknown>;

/** The schema of each optional JSON file of a pack. */
export const optionalPackFileSchemas = {
  'kiosk.json': kioskFileSchema,
} as const satisfies Record<OptionalPackJsonFile, unknown>;
