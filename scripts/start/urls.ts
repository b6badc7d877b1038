// The addresses `npm start` prints and allows: a page is served by the hall on its actual port and finds the bridge
// through `?bridge=` when the bridge is not on the terminal default port.
import { DEFAULT_BRIDGE_PORT } from '../../protocol/bridge/messages.ts';

/** The origins under which a browser on this machine loads the hall's pages. */
export function pageOrigins(hallPort: number): string[] {
  return [`http://127.0.0.1:${hallPort}`, `http://localhost:${hallPort}`];
}

/** A screen's URL on the hall, telling the page where the bridge is when that is not the default. */
export function screenUrl(hallUrl: string, path: string, bridgePort: number): string {
  if (bridgePort === DEFAULT_BRIDGE_PORT) return `${hallUrl}${path}`;
  return `${hallUrl}${path}?${new URLSearchParams({ bridge: `ws://127.0.0.1:${bridgePort}/` })}`;
}
