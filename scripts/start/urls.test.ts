import { describe, expect, it } from 'vitest';
import { pageOrigins, screenUrl } from './urls.ts';

describe('npm start addresses', () => {
  it('prints a plain screen URL when the bridge is on its default port', () => {
    expect(screenUrl('http://127.0.0.1:4600', '/kiosk', 4601)).toBe('http://127.0.0.1:4600/kiosk');
  });

  it('tells the page where the bridge is on any other port', () => {
    expect(screenUrl('http://127.0.0.1:4700', '/pad/3', 4701)).toBe('http://127.0.0.1:4700/pad/3?bridge=ws%3A%2F%2F127.0.0.1%3A4701%2F');
  });

  it('allows the hall on its actual port under both loopback names', () => {
    expect(pageOrigins(4700)).toEqual(['http://127.0.0.1:4700', 'http://localhost:4700']);
  });
});
