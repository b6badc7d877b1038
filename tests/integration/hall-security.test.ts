// The static file server never leaves dist/. (Guessing passwords and pairing codes: hall-throttle.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHall, type TestHall } from '../support/hall.ts';

let hall: TestHall;
beforeAll(async () => {
  hall = await startTestHall();
  await hall.admin();
});
afterAll(() => hall.close());

describe('hall security', () => {
  it('never serves a file outside dist/', async () => {
    for (const path of ['/..%2f..%2fpackage.json', '/%2e%2e/%2e%2e/package.json', '/assets/%E0%A4%A', '/../hall.json']) {
      const res = await fetch(hall.url + path);
      expect([404, 400]).toContain(res.status);
      expect(await res.text()).not.toContain('"dependencies"');
    }
  });
});
