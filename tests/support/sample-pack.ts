// The sample pack's JSON files parsed with the content schemas, for unit tests of pure code that reads a pack.
import { readFileSync } from 'node:fs';
import { manifestSchema, packFileSchemas, type PackData } from '../../content/schema/index.ts';

const read = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../content/packs/sample/${name}`, import.meta.url), 'utf8'));

/** A fresh copy each call, so a test may change it. */
export function samplePackData(): PackData {
  return {
    manifest: manifestSchema.parse(read('manifest.json')),
    services: packFileSchemas['services.json'].parse(read('services.json')),
    windows: packFileSchemas['windows.json'].parse(read('windows.json')),
    staff: packFileSchemas['staff.json'].parse(read('staff.json')),
    evaluation: packFileSchemas['evaluation.json'].parse(read('evaluation.json')),
    calendar: packFileSchemas['calendar.json'].parse(read('calendar.json')),
    notices: packFileSchemas['notices.json'].parse(read('notices.json')),
  };
}
