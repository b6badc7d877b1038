// The simulated 社保卡 as a virtual card in pcscd's vpcd reader (Debian: vsmartcard-vpcd), to try a bridge configured
// with `"sscard": { "transport": "pcsc" }` without a card:
//   npx tsx device-bridge/simulate-vpcd.ts [--port 35963] [--preset senior] [--locked]
// Inserts the card at once; each Enter takes it out or puts it back; Ctrl-D or Ctrl-C takes it out and exits.
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { SimPresetSchema } from '../protocol/bridge/messages.ts';
import { SIM_PRESETS } from './simulators/identities.ts';
import { ssCardFor } from './simulators/ss-reader.ts';
import { VPCD_DEFAULT_PORT, VpcdCard } from './simulators/vpcd-card.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: String(VPCD_DEFAULT_PORT) },
    preset: { type: 'string', default: 'resident' },
    locked: { type: 'boolean', default: false },
  },
});
const preset = SimPresetSchema.safeParse(values.preset);
if (!preset.success) {
  process.stderr.write(`unknown --preset ${values.preset}; one of ${SimPresetSchema.options.join(', ')}\n`);
  process.exit(2);
}
const card = new VpcdCard(ssCardFor(SIM_PRESETS[preset.data], values.locked ?? false), Number(values.port));

async function toggle(): Promise<void> {
  if (card.inserted) {
    await card.remove();
    process.stdout.write('card removed\n');
    return;
  }
  try {
    await card.insert();
    process.stdout.write(`card inserted (${preset.data}${values.locked ? ', locked' : ''})\n`);
  } catch (error) {
    process.stdout.write(`${(error as Error).message}: is pcscd running with the vpcd driver?\n`);
  }
}

await toggle();
const lines = createInterface({ input: process.stdin });
lines.on('line', () => void toggle());
const stop = async () => {
  await card.remove();
  process.exit(0);
};
lines.on('close', () => void stop());
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());
