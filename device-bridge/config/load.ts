import { readFileSync, statSync } from 'node:fs';
import { BridgeConfigSchema, type BridgeConfig } from './schema.ts';

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Reads and validates a JSON config file; the error names the file and every bad field. */
export function loadConfigFile(path: string): BridgeConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ConfigError(`cannot read config ${path}: ${(error as Error).message}`);
  }
  const parsed = BridgeConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
    throw new ConfigError(`config ${path} is invalid: ${problems}`);
  }
  if (parsed.data.toolToken !== undefined) refuseIfShared(path);
  return parsed.data;
}

/** A config that holds the tool token is a secret: readable by anyone but its owner, any local user could use it. */
function refuseIfShared(path: string): void {
  const mode = statSync(path).mode & 0o777;
  if ((mode & 0o077) !== 0) {
    throw new ConfigError(`config ${path} holds toolToken but is readable by others (mode ${mode.toString(8).padStart(4, '0')}): chmod 600 it, owned by the bridge's service user`);
  }
}
