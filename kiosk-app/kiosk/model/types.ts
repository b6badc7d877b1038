// Shapes the kiosk flow shares with the hall API and the pack.
export type { Identity } from '../../../hall-server/api/index.ts';
export type { IdentityRequirement } from '../../../content/schema/index.ts';
