// JSON over HTTP for the benchmarks' setup steps (pairing, issuing, calling), and the percentile they report.
import { type Agent, request } from 'node:http';

// any: a benchmark reads a few fields of many different answers.
export type JsonAnswer = { status: number; body: any };

export function jsonRequest(agent: Agent, base: string, method: string, path: string, body?: unknown, token?: string): Promise<JsonAnswer> {
  const payload = body === undefined ? '' : JSON.stringify(body);
  return new Promise((ok, fail) => {
    const req = request(base + path, {
      method, agent,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
    }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => ok({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : null }));
    });
    req.on('error', fail);
    req.end(payload);
  });
}

/** Nearest-rank percentile (p in 0..100). */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}
