// Standalone device simulators on socat pseudo-terminals, for running a bridge (or another program) against them as if
// they were real serial devices:
//   npx tsx device-bridge/simulate.ts [--dir DIR] [--printed-dir DIR] [--baud 115200]
// Prints one JSON line with the serial path of each device, then reads simulator commands (the protocol's
// SimCommand, one JSON object per line) on stdin and answers each with {"ok":true} or {"ok":false,"message":…}.
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { SimCommandSchema } from '../protocol/bridge/messages.ts';
import { SimulatorHub, SimCommandError } from './simulators/hub.ts';

const { values } = parseArgs({
  options: { dir: { type: 'string' }, 'printed-dir': { type: 'string', default: 'var/printed' }, baud: { type: 'string', default: '115200' } },
});
const hub = await SimulatorHub.create({
  serial: ['printer', 'idcard', 'sscard', 'scanner'],
  keypads: {},
  printedDir: values['printed-dir'] ?? 'var/printed',
  link: 'pty',
  lineBaud: Number(values.baud),
  ...(values.dir ? { ptyDir: values.dir } : {}),
});
const paths = Object.fromEntries((['printer', 'idcard', 'sscard', 'scanner'] as const).map((id) => [id, hub.hostPath(id)]));
process.stdout.write(`${JSON.stringify({ devices: paths })}\n`);

const reply = (body: object) => process.stdout.write(`${JSON.stringify(body)}\n`);
const lines = createInterface({ input: process.stdin });
lines.on('line', async (line) => {
  let command;
  try {
    command = SimCommandSchema.parse(JSON.parse(line));
  } catch (error) {
    reply({ ok: false, message: `not a simulator command: ${(error as Error).message.slice(0, 200)}` });
    return;
  }
  try {
    await hub.execute(command);
    reply({ ok: true });
  } catch (error) {
    reply({ ok: false, message: error instanceof SimCommandError ? error.message : (error as Error).message });
  }
});

const stop = async () => {
  await hub.close();
  process.exit(0);
};
lines.on('close', () => void stop());
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());
