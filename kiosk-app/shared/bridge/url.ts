import { DEFAULT_BRIDGE_URL } from '../../../protocol/bridge/messages.ts';

/** The bridge address a page uses: `?bridge=ws://…` (tests, a bridge on another port) or the terminal default. */
export function bridgeUrlFromLocation(search: string = typeof location === 'undefined' ? '' : location.search): string {
  const given = new URLSearchParams(search).get('bridge');
  if (!given) return DEFAULT_BRIDGE_URL;
  return given.replace(/^http(s?):/, 'ws$1:');
}
