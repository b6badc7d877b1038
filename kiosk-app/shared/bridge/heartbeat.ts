import type { TerminalHeartbeat } from '../../../protocol/hall/terminals.ts';
import type { BridgeClient } from './client.ts';

/** The terminal's device health as the hall-server's heartbeat carries it (reasons cut to the schema's length). */
export function deviceHealthForHeartbeat(bridge: BridgeClient | null): TerminalHeartbeat['devices'] {
  return (bridge?.devices.peek() ?? []).map((d) => ({
    device: d.id,
    state: d.health.state,
    reason: d.health.reason.slice(0, 200),
    ...(/^[a-z_]{1,40}$/.test(d.health.code) ? { code: d.health.code } : {}),
  }));
}
