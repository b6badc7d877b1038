// The 长辈模式 voice prompts and the new hall fields of the sample pack as a kiosk gets them from the real hall-server:
// the active pack lists a prompt clip for every kiosk step, and each is served byte for byte as a 16 kHz mono WAV,
// at the URL the kiosk plays (kiosk-app/kiosk/prompts.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_DIR } from '../../content/corpus/broken.ts';
import { KIOSK_PROMPT_STEPS, packFileUrl, promptClip, readWavInfo, type PackData } from '../../content/schema/index.ts';
import { PackEndpoints } from '../../protocol/hall/packs.ts';
import { promptClipPath } from '../../kiosk-app/kiosk/prompts.ts';
import { startTestHall, type TestHall } from '../support/hall.ts';

let hall: TestHall;
let pack: PackData;

beforeAll(async () => {
  hall = await startTestHall();
  pack = (await hall.api<PackData>('GET', PackEndpoints.active.path, undefined, await hall.pair('kiosk'))).body;
});
afterAll(async () => {
  await hall.close();
});

describe('sample pack through the hall-server', () => {
  it('gives the kiosk the hall codes and the number of call readings', () => {
    expect(pack.manifest.hall).toMatchObject({ regionCode: '211223', creditCode: '12211223000000000B', callRepeat: 2 });
  });

  it.each(KIOSK_PROMPT_STEPS.map((s) => [s]))('serves the %s prompt the kiosk plays in 长辈模式', async (step) => {
    const path = promptClipPath(step);
    expect(path).toBe(promptClip(step));
    const listed = pack.manifest.files.find((f) => f.path === path);
    expect(listed).toBeDefined();
    const res = await fetch(hall.url + packFileUrl(pack.manifest, path));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('audio/wav');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(bytes.length).toBe(listed!.size);
    expect(Buffer.compare(bytes, readFileSync(join(SAMPLE_DIR, path)))).toBe(0);
    const info = readWavInfo(bytes);
    expect(info).toMatchObject({ sampleRate: 16000, channels: 1, bitsPerSample: 16 });
    expect(typeof info !== 'string' && info.durationMs > 1000 && info.durationMs < 15_000).toBe(true);
  });
});
