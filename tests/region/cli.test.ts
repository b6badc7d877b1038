// scripts/region.ts as an administrator runs it: add a site, hand out an enrolment code, publish with a key file that
// must be private to the region's user.
import { execFile } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { generateKeyPair } from '../../content/validate/sign.ts';
import { saveSiteProfile } from '../../region-server/catalogue/store.ts';
import { freshDatabase } from '../support/region.ts';
import type pg from 'pg';

const run = promisify(execFile);
const CLI = resolve(import.meta.dirname, '../../scripts/region.ts');
let pool: pg.Pool;
let url: string;
const keyDir = mkdtempSync(join(tmpdir(), 'region-key-'));

async function region(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', CLI, ...args, '--database-url', url]);
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeAll(async () => {
  ({ pool, url } = await freshDatabase());
});
afterAll(async () => {
  await pool.end();
  rmSync(keyDir, { recursive: true, force: true });
});

it('adds a site, gives a one-time code, seeds the demo catalogue and publishes only with a private key file', { timeout: 180_000 }, async () => {
  expect(await region('site-add', '--id', 'zhongxin', '--name', '市医疗保障服务中心', '--level', 'city')).toMatchObject({ code: 0, stdout: 'site zhongxin added\n' });
  expect((await region('site-add', '--id', 'zhongxin', '--name', 'x', '--level', 'city')).stderr).toBe('站点编号 zhongxin 已存在\n');
  expect((await region('enrol-code', '--id', 'zhongxin')).stdout).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}\n$/);
  expect(await region('seed-demo-catalogue')).toMatchObject({ code: 0 });
  await saveSiteProfile(pool, {
    siteId: 'zhongxin',
    level: 'city',
    hall: {
      name: '市医疗保障服务中心（示例数据）', region: '山东省济宁市邹城市', address: '邹城市政务服务中心（示例地址）',
      hours: ['周一至周五 8:30—17:00'], consultPhone: '0537-0000101', complaintPhone: '0537-0000102',
      duties: ['全市医保经办'], commitments: ['一次性告知'], slogan: '中国医保 一生守护', tidalThreshold: 5, callRepeat: 2,
    },
    windows: [{ number: 1, name: '综合窗口', services: 'all', tidal: false }],
    staff: [],
  });
  const keyFile = join(keyDir, 'region.pem');
  writeFileSync(keyFile, generateKeyPair().privateKeyPem);
  chmodSync(keyFile, 0o644);
  const open = await region('publish', '--id', 'zhongxin', '--key', keyFile);
  expect(open.code).toBe(1);
  expect(open.stderr).toBe(`${keyFile} is readable by others: chmod 600 it\n`);
  chmodSync(keyFile, 0o600);
  expect((await region('publish', '--id', 'zhongxin', '--key', keyFile)).stdout).toBe('version 1 published\n');
  expect((await region('publish', '--id', 'zhongxin', '--key', keyFile)).stdout).toBe('unchanged (version 1)\n');
});
