// Bridge timings against the wire: the real CLI (device-bridge/main.ts, bundled as a terminal runs it, under
// `node --lite-mode`) in its own process, configured with the serial paths of simulators that run in another process on
// socat ptys emulating 115200 baud; a page-like WebSocket client. Prints one JSON line of metrics.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import WebSocket from 'ws';
import { realtimeStatusRequest } from '../../device-bridge/codecs/escpos.ts';
import { encodeSamRequest, encodeSamResponse } from '../../device-bridge/codecs/sam-frame.ts';
import { encodeIdText } from '../../device-bridge/codecs/id-text.ts';
import { encodeReadData, PHOTO_BYTES } from '../../device-bridge/codecs/sam-read.ts';
import { BridgeMessageSchema, type BridgeMessage } from '../../protocol/bridge/messages.ts';
import { ticketToEscPos } from '../../device-bridge/ticket/escpos.ts';
import { bundleBridge } from '../../device-bridge/bundle.ts';
import { SAMPLE_TICKET } from '../../protocol/bridge/ticket/sample.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const BAUD = 115_200;
const wireMs = (bytes: number) => (bytes * 10 * 1000) / BAUD;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] ?? NaN;
const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

const workDir = mkdtempSync(join(tmpdir(), 'yibao-bridge-bench-'));
// The simulators run in their own process (as real devices would be outside the bridge); the bridge opens their
// pty paths as configured serial devices, bundled as a terminal runs it, under `node --lite-mode`.
const sims = spawn(process.execPath, ['--import', 'tsx', 'device-bridge/simulate.ts', '--dir', join(workDir, 'pty'), '--printed-dir', join(workDir, 'printed'), '--baud', String(BAUD)], {
  cwd: ROOT,
  stdio: ['pipe', 'pipe', 'ignore'],
});
const simLines = createInterface({ input: sims.stdout! });
const simReplies: ((line: string) => void)[] = [];
let simPaths: Record<string, string> | null = null;
const simReady = new Promise<void>((resolveSims, reject) => {
  const timer = setTimeout(() => reject(new Error('simulators did not start within 30 s')), 30_000);
  simLines.on('line', (line) => {
    if (!simPaths) {
      simPaths = JSON.parse(line).devices;
      clearTimeout(timer);
      resolveSims();
    } else simReplies.shift()?.(line);
  });
});
await simReady;
const simCommand = (command: object) =>
  new Promise<number>((resolveCommand) => {
    simReplies.push(() => undefined);
    const sentAt = performance.now();
    sims.stdin!.write(`${JSON.stringify(command)}\n`);
    resolveCommand(sentAt);
  });
const paths = simPaths as unknown as Record<string, string>;
const configFile = join(workDir, 'bridge.json');
writeFileSync(configFile, JSON.stringify({
  devices: {
    printer: { transport: 'serial', path: paths.printer },
    idcard: { transport: 'serial', path: paths.idcard, pollFastMs: 15 },
    sscard: { transport: 'serial', path: paths.sscard },
    scanner: { transport: 'serial', path: paths.scanner },
  },
}));
// Inside the project so the bundle finds node_modules (serialport's native binding stays external).
const bundle = await bundleBridge('var/bench/bridge-bench.mjs');
const child = spawn(process.execPath, [...(process.env.BENCH_NODE_FLAGS ?? '--lite-mode').split(' ').filter(Boolean), bundle, '--config', configFile, '--port', '0'], {
  cwd: ROOT,
  stdio: ['ignore', 'pipe', process.env.BENCH_DEBUG ? 'inherit' : 'ignore'],
});

try {
  const ready = await new Promise<{ bridge: string }>((resolveReady, reject) => {
    const timer = setTimeout(() => reject(new Error('bridge did not start within 30 s')), 30_000);
    createInterface({ input: child.stdout }).once('line', (line) => {
      clearTimeout(timer);
      resolveReady(JSON.parse(line));
    });
    child.once('exit', (code) => reject(new Error(`bridge exited with ${code}`)));
  });

  const ws = new WebSocket(ready.bridge, { origin: 'http://127.0.0.1:4600' });
  const waiters: { match: (m: BridgeMessage) => boolean; done: (at: number, m: BridgeMessage) => void }[] = [];
  ws.on('message', (data) => {
    const at = performance.now();
    const message = BridgeMessageSchema.parse(JSON.parse(data.toString()));
    const index = waiters.findIndex((w) => w.match(message));
    if (index >= 0) waiters.splice(index, 1)[0]?.done(at, message);
  });
  await new Promise((resolveOpen) => ws.once('open', resolveOpen));
  let counter = 0;
  const next = (match: (m: BridgeMessage) => boolean) =>
    new Promise<{ at: number; message: BridgeMessage }>((resolveNext, reject) => {
      const timer = setTimeout(() => reject(new Error('bench: no answer within 10 s')), 10_000);
      waiters.push({ match, done: (at, message) => (clearTimeout(timer), resolveNext({ at, message })) });
    });
  const send = (message: Record<string, unknown>) => {
    const requestId = `b${++counter}`;
    const answer = next((m) => 'requestId' in m && m.requestId === requestId);
    const sentAt = performance.now();
    ws.send(JSON.stringify({ ...message, requestId }));
    return { sentAt, answer };
  };
  const healthy = async () => {
    for (let i = 0; i < 100; i++) {
      const body = await fetch(ready.bridge.replace('ws:', 'http:') + 'health').then((r) => r.json() as Promise<{ devices: { health: { state: string } }[] }>);
      if (body.devices.every((d) => d.health.state === 'ok')) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('devices did not become healthy');
  };
  await healthy();
  await send({ type: 'waiting', waiting: true }).answer;

  // ID card: card placed on the simulated reader → identity event on the page socket.
  const reads: number[] = [];
  for (let i = 0; i < 15; i++) {
    const identity = next((m) => m.type === 'identity.read');
    const sentAt = await simCommand({ action: 'card.insert', reader: 'idcard', preset: 'resident' });
    const { at } = await identity;
    reads.push(at - sentAt);
    const removed = next((m) => m.type === 'identity.removed');
    await simCommand({ action: 'card.remove', reader: 'idcard' });
    await removed;
  }
  const readBytes = encodeSamResponse(0x90, encodeReadData(encodeIdText({ name: '张三', genderCode: '1', nationCode: '01', birth: '19850612', address: '', idNumber: '210102198506120030', authority: '', validFrom: '20200101', validTo: '20400101', cardType: 'resident' }), new Uint8Array(PHOTO_BYTES))).length;
  const idcardWire = wireMs(
    encodeSamRequest(0x20, 0x01).length + encodeSamResponse(0x9f, new Uint8Array(4)).length +
      encodeSamRequest(0x20, 0x02).length + encodeSamResponse(0x90, new Uint8Array(8)).length +
      encodeSamRequest(0x30, 0x01).length + readBytes,
  );

  // Printer: print command → result after a clean status.
  const jobs: number[] = [];
  for (let i = 0; i < 10; i++) {
    const { sentAt, answer } = send({ type: 'print', ticket: SAMPLE_TICKET });
    const { at, message } = await answer;
    if (message.type !== 'print.result' || !message.result.ok) throw new Error(`print failed: ${JSON.stringify(message)}`);
    jobs.push(at - sentAt);
  }
  const jobBytes = ticketToEscPos(SAMPLE_TICKET).length;
  const printerWire = wireMs(jobBytes + 8 * realtimeStatusRequest(1).length + 8);

  const rssKb = Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? NaN);
  ws.close();

  console.log(JSON.stringify({
    'idcard.read_ms_median': round(median(reads)),
    'idcard.wire_ms': round(idcardWire),
    'idcard.read_over_wire': round(median(reads) / idcardWire, 2),
    'printer.job_ms_median': round(median(jobs)),
    'printer.wire_ms': round(printerWire),
    'printer.job_bytes': jobBytes,
    'bridge.rss_mb': round(rssKb / 1024),
  }));
} finally {
  const exited = (process_: import('node:child_process').ChildProcess) => (process_.exitCode !== null || process_.signalCode !== null ? Promise.resolve() : new Promise((r) => process_.once('exit', r)));
  child.kill('SIGTERM');
  await exited(child);
  sims.stdin!.end();
  await exited(sims);
  rmSync(workDir, { recursive: true, force: true });
}
