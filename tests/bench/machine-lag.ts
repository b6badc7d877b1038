// The machine's own share of a stall: a separate, nearly idle Node process that sets a 1 ms timer again and again and
// records how late each one fires. A hall gap that this process also saw (the whole machine or its virtual CPU was held
// up) is not the hall's loop being busy; the stall benchmark reports both, so an outlier can be read for what it is.
import { type ChildProcess, spawn } from 'node:child_process';

const SOURCE = `
let last = performance.now();
let maxLateMs = 0;
const tick = () => {
  const now = performance.now();
  maxLateMs = Math.max(maxLateMs, now - last - 1);
  last = now;
  setTimeout(tick, 1);
};
setTimeout(tick, 1);
process.on('SIGTERM', () => {
  process.stdout.write(JSON.stringify({ maxLateMs }) + '\\n', () => process.exit(0));
});
console.log('ready');
`;

export interface MachineLag {
  /** Stops the process and answers the latest a 1 ms timer fired meanwhile, in ms. */
  stop(): Promise<number>;
}

export async function startMachineLag(): Promise<MachineLag> {
  const child: ChildProcess = spawn(process.execPath, ['-e', SOURCE], { stdio: ['ignore', 'pipe', 'inherit'] });
  process.once('exit', () => child.kill('SIGKILL'));
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  await new Promise<void>((ok, fail) => {
    child.stdout!.on('data', () => out.includes('ready') && ok());
    child.once('exit', (code) => fail(new Error(`machine lag process exited ${code}`)));
  });
  return {
    async stop() {
      const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
      child.kill('SIGTERM');
      await exited;
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (!line) throw new Error('machine lag process gave no answer');
      return Math.round((JSON.parse(line) as { maxLateMs: number }).maxLateMs * 10) / 10;
    },
  };
}
