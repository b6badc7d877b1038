import { DEFAULT_BRIDGE_URL } from '../../../protocol/bridge/messages.ts';

const REMEMBERED_KEY = 'yibao.bridgeUrl';

/** The part of sessionStorage this needs (absent outside a browser). */
type TabStorage = Pick<Storage, 'getItem' | 'setItem'>;

function tabStorage(): TabStorage | undefined {
  try {
    return typeof sessionStorage === 'undefined' ? undefined : sessionStorage;
  } catch {
    return undefined;
  }
}

/** The bridge always listens on the terminal's own loopback: a link naming another host is ignored. */
function loopbackBridgeUrl(given: string): string | null {
  try {
    const url = new URL(given.replace(/^http(s?):/, 'ws$1:'));
    const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost';
    return loopback && (url.protocol === 'ws:' || url.protocol === 'wss:') ? url.href : null;
  } catch {
    return null;
  }
}

/** The bridge address a page uses: `?bridge=ws://127.0.0.1:PORT/` (a bridge on another port, as `npm start` prints it,
 * and tests), kept for the tab so that moving between the console's pages (which drops the query) keeps it; else the
 * terminal default. */
export function bridgeUrlFromLocation(
  search: string = typeof location === 'undefined' ? '' : location.search,
  storage: TabStorage | undefined = tabStorage(),
): string {
  const given = new URLSearchParams(search).get('bridge');
  const url = given ? loopbackBridgeUrl(given) : null;
  if (!url) return storage?.getItem(REMEMBERED_KEY) ?? DEFAULT_BRIDGE_URL;
  storage?.setItem(REMEMBERED_KEY, url);
  return url;
}

/** Keeps a `?bridge=` of the address bar for the tab now, before any navigation drops the query: the console opened at
 * its overview with it still reaches that bridge when 设备 is opened from the menu later. */
export function rememberBridgeUrl(): void {
  bridgeUrlFromLocation();
}
