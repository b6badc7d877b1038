// Reading a pack from a path a person typed, with the file-system objects that used to crash (EISDIR through a
// symlink) or hang (a FIFO): real links and real FIFOs in a temp dir.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatIssue } from './report.ts';
import { readPackSource } from './source.ts';

const SAMPLE = resolve(import.meta.dirname, '../packs/sample');
const dir = mkdtempSync(join(tmpdir(), 'pack-source-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const messages = (source: string) => readPackSource(source).issues.map(formatIssue);

describe('readPackSource', () => {
  it('follows a symlink to a pack folder and reads every file', () => {
    const link = join(dir, 'current');
    symlinkSync(SAMPLE, link);
    const read = readPackSource(link);
    expect(read.issues).toEqual([]);
    expect(read.files.has('manifest.json')).toBe(true);
    expect(read.files.size).toBe(readPackSource(SAMPLE).files.size);
  });

  it('refuses a FIFO at once instead of waiting for a writer', () => {
    const fifo = join(dir, 'pack.fifo');
    execFileSync('mkfifo', [fifo]);
    expect(messages(fifo)).toEqual([`“${fifo}”不是文件夹也不是普通文件（是管道、设备或套接字），不能作为内容包读取`]);
  });

  it('names a dangling link as missing', () => {
    const dangling = join(dir, 'gone');
    symlinkSync(join(dir, 'nowhere'), dangling);
    expect(messages(dangling)).toEqual([`找不到内容包“${dangling}”（文件夹或 zip 文件不存在，或符号链接指向的位置不存在）`]);
  });

  it('inside a pack folder, neither follows a symlink (to /etc/passwd) nor opens a FIFO: each is named', () => {
    const pack = join(dir, 'pack');
    cpSync(SAMPLE, pack, { recursive: true });
    unlinkSync(join(pack, 'services.json'));
    symlinkSync('/etc/passwd', join(pack, 'services.json'));
    unlinkSync(join(pack, 'notices.json'));
    execFileSync('mkfifo', [join(pack, 'notices.json')]);
    const read = readPackSource(pack);
    expect(read.files.has('services.json')).toBe(false);
    expect(read.files.has('notices.json')).toBe(false);
    expect(read.issues.map(formatIssue)).toEqual([
      'notices.json: 是设备文件、管道或套接字，内容包只允许普通文件',
      'services.json: 是符号链接，内容包不允许符号链接',
    ]);
  });
});
