import { describe, expect, it } from 'vitest';
import { bridgeUrlFromLocation } from './url.ts';

function memoryStorage(): Pick<Storage, 'getItem' | 'setItem'> {
  const items = new Map<string, string>();
  return { getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, value) };
}

describe('bridgeUrlFromLocation', () => {
  it('takes ?bridge= and keeps it for the tab when a later page of the console has no query', () => {
    const storage = memoryStorage();
    expect(bridgeUrlFromLocation('?bridge=ws%3A%2F%2F127.0.0.1%3A4701%2F', storage)).toBe('ws://127.0.0.1:4701/');
    expect(bridgeUrlFromLocation('', storage)).toBe('ws://127.0.0.1:4701/');
    expect(bridgeUrlFromLocation('?bridge=http://localhost:5000', storage)).toBe('ws://localhost:5000/');
  });

  it('uses the terminal default without a query or anything kept', () => {
    expect(bridgeUrlFromLocation('', memoryStorage())).toBe('ws://127.0.0.1:4601/');
    expect(bridgeUrlFromLocation('', undefined)).toBe('ws://127.0.0.1:4601/');
  });

  it('ignores a bridge on another host or a URL that is not a WebSocket', () => {
    const storage = memoryStorage();
    expect(bridgeUrlFromLocation('?bridge=ws://192.168.1.9:4601/', storage)).toBe('ws://127.0.0.1:4601/');
    expect(bridgeUrlFromLocation('?bridge=javascript:alert(1)', storage)).toBe('ws://127.0.0.1:4601/');
    expect(bridgeUrlFromLocation('?bridge=not a url', storage)).toBe('ws://127.0.0.1:4601/');
  });
});
