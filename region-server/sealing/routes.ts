// GET /api/region/sealing-key: the region's current sealing public key, so a hall can follow a key rotation.
import type { ServerResponse } from 'node:http';
import { currentSealingKey, type RegionKeys } from '../keys.ts';
import { RegionError } from '../http/errors.ts';

export const SEALING_KEY_PATH = '/api/region/sealing-key';

/** Answers the route if it is this file's; false otherwise. */
export function sealingRoute(route: string, res: ServerResponse, keys: RegionKeys | null): boolean {
  if (route !== `GET ${SEALING_KEY_PATH}`) return false;
  if (!keys) throw new RegionError(503, 'no_sealing_key', '区域中心未配置密钥文件，暂时没有加密公钥');
  const text = JSON.stringify(currentSealingKey(keys));
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' });
  res.end(text);
  return true;
}
