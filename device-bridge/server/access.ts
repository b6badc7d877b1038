// Who may open the bridge's WebSocket. A browser always sends Origin, and a page is accepted only from the
// allow-list; a connection without Origin is a local tool, which must present the tool token of the bridge config
// (`Authorization: Bearer …`). Without a configured token no tool may connect: any local process could otherwise
// hear every inserted card.
import { timingSafeEqual } from 'node:crypto';

export type AccessDecision = { allowed: true; as: 'page' | 'tool' } | { allowed: false; status: 401 | 403; reason: string };

export interface AccessRequest {
  origin: string | undefined;
  host: string | undefined;
  authorization: string | undefined;
}

export interface AccessPolicy {
  port: number;
  allowedOrigins: readonly string[];
  toolToken: string | undefined;
}

/** Guards against DNS rebinding: the Host must be the loopback address the bridge listens on. */
function hostAllowed(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

function tokenMatches(authorization: string | undefined, token: string | undefined): boolean {
  if (token === undefined || authorization === undefined) return false;
  const given = /^Bearer (\S+)$/.exec(authorization)?.[1];
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function decideAccess(request: AccessRequest, policy: AccessPolicy): AccessDecision {
  if (!hostAllowed(request.host, policy.port)) return { allowed: false, status: 403, reason: 'host not allowed' };
  if (request.origin !== undefined) {
    return policy.allowedOrigins.includes(request.origin)
      ? { allowed: true, as: 'page' }
      : { allowed: false, status: 403, reason: 'origin not allowed' };
  }
  if (tokenMatches(request.authorization, policy.toolToken)) return { allowed: true, as: 'tool' };
  return {
    allowed: false,
    status: 401,
    reason: policy.toolToken === undefined ? 'no origin, and no tool token is configured' : 'no origin and no valid tool token',
  };
}
