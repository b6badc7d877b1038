// What the content pack must carry for the standards, checked on the schema (every pack) and the sample hall.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hallInfoSchema } from '../../content/schema/manifest.ts';
import { guideSchema } from '../../content/schema/services.ts';

const SAMPLE = join(import.meta.dirname, '../../content/packs/sample');
const read = <T>(file: string): T => JSON.parse(readFileSync(join(SAMPLE, file), 'utf8')) as T;
const manifest = read<{ hall: Record<string, unknown> }>('manifest.json');
const services = read<Array<{ name: string; mainItem: { name: string }; guide: Record<string, unknown> }>>('services.json');

describe('the sample hall and the pack schema', () => {
  it('DB21/T 4402 §5: the sample hall offers the window items §5 lists', () => {
    const names = services.map((s) => `${s.mainItem.name} ${s.name}`).join('\n');
    for (const item of ['参保登记', '参保信息变更登记', '退费', '查询', '待遇认定', '手工（零星）报销', '生育']) expect(names).toContain(item);
  });

  it('DB21/T 4402 §10: a pack cannot leave out what the hall must disclose (address, hours, duties, commitments, phones)', () => {
    expect(hallInfoSchema.safeParse(manifest.hall).success).toBe(true);
    for (const field of ['address', 'hours', 'consultPhone', 'complaintPhone', 'duties', 'commitments']) {
      const { [field]: _left, ...without } = manifest.hall;
      expect(hallInfoSchema.safeParse(without).success, field).toBe(false);
    }
  });

  it('DB21/T 4402 §10: every item guide discloses its agency, hours, time limit and consultation and supervision phones', () => {
    for (const s of services) expect(guideSchema.safeParse(s.guide).success, s.name).toBe(true);
    for (const field of ['agency', 'hours', 'timeLimit', 'consultPhone', 'supervisePhone', 'materials']) {
      const { [field]: _left, ...without } = services[0]!.guide;
      expect(guideSchema.safeParse(without).success, field).toBe(false);
    }
  });
});
