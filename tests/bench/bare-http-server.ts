// What this machine can do at all for a burst of small JSON commands: a bare Node HTTP server in a process of its own,
// started like the bench hall (plain `node`, the hall's V8 flags and allocator settings), that reads each body, parses
// it and answers 201 with a small JSON body on the next turn of its event loop (as the hall's group commit does), with
// no database, no validation and no security headers. The ratings benchmark sends it the same bursts as the hall, in
// the same rounds, so its p99 is the floor under the hall's on the same machine at the same moment.
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { HALL_PROCESS_ENV } from '../../scripts/build-servers.ts';
import { BENCH_HALL_NODE_FLAGS } from './bench-hall.ts';

const SOURCE = `
import { createServer } from 'node:http';
const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    const command = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    setImmediate(() => {
      const answer = JSON.stringify({ id: command.id, at: new Date().toISOString() });
      res.writeHead(201, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(answer) });
      res.end(answer);
    });
  });
});
server.keepAliveTimeout = 0;
server.listen(0, '127.0.0.1', () => console.log(JSON.stringify({ ready: true, port: server.address().port })));
process.on('SIGTERM', () => process.exit(0));
`;

export interface BareServer {
  child: ChildProcess;
  url: string;
}

export async function startBareServer(): Promise<BareServer> {
  const child = spawn(process.execPath, [...BENCH_HALL_NODE_FLAGS, '--input-type=module', '-e', SOURCE], {
    env: { ...HALL_PROCESS_ENV, ...process.env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  process.once('exit', () => child.kill('SIGKILL'));
  const port = await new Promise<number>((ok, fail) => {
    createInterface({ input: child.stdout! }).on('line', (l) => l.startsWith('{"ready"') && ok((JSON.parse(l) as { port: number }).port));
    child.once('exit', (c) => fail(new Error(`bare server exited ${c}`)));
  });
  return { child, url: `http://127.0.0.1:${port}` };
}

export async function stopBareServer(server: BareServer): Promise<void> {
  const exited = new Promise<void>((ok) => server.child.once('exit', () => ok()));
  server.child.kill('SIGTERM');
  await exited;
}
