// Region administration from a shell, until the region console covers it: npx tsx scripts/region.ts <command> [options]
// Every command takes --database-url (or $DATABASE_URL); publishing signs with the region's key file (--keys-file, or
// $CREDENTIALS_DIRECTORY/region-keys.json; or a bare PEM with --key), kept apart from the database, mode 600.
import { readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { siteLevelSchema, SITE_LEVELS } from '../protocol/region/sync.ts';
import { seedDemoCatalogue } from '../region-server/catalogue/demo.ts';
import { publishSitePack } from '../region-server/catalogue/store.ts';
import { migrate } from '../region-server/db/migrate.ts';
import { createEnrolmentCode, createSite } from '../region-server/sites/enrol.ts';
import { generateRegionKeyFile, loadRegionKeys, resolveRegionKeyFile, writeRegionKeyFile } from '../region-server/keys.ts';

const USAGE = `npx tsx scripts/region.ts <command> --database-url URL [options]

  migrate                                   apply the region's SQL migrations
  site-add --id ID --name NAME --level L    a new site (L: ${SITE_LEVELS.join(' | ')})
  enrol-code --id ID                        a one-time code (24 h) the hall enters to enrol
  seed-demo-catalogue                       the demo catalogue and region-wide content (sample data)
  publish --id ID [--keys-file FILE]        build and sign the site's pack if its content changed (--key PEM: a bare key)
  keygen --keys-file FILE                   a new region key file (signing + sealing keys), mode 600
`;

function readKey(path: string): string {
  if ((statSync(path).mode & 0o077) !== 0) throw new Error(`${path} is readable by others: chmod 600 it`);
  return readFileSync(path, 'utf8');
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      'database-url': { type: 'string' },
      id: { type: 'string' },
      name: { type: 'string' },
      level: { type: 'string' },
      key: { type: 'string' },
      'keys-file': { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  const command = positionals[0];
  if (command === 'keygen') {
    const path = values['keys-file'];
    if (!path) throw new Error('keygen needs --keys-file');
    writeRegionKeyFile(path, generateRegionKeyFile());
    process.stdout.write(`region key file written: ${path}\n`);
    return 0;
  }
  const url = values['database-url'] ?? process.env.DATABASE_URL;
  if (values.help || !command || !url) {
    process.stdout.write(USAGE);
    return values.help ? 0 : 2;
  }
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  try {
    const need = (name: 'id' | 'name' | 'level' | 'key'): string => {
      const value = values[name];
      if (!value) throw new Error(`${command} needs --${name}`);
      return value;
    };
    switch (command) {
      case 'migrate':
        process.stdout.write(`applied: ${(await migrate(pool)).join(', ') || 'nothing new'}\n`);
        return 0;
      case 'site-add':
        await createSite(pool, { id: need('id'), name: need('name'), level: siteLevelSchema.parse(need('level')) }, 'cli');
        process.stdout.write(`site ${values.id} added\n`);
        return 0;
      case 'enrol-code':
        process.stdout.write(`${await createEnrolmentCode(pool, need('id'), 'cli')}\n`);
        return 0;
      case 'seed-demo-catalogue':
        await seedDemoCatalogue(pool);
        process.stdout.write('demo catalogue saved\n');
        return 0;
      case 'publish': {
        const keysFile = resolveRegionKeyFile(values['keys-file'], process.env);
        const pem = values.key || !keysFile ? readKey(need('key')) : loadRegionKeys(keysFile).signingKeyPem;
        const published = await publishSitePack(pool, need('id'), pem, 'cli');
        process.stdout.write(published.changed ? `version ${published.version} published\n` : `unchanged (version ${published.version})\n`);
        return 0;
      }
      default:
        process.stdout.write(USAGE);
        return 2;
    }
  } finally {
    await pool.end();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`${(err as Error).message}\n`);
    process.exit(1);
  },
);
