// The stall probe: a request to the hall every millisecond from its own thread (so the load the bench drives from the
// main thread never delays the probe), one at a time on one kept-alive connection. The longest time between two
// answers is how long the hall's event loop was held up (plus one round trip).
import { Worker } from 'node:worker_threads';

export interface ProbeResult {
  /** Longest time between two consecutive answers, ms. */
  maxGapMs: number;
  /** When that gap ended (performance.timeOrigin + now of the probe thread, i.e. epoch ms). */
  maxGapEndEpochMs: number;
  p99GapMs: number;
  answers: number;
  /** Every gap over 20 ms: [end epoch ms, length ms]. */
  long: Array<[number, number]>;
}

// Plain JavaScript, evaluated in the worker: no TypeScript loader needed there.
const PROBE_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const gaps = [];
const long = [];
let last = null;
let maxGap = 0;
let maxGapEnd = 0;
let stopped = false;
function once() {
  const sent = performance.now();
  const req = http.get(workerData.url + '/api/health', { agent }, (res) => {
    res.resume();
    res.on('end', () => {
      const now = performance.now();
      if (last !== null) {
        const gap = now - last;
        gaps.push(gap);
        if (gap > 20) long.push([performance.timeOrigin + now, gap]);
        if (gap > maxGap) { maxGap = gap; maxGapEnd = performance.timeOrigin + now; }
      }
      last = now;
      if (stopped) return finish();
      setTimeout(once, Math.max(0, 1 - (now - sent)));
    });
  });
  req.on('error', (err) => {
    parentPort.postMessage({ error: String(err) });
    if (stopped) finish();
    else setTimeout(once, 1);
  });
}
function finish() {
  gaps.sort((a, b) => a - b);
  const p99 = gaps.length ? gaps[Math.min(gaps.length - 1, Math.ceil(0.99 * gaps.length) - 1)] : NaN;
  parentPort.postMessage({ maxGapMs: maxGap, maxGapEndEpochMs: maxGapEnd, p99GapMs: p99, answers: gaps.length + 1, long });
  agent.destroy();
}
parentPort.on('message', () => { stopped = true; });
once();
`;

export function startProbe(url: string): { stop(): Promise<ProbeResult> } {
  const worker = new Worker(PROBE_SOURCE, { eval: true, workerData: { url } });
  let failure: string | null = null;
  const result = new Promise<ProbeResult>((ok, fail) => {
    worker.on('message', (msg: ProbeResult | { error: string }) => {
      if ('error' in msg) failure = msg.error;
      else ok(msg);
    });
    worker.once('error', fail);
  });
  return {
    async stop() {
      worker.postMessage('stop');
      const r = await result;
      await worker.terminate();
      if (failure) throw new Error(`probe request failed: ${failure}`);
      return r;
    },
  };
}
