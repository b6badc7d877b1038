// The endpoints of the hall-server core itself: liveness, the API reference and the event stream's address.
import { HealthResponse } from './common.ts';
import { endpoint } from './endpoint.ts';

export const CoreEndpoints = {
  health: endpoint({
    method: 'GET', path: '/api/health', roles: 'public', response: HealthResponse,
    summary: 'Liveness and the active content pack',
  }),
  openapi: endpoint({
    method: 'GET', path: '/api/openapi.json', roles: 'public',
    summary: 'This API reference (OpenAPI 3.1)',
  }),
};

/** The WebSocket of the event stream (`hello`, then `snapshot` or `resumed`, then `event`s): an upgrade, not a route. */
export const EVENT_STREAM_PATH = '/api/events';
