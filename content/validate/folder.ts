// Reads a pack folder without following symlinks or opening device files.
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReadResult } from './files.ts';
import { DEFAULT_LIMITS, isPackDir, pathProblem, type PackLimits } from './paths.ts';
import { issue } from './report.ts';

export function readPackFolder(dir: string, limits: PackLimits = DEFAULT_LIMITS): ReadResult {
  const result: ReadResult = { files: new Map(), issues: [] };
  let total = 0;
  // Said once: every file after the limit would otherwise repeat it.
  const tooBig = (rule: string, problem: string): void => {
    if (!result.issues.some((i) => i.rule === rule)) result.issues.push(issue(rule, '', '', problem));
  };
  const walk = (rel: string): void => {
    for (const name of readdirSync(join(dir, rel)).sort()) {
      const relPath = rel ? `${rel}/${name}` : name;
      const st = lstatSync(join(dir, relPath));
      if (st.isSymbolicLink()) {
        result.issues.push(issue('safety.symlink', relPath, '', '是符号链接，内容包不允许符号链接'));
      } else if (st.isDirectory()) {
        if (rel === '' && isPackDir(name)) walk(relPath);
        else result.issues.push(issue('safety.unknown-dir', `${relPath}/`, '', '不是内容包认识的目录'));
      } else if (!st.isFile()) {
        result.issues.push(issue('safety.device', relPath, '', '是设备文件、管道或套接字，内容包只允许普通文件'));
      } else {
        const problem = pathProblem(relPath);
        const limit = relPath.endsWith('.json') ? limits.maxJsonBytes : limits.maxFileBytes;
        if (problem) result.issues.push(issue('safety.path', relPath, '', problem));
        else if (st.size > limit) result.issues.push(issue('safety.file-too-large', relPath, '', `文件过大（${mib(st.size)}），单个文件不能超过 ${mib(limit)}`));
        else if (result.files.size >= limits.maxFiles) tooBig('safety.too-many-files', `文件数量超过 ${limits.maxFiles} 个`);
        else if ((total += st.size) > limits.maxTotalBytes) tooBig('safety.pack-too-large', `内容包总大小超过 ${mib(limits.maxTotalBytes)}`);
        else result.files.set(relPath, readFileSync(join(dir, relPath)));
      }
    }
  };
  walk('');
  return result;
}

export function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
