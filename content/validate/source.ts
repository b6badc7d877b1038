// Reads a pack from a path a person typed: a folder, a zip, or a symlink to either (a pack folder reached through a
// link such as packs/current → packs/v3 is read; links inside the pack stay refused). Anything else (a FIFO, a device,
// a path that does not exist) gives one clear issue instead of a stack trace or a read that never returns.
import { lstatSync, readFileSync, statSync, type Stats } from 'node:fs';
import type { ManifestGate, ReadResult } from './files.ts';
import { mib, readPackFolder } from './folder.ts';
import { DEFAULT_LIMITS, type PackLimits } from './paths.ts';
import { issue } from './report.ts';
import { readPackZip } from './zip.ts';

const refused = (rule: string, problem: string): ReadResult => ({ files: new Map(), issues: [issue(rule, '', '', problem)] });

export function readPackSource(source: string, limits: PackLimits = DEFAULT_LIMITS, gate?: ManifestGate): ReadResult {
  let st: Stats;
  try {
    st = lstatSync(source).isSymbolicLink() ? statSync(source) : lstatSync(source);
  } catch {
    return refused('source.missing', `找不到内容包“${source}”（文件夹或 zip 文件不存在，或符号链接指向的位置不存在）`);
  }
  if (st.isDirectory()) return readPackFolder(source, limits);
  // Checked before any read: opening a FIFO would wait for a writer forever.
  if (!st.isFile()) return refused('source.not-file', `“${source}”不是文件夹也不是普通文件（是管道、设备或套接字），不能作为内容包读取`);
  if (st.size > limits.maxTotalBytes) return refused('safety.pack-too-large', `压缩包过大（${mib(st.size)}），不能超过 ${mib(limits.maxTotalBytes)}`);
  return readPackZip(new Uint8Array(readFileSync(source)), limits, gate);
}
