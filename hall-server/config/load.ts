// Reads a hall config file with clear errors (missing file, bad JSON, schema problems).
import { readFileSync } from 'node:fs';
import { describeIssues, HallConfig, type HallConfigInput } from './schema.ts';

export class ConfigError extends Error {}

export function parseHallConfig(input: unknown, source = 'config'): HallConfig {
  const parsed = HallConfig.safeParse(input);
  if (!parsed.success) throw new ConfigError(`配置文件 ${source} 有误：\n${describeIssues(parsed.error)}`);
  return parsed.data;
}

export function loadHallConfigFile(file: string, overrides: Partial<HallConfigInput> = {}): HallConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new ConfigError(`找不到配置文件 ${file}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new ConfigError(`配置文件 ${file} 不是有效的 JSON：${(err as Error).message}`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new ConfigError(`配置文件 ${file} 应是一个 JSON 对象`);
  return parseHallConfig({ ...json, ...overrides }, file);
}
