// Shapes the kiosk flow shares with the hall API and the pack.
export type { Identity } from '../../../protocol/hall/index.ts';
export type { IdentityRequirement } from '../../../content/schema/index.ts';
