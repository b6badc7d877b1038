// Generates placeholder staff portraits for the sample pack: a flat silhouette (head and shoulders) on a coloured
// background. No real faces. Usage: npx tsx content/tools/staff-photos.ts [pack-dir]
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { staffFileSchema } from '../schema/index.ts';
import { encodePng } from './png.ts';

const W = 240;
const H = 320;
const backgrounds: [number, number, number][] = [
  [38, 92, 160], [22, 120, 110], [120, 70, 150], [170, 90, 40], [60, 110, 60], [150, 50, 70], [70, 80, 100], [30, 110, 150],
];

export function portrait(seed: number): Buffer {
  const bg = backgrounds[seed % backgrounds.length]!;
  const fg: [number, number, number] = [235, 238, 242];
  const rgb = new Uint8Array(W * H * 3);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const head = (x - W / 2) ** 2 / 52 ** 2 + (y - 125) ** 2 / 62 ** 2 <= 1;
      const shoulders = y > 205 && (x - W / 2) ** 2 / 105 ** 2 + (y - 320) ** 2 / 115 ** 2 <= 1;
      const c = head || shoulders ? fg : bg;
      rgb.set(c, (y * W + x) * 3);
    }
  }
  return encodePng(W, H, rgb);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const packDir = process.argv[2] ?? 'content/packs/sample';
  const staff = staffFileSchema.parse(JSON.parse(readFileSync(join(packDir, 'staff.json'), 'utf8')));
  staff.forEach((s, i) => {
    const out = join(packDir, s.photo);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, portrait(i));
  });
  console.log(`${staff.length} portraits written`);
}
