// Whether the kiosk tells citizens that the hall cannot be reached (暂停取号, and in 长辈模式 the 网络中断 prompt). Pure.
import type { ConnectionState } from '../../shared/hall/socket.ts';

export interface HallLink {
  state: ConnectionState;
  /** Connection attempts in a row that ended before the hall answered (the stream's count; 0 once it answers). */
  failedAttempts: number;
}

/**
 * A link that dropped is not yet an outage: the stream reconnects at once (a hall-server restart, a proxy that cut an
 * idle connection, a page whose clock jumped past the dead-link time), and that attempt usually succeeds within a
 * second. The hall is unreachable once an attempt to reach it has failed (refused, or silent for the dead-link time,
 * so an attempt that hangs counts too), or when the stream can no longer reconnect at all.
 */
export function hallUnreachable(link: HallLink): boolean {
  switch (link.state) {
    case 'open':
      return false;
    case 'connecting':
    case 'reconnecting':
      return link.failedAttempts > 0;
    case 'unauthorized':
    case 'closed':
      return true;
  }
}
