// The hall-server's key file: `scripts/hall-keys generate FILE` writes a new one (mode 600); `scripts/hall-keys rotate
// --keys-file FILE --data-dir DIR` makes a new encryption key current and re-seals every sealed field with it (stop the
// hall-server first). See protocol/hall/README.md, "Keys".
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { rotateEncryptionKey } from '../hall-server/core/key-rotation.ts';
import { KeyFileError, newKey, writeKeyFile } from '../hall-server/core/keys.ts';

const HELP = `hall-keys — 大厅服务密钥文件

  generate FILE                              write a new key file (mode 600; keep it outside the data dir)
  rotate --keys-file FILE --data-dir DIR     new encryption key; re-seal every sealed field (hall-server stopped)`;

function main(): void {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { 'keys-file': { type: 'string' }, 'data-dir': { type: 'string' }, help: { type: 'boolean', default: false } },
  });
  const [command, file] = positionals;
  if (values.help || !command) {
    console.log(HELP);
    return;
  }
  if (command === 'generate') {
    if (!file) throw new KeyFileError('generate needs the FILE to write');
    if (existsSync(file)) throw new KeyFileError(`${file} exists already; a new key file would make every sealed field unreadable`);
    writeKeyFile(resolve(file), { hmacKey: newKey(), encryptionKey: newKey(), previousEncryptionKeys: [] });
    console.log(`wrote ${file} (mode 600)`);
    return;
  }
  if (command === 'rotate') {
    if (!values['keys-file'] || !values['data-dir']) throw new KeyFileError('rotate needs --keys-file and --data-dir');
    const result = rotateEncryptionKey(resolve(values['keys-file']), resolve(values['data-dir']));
    console.log(JSON.stringify({ rotated: true, keyId: result.keyId, resealed: result.resealed }));
    return;
  }
  throw new KeyFileError(`unknown command ${command}\n${HELP}`);
}

try {
  main();
} catch (err) {
  console.error(`[hall-keys] ${err instanceof KeyFileError ? err.message : String(err)}`);
  process.exit(2);
}
