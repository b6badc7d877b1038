// The citizen's ticket link (pure): when its token stops working, and the short URL printed in the ticket's QR.
import type { HallDayRule } from './hall-day.ts';

/** The first instant of the next hall day after `instantMs`: a ticket's link works until then. */
export function hallDayEndMs(instantMs: number, rule: HallDayRule): number {
  const [h, m] = rule.startsAt.split(':').map(Number) as [number, number];
  const shift = (rule.utcOffsetMinutes - h * 60 - m) * 60_000;
  const shifted = instantMs + shift;
  const dayStart = shifted - (((shifted % 86_400_000) + 86_400_000) % 86_400_000);
  return dayStart + 86_400_000 - shift;
}

/** A token is 24 base64url characters: 144 bits. */
export const CITIZEN_TOKEN_PATTERN = /^[A-Za-z0-9_-]{24}$/;

export function isCitizenToken(text: string): boolean {
  return CITIZEN_TOKEN_PATTERN.test(text);
}

/** `<base>/t/<token>`, the base without a trailing slash. */
export function progressUrl(base: string, token: string): string {
  return `${base.replace(/\/+$/, '')}/t/${token}`;
}

/** The token of a scanned progress URL (any base), or null when the text is not one. */
export function tokenOfProgressUrl(text: string): string | null {
  const match = /^https?:\/\/[^\s?#]+\/t\/([A-Za-z0-9_-]{24})$/.exec(text.trim());
  return match ? match[1]! : null;
}
