// Personal fields sealed by a hall open only at the region: the region's key file (mode 600, newest sealing key
// current), its public half in the enrolment answer and at GET /api/region/sealing-key, and the round trip
// hall seal → region open, including a box sealed to an older key after a rotation.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealPersonalFields } from '../../hall-server/region-link/seal.ts';
import { SealingPublicKey } from '../../protocol/region/records.ts';
import { enrolResponseSchema } from '../../protocol/region/sync.ts';
import { createRegionServer } from '../../region-server/http/server.ts';
import {
  currentSealingKey,
  generateRegionKeyFile,
  loadRegionKeys,
  readRegionKeyFile,
  regionKeys,
  withNewSealingKey,
  writeRegionKeyFile,
} from '../../region-server/keys.ts';
import { openSealed, SealError } from '../../region-server/sealing/open.ts';
import { createEnrolmentCode, createSite } from '../../region-server/sites/enrol.ts';
import { freshDatabase, StandInHall } from '../support/region.ts';

const dir = mkdtempSync(join(tmpdir(), 'region-keys-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const fields = { name: '张三', phone: '13800138000', comment: '等了很久，身份证 370883199001011234 没人看' };

describe('the region key file', () => {
  it('is written mode 600 and refused once group or others may read it', () => {
    const path = join(dir, 'region-keys.json');
    writeRegionKeyFile(path, generateRegionKeyFile());
    expect(readRegionKeyFile(path).sealing).toHaveLength(1);
    chmodSync(path, 0o640);
    expect(() => readRegionKeyFile(path)).toThrow(`region key file ${path} is readable by others (mode 640); run: chmod 600 ${path}`);
    chmodSync(path, 0o600);
    expect(() => writeRegionKeyFile(path, generateRegionKeyFile())).toThrow('exists; not overwriting a key file');
  });

  it('takes the newest sealing key as current and still opens boxes sealed to an older one', () => {
    const first = generateRegionKeyFile(new Date('2026-01-01T00:00:00Z'));
    const older = regionKeys(first);
    const oldBox = sealPersonalFields(fields, currentSealingKey(older));
    const rotated = regionKeys(withNewSealingKey(first, new Date('2026-06-01T00:00:00Z')));
    expect(currentSealingKey(rotated).keyId).not.toBe(currentSealingKey(older).keyId);
    expect(openSealed(oldBox, rotated.sealing)).toEqual(fields);
    const newBox = sealPersonalFields(fields, currentSealingKey(rotated));
    expect(openSealed(newBox, rotated.sealing)).toEqual(fields);
    expect(() => openSealed(newBox, older.sealing)).toThrow(SealError);
  });

  it('refuses a box altered after sealing', () => {
    const keys = regionKeys(generateRegionKeyFile());
    const box = sealPersonalFields(fields, currentSealingKey(keys));
    const flipped = Buffer.from(box.data, 'base64url');
    flipped[0] = flipped[0]! ^ 1;
    expect(() => openSealed({ ...box, data: flipped.toString('base64url') }, keys.sealing)).toThrow(
      'sealed box does not open: altered, or sealed to another key',
    );
  });
});

describe('the sealing key over HTTP', () => {
  let url = '';
  let close = async (): Promise<void> => undefined;
  const keysPath = join(dir, 'served-keys.json');
  let enrolCode = '';

  beforeAll(async () => {
    writeRegionKeyFile(keysPath, generateRegionKeyFile());
    const { pool } = await freshDatabase();
    const server = createRegionServer(pool, { info: () => undefined, warn: () => undefined, error: () => undefined }, { keys: loadRegionKeys(keysPath) });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await createSite(pool, { id: 'seal-site', name: '封存测试站', level: 'village' }, 'test');
    enrolCode = await createEnrolmentCode(pool, 'seal-site', 'test');
    close = async () => {
      await new Promise<void>((ok) => server.close(() => ok()));
      await pool.end();
    };
  });
  afterAll(async () => close());

  it('gives the current sealing key in the enrolment answer and at GET /api/region/sealing-key; a hall-sealed box opens', async () => {
    const hall = new StandInHall(url);
    const answer = await hall.enrol(enrolCode);
    expect(answer.status).toBe(200);
    const enrolled = enrolResponseSchema.parse(answer.body);
    const served = SealingPublicKey.parse(await (await fetch(`${url}/api/region/sealing-key`)).json());
    const keys = loadRegionKeys(keysPath);
    expect(enrolled.sealingKey).toEqual(currentSealingKey(keys));
    expect(served).toEqual(currentSealingKey(keys));
    expect(openSealed(sealPersonalFields(fields, served), keys.sealing)).toEqual(fields);
  });
});
