// Safe zip reading and writing for packs. Reading walks the central directory itself so that it sees every entry's
// type (symlink, device), declared sizes and compression ratio before inflating anything. With a manifest gate it
// then reads manifest.json and manifest.sig first and inflates only the files the signed manifest lists, each in small
// steps against its listed size and hash, so an unsigned or untrusted zip is refused before anything big is inflated.
import { createHash } from 'node:crypto';
import { Inflate, zipSync, type Zippable } from 'fflate';
import { MANIFEST_FILE, SIGNATURE_FILE } from '../schema/index.ts';
import type { ListedFile, ManifestGate, PackFiles, ReadResult } from './files.ts';
import { mib } from './folder.ts';
import { DEFAULT_LIMITS, isPackDir, pathProblem, type PackLimits } from './paths.ts';
import { issue } from './report.ts';

const EOCD_SIG = 0x06054b50;
const CEN_SIG = 0x02014b50;
const LOC_SIG = 0x04034b50;
const INFLATE_STEP = 16 * 1024;

interface CentralEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  unixMode: number | null;
  localOffset: number;
}

class ZipFormatError extends Error {}

function findEocd(view: DataView): number {
  const min = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let i = view.byteLength - 22; i >= min; i--) if (view.getUint32(i, true) === EOCD_SIG) return i;
  throw new ZipFormatError('不是有效的 zip 压缩包（找不到目录结尾）');
}

function centralDirectory(bytes: Uint8Array): CentralEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 22) throw new ZipFormatError('不是有效的 zip 压缩包（文件太短）');
  const eocd = findEocd(view);
  const count = view.getUint16(eocd + 10, true);
  const cdSize = view.getUint32(eocd + 12, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || cdOffset === 0xffffffff) throw new ZipFormatError('不支持 ZIP64 格式的超大压缩包');
  if (cdOffset + cdSize > eocd) throw new ZipFormatError('zip 压缩包目录损坏');
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const entries: CentralEntry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > eocd || view.getUint32(p, true) !== CEN_SIG) throw new ZipFormatError('zip 压缩包目录损坏');
    const madeBy = view.getUint16(p + 4, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const external = view.getUint32(p + 38, true);
    let name: string;
    try {
      name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLen));
    } catch {
      throw new ZipFormatError('zip 压缩包中有无法识别编码的文件名');
    }
    entries.push({
      name,
      flags: view.getUint16(p + 8, true),
      method: view.getUint16(p + 10, true),
      compressedSize: view.getUint32(p + 20, true),
      size: view.getUint32(p + 24, true),
      unixMode: madeBy >> 8 === 3 ? external >>> 16 : null,
      localOffset: view.getUint32(p + 42, true),
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

const S_IFMT = 0o170000;
const S_IFDIR = 0o040000;
const S_IFREG = 0o100000;
const S_IFLNK = 0o120000;

/** Inflates one entry into `out` (sized to the entry's declared size), refusing to produce more than that; `hash`
 * sees every byte as it is produced. Answers the bytes produced (a view of `out`), or null past the limit. */
function inflateBounded(data: Uint8Array, out: Uint8Array, hash?: ReturnType<typeof createHash>): Uint8Array | null {
  const limit = out.length;
  let produced = 0;
  let over = false;
  const inflater = new Inflate((chunk) => {
    if (over) return;
    if (produced + chunk.length > limit) {
      over = true;
      return;
    }
    out.set(chunk, produced);
    produced += chunk.length;
    hash?.update(chunk);
  });
  for (let off = 0; off < data.length && !over; off += INFLATE_STEP) {
    inflater.push(data.subarray(off, Math.min(off + INFLATE_STEP, data.length)), off + INFLATE_STEP >= data.length);
  }
  return over ? null : out.subarray(0, produced);
}

/** One inflation buffer for a whole read, as large as its largest entry: each entry is inflated and checked in it and
 * copied out only when it is kept, so entries refused for their hash (a bomb of altered files) never hold memory of
 * their own, and a kept entry costs its size once. */
class InflateBuffer {
  private buffer: Uint8Array | null = null;

  constructor(private readonly largest: number) {}

  take(size: number): Uint8Array {
    this.buffer ??= new Uint8Array(this.largest);
    return this.buffer.subarray(0, size);
  }
}

/** Files the macOS Finder adds to a zip it makes ("__MACOSX/…", "._name", ".DS_Store"): never part of a pack. */
const isFinderJunk = (name: string): boolean => name.startsWith('__MACOSX/') || /(^|\/)(\.DS_Store|\._[^/]*)$/.test(name);

type Layout = { folder: string } | { mistake: string } | null;

/**
 * Zips made by the operating system ("compress folder") put everything under the folder's name. When there is no
 * manifest.json at the top but one folder (at any depth) holds it and every other entry, that folder is the pack.
 * When other entries sit beside that folder, the manager zipped the folder above the pack: said once, by name.
 */
function packLayout(entries: CentralEntry[]): Layout {
  if (entries.some((e) => e.name === MANIFEST_FILE)) return null;
  const manifests = entries.filter((e) => e.name.endsWith(`/${MANIFEST_FILE}`));
  if (manifests.length === 0) return null;
  const folder = manifests[0]!.name.slice(0, -MANIFEST_FILE.length);
  if (folder.split('/').some((seg) => seg === '..' || seg === '.') || folder.startsWith('/')) return null;
  const outside = entries.filter((e) => !e.name.startsWith(folder) && !folder.startsWith(e.name));
  if (manifests.length === 1 && outside.length === 0) return { folder };
  return {
    mistake: `压缩包里的内容包在文件夹“${folder}”中，旁边还有${manifests.length > 1 ? `另外 ${manifests.length - 1} 个内容包` : `“${outside[0]!.name}”等其他文件`}：像是把内容包的上一级文件夹整个压缩了。请打开内容包文件夹，选中其中的全部文件后再压缩（或用 pack build 打包）`,
  };
}

interface Candidate {
  entry: CentralEntry;
  raw: Uint8Array;
  limit: number;
}

/** Reads a pack zip into memory; any unsafe entry is reported and not extracted. With `gate`, manifest.json and
 * manifest.sig are read first and only what the gate lets through is inflated (see ManifestGate). */
export function readPackZip(bytes: Uint8Array, limits: PackLimits = DEFAULT_LIMITS, gate?: ManifestGate): ReadResult {
  const result: ReadResult = { files: new Map(), issues: [], warnings: [], verified: new Set() };
  let entries: CentralEntry[];
  try {
    entries = centralDirectory(bytes);
  } catch (e) {
    if (e instanceof ZipFormatError) {
      result.issues.push(issue('zip.format', '', '', e.message));
      return result;
    }
    throw e;
  }
  const junk = entries.filter((e) => isFinderJunk(e.name));
  if (junk.length > 0) {
    result.warnings!.push(issue('zip.macosx', '', '', `压缩包中有 macOS 访达自动加入的 __MACOSX / .DS_Store 文件（${junk.length} 个），已忽略；用 pack build 打包可以避免`));
    entries = entries.filter((e) => !isFinderJunk(e.name) && e.name !== '__MACOSX/');
  }
  if (entries.length > limits.maxFiles) {
    result.issues.push(issue('safety.too-many-files', '', '', `压缩包中有 ${entries.length} 个文件，超过上限 ${limits.maxFiles} 个`));
    return result;
  }
  const backslashed = entries.filter((e) => e.name.includes('\\'));
  if (backslashed.length > 0) {
    result.issues.push(issue('zip.backslash', '', '', `压缩包中有 ${backslashed.length} 个路径用了反斜杠“\\”（例如“${backslashed[0]!.name}”），这是 Windows PowerShell 的 Compress-Archive 打的包，别的系统无法正确解开。请用 pack build 打包，或用 7-Zip 重新压缩`));
    return result;
  }
  const layout = packLayout(entries);
  if (layout && 'mistake' in layout) {
    result.issues.push(issue('zip.parent-folder', '', '', layout.mistake));
    return result;
  }
  const folder = layout?.folder ?? null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const candidates: Candidate[] = [];
  let total = 0;
  for (const e of entries) {
    if (folder) {
      if (folder.startsWith(e.name)) continue;
      e.name = e.name.slice(folder.length);
    }
    const type = e.unixMode === null ? null : e.unixMode & S_IFMT;
    const isDir = e.name.endsWith('/') || type === S_IFDIR;
    if (type === S_IFLNK) {
      result.issues.push(issue('safety.symlink', e.name, '', '是符号链接，内容包不允许符号链接'));
      continue;
    }
    if (type !== null && type !== 0 && type !== S_IFREG && type !== S_IFDIR) {
      result.issues.push(issue('safety.device', e.name, '', '是设备文件、管道或套接字，内容包只允许普通文件'));
      continue;
    }
    if (isDir) {
      const dirName = e.name.replace(/\/$/, '');
      const problem = pathProblem(`${dirName}/x.png`);
      if (!isPackDir(dirName)) result.issues.push(issue(problem && problem.includes('..') ? 'safety.path' : 'safety.unknown-dir', e.name, '', problem && !problem.startsWith('不支持') ? problem : '不是内容包认识的目录'));
      continue;
    }
    const problem = pathProblem(e.name);
    if (problem) {
      result.issues.push(issue('safety.path', e.name, '', problem));
      continue;
    }
    if (e.flags & 1) {
      result.issues.push(issue('zip.encrypted', e.name, '', '是加密的文件，无法读取'));
      continue;
    }
    if (e.method !== 0 && e.method !== 8) {
      result.issues.push(issue('zip.method', e.name, '', '使用了不支持的压缩方式（只支持存储和 Deflate）'));
      continue;
    }
    const limit = e.name.endsWith('.json') ? limits.maxJsonBytes : limits.maxFileBytes;
    if (e.size > limit) {
      result.issues.push(issue('safety.file-too-large', e.name, '', `文件过大（${mib(e.size)}），单个文件不能超过 ${mib(limit)}`));
      continue;
    }
    if (e.method === 8 && e.size > limits.ratioFloorBytes && e.size > e.compressedSize * limits.maxRatio) {
      result.issues.push(issue('safety.zip-bomb', e.name, '', `压缩比异常（${Math.round(e.size / Math.max(1, e.compressedSize))}:1），疑似压缩炸弹`));
      continue;
    }
    if ((total += e.size) > limits.maxTotalBytes) {
      result.issues.push(issue('safety.pack-too-large', '', '', `内容包解压后总大小超过 ${mib(limits.maxTotalBytes)}`));
      break;
    }
    if (e.localOffset + 30 > bytes.byteLength || view.getUint32(e.localOffset, true) !== LOC_SIG) {
      result.issues.push(issue('zip.format', e.name, '', 'zip 压缩包中该文件的数据损坏'));
      continue;
    }
    const start = e.localOffset + 30 + view.getUint16(e.localOffset + 26, true) + view.getUint16(e.localOffset + 28, true);
    const raw = bytes.subarray(start, start + e.compressedSize);
    if (raw.length !== e.compressedSize) {
      result.issues.push(issue('zip.format', e.name, '', 'zip 压缩包被截断，该文件不完整'));
      continue;
    }
    if (candidates.some((c) => c.entry.name === e.name)) {
      result.issues.push(issue('zip.duplicate', e.name, '', '压缩包中出现了两次'));
      continue;
    }
    candidates.push({ entry: e, raw, limit });
  }
  const inflated = new InflateBuffer(Math.max(0, ...candidates.map((c) => Math.min(c.entry.size, c.limit))));
  if (!gate) {
    for (const c of candidates) extract(c, null, result, inflated);
    return result;
  }
  const head = (name: string): Uint8Array | null => {
    const c = candidates.find((x) => x.entry.name === name);
    return c ? extract(c, null, result, inflated) : null;
  };
  const manifest = head(MANIFEST_FILE);
  const signature = head(SIGNATURE_FILE);
  const listed = manifest ? gate(manifest, signature) : null;
  if (!listed) {
    result.stoppedAtManifest = true;
    return result;
  }
  for (const c of candidates) {
    const name = c.entry.name;
    if (name === MANIFEST_FILE || name === SIGNATURE_FILE) continue;
    const want = listed.get(name);
    if (!want) {
      result.issues.push(issue('manifest.unlisted-file', name, '', UNLISTED));
      result.verified!.add(name);
    } else if (c.entry.size !== want.size) {
      result.issues.push(issue('manifest.size-mismatch', name, '', sizeMismatch(c.entry.size, want.size)));
      result.verified!.add(name);
    } else {
      extract(c, want, result, inflated);
    }
  }
  return result;
}

export const UNLISTED = '不在文件清单中（未知文件），不允许';
export const sizeMismatch = (actual: number, listed: number): string => `文件大小（${actual} 字节）与清单记录（${listed} 字节）不符，文件可能被改动过`;
export const HASH_MISMATCH = '文件校验值与清单不符，文件在签名后被改动过';

/** Inflates one candidate (checked against its manifest entry when given) into `result`; the bytes, or null. */
function extract(c: Candidate, want: ListedFile | null, result: ReadResult, inflated: InflateBuffer): Uint8Array | null {
  const e = c.entry;
  const hash = want ? createHash('sha256') : undefined;
  // Checked against the manifest here, whatever the outcome: the validator does not report it a second time.
  if (want) result.verified!.add(e.name);
  let data: Uint8Array | null;
  try {
    if (e.method === 0) {
      data = c.raw;
      hash?.update(data);
    } else data = inflateBounded(c.raw, inflated.take(Math.min(e.size, c.limit)), hash);
  } catch {
    result.issues.push(issue('zip.format', e.name, '', '该文件解压失败，压缩包可能已损坏'));
    return null;
  }
  if (data === null) {
    result.issues.push(issue('safety.zip-bomb', e.name, '', '解压后的大小超过压缩包中声明的大小，疑似压缩炸弹'));
    return null;
  }
  if (data.length !== e.size) {
    result.issues.push(issue('zip.format', e.name, '', '解压后的大小与声明不符，压缩包可能已损坏'));
    return null;
  }
  if (want && hash) {
    if (hash.digest('hex') !== want.sha256) {
      result.issues.push(issue('manifest.hash-mismatch', e.name, '', HASH_MISMATCH));
      return null;
    }
  }
  // Kept: its own copy, out of the shared buffer (or of the upload, for a stored entry).
  const kept = data.slice();
  result.files.set(e.name, kept);
  return kept;
}

/** Builds a deterministic zip of a pack (fixed timestamps, sorted names; media already compressed is stored). */
export function writePackZip(files: PackFiles): Uint8Array {
  const tree: Zippable = {};
  const mtime = new Date('2026-01-01T00:00:00Z');
  for (const name of [...files.keys()].sort()) {
    if (pathProblem(name)) throw new Error(`refusing to zip unsafe name ${name}`);
    const compressed = /\.(png|jpe?g|webp|mp3|mp4|webm|ogg)$/i.test(name);
    tree[name] = [files.get(name)!, { level: compressed ? 0 : 6, mtime }];
  }
  return zipSync(tree);
}
