// The record a hall writes to its durable log when it issues a ticket link (`citizen.link`, delivered to no socket):
// the region ingests it to answer the phone's progress page. The token itself never leaves the ticket; only its hash.
import { z } from 'zod';

export const CitizenLinkRecord = z.strictObject({
  /** SHA-256 of the token, hex. */
  tokenHash: z.string().regex(/^[0-9a-f]{64}$/),
  ticketId: z.string().min(1).max(64),
  serviceCode: z.string().min(1).max(40),
  /** The end of the ticket's hall day, ISO. */
  expiresAt: z.iso.datetime(),
});
export type CitizenLinkRecord = z.infer<typeof CitizenLinkRecord>;
