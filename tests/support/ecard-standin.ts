// A local stand-in for the platform's ec.query decode service, for tests only. It knows a few demo QR
// payloads; anything else is answered like the platform answers an expired code.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StandinPerson {
  userName: string;
  idNo: string;
}

export interface EcQueryStandin {
  url: string;
  /** Every request body received, parsed (tests check the adapter sends deviceType SelfService). */
  requests: unknown[];
  close(): Promise<void>;
}

export async function startEcQueryStandin(people: Record<string, StandinPerson>, port = 0): Promise<EcQueryStandin> {
  const requests: unknown[] = [];
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (raw += chunk));
    req.on('end', () => {
      let body: { transType?: string; data?: { qrCode?: string; deviceType?: string } } = {};
      try {
        body = JSON.parse(raw) as typeof body;
      } catch {
        res.writeHead(400).end();
        return;
      }
      requests.push(body);
      const person = body.transType === 'ec.query' && body.data?.deviceType === 'SelfService' ? people[body.data.qrCode ?? ''] : undefined;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(person ? { code: 0, message: 'success', data: { ...person, idType: '01', ecToken: 'tok-' + Date.now() } } : { code: 1001, message: '电子凭证已过期', data: null }));
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}/ec/query`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
