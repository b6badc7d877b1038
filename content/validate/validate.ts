// The one validation entry point, used by the CLI (scripts/pack.ts), the hall-server packs module and (through the
// report it returns) the console's report view.
import { createHash } from 'node:crypto';
import { lstatSync, readFileSync } from 'node:fs';
import {
  MANIFEST_FILE,
  manifestSchema,
  PACK_JSON_FILES,
  packFileSchemas,
  SIGNATURE_FILE,
  type Manifest,
  type PackData,
} from '../schema/index.ts';
import type { PackFiles, ReadResult } from './files.ts';
import { mib, readPackFolder } from './folder.ts';
import { DEFAULT_LIMITS, type PackLimits } from './paths.ts';
import { compareVersions, PRODUCT_VERSION } from './product.ts';
import { issue, type PackIssue, type ValidationReport } from './report.ts';
import { crossFileRules } from './rules.ts';
import { verifyManifest } from './sign.ts';
import { voiceClipRules } from './voice-clips.ts';
import { readPackZip } from './zip.ts';
import { zodIssues } from './zod-messages.ts';

export interface ValidateOptions {
  /** Raw base64url Ed25519 public keys the hall trusts. */
  trustedKeys: readonly string[];
  /** Version of the pack now active; the new one must be higher. */
  activeVersion?: number | null;
  /** Pack id of the active pack. Versions only go up within one pack id; a pack with another id replaces the hall's
   * content line (allowed, with a warning), e.g. from the sample to the hall's own pack. */
  activePackId?: string | null;
  /** Skip the signature check (only `pack validate --unsigned` while editing a pack). */
  unsigned?: boolean;
  productVersion?: string;
  now?: Date;
  limits?: PackLimits;
}

export interface ValidationResult {
  report: ValidationReport;
  /** The parsed content when the report is ok. */
  data: PackData | null;
  /** The files read (only meaningful when ok). */
  files: PackFiles;
  /** Every file parsed against its schema, even if cross-file rules failed (for diffs of a pack being edited). */
  content: PackData | null;
}

const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');
const decoder = new TextDecoder('utf-8', { fatal: true });

function parseJson(file: string, bytes: Uint8Array, errors: PackIssue[]): unknown {
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    errors.push(issue('json.encoding', file, '', '文件不是 UTF-8 编码，请用 UTF-8 保存'));
    return undefined;
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const m = /position (\d+)/.exec(String(e));
    const line = m ? text.slice(0, Number(m[1])).split('\n').length : null;
    errors.push(issue('json.syntax', file, line ? `第${line}行附近` : '', 'JSON 格式错误（请检查逗号、引号和括号是否成对）'));
    return undefined;
  }
}

function checkManifestFiles(manifest: Manifest, files: PackFiles, errors: PackIssue[]): void {
  const listed = new Map(manifest.files.map((f) => [f.path, f]));
  for (const f of manifest.files) {
    if (f.path === MANIFEST_FILE || f.path === SIGNATURE_FILE) {
      errors.push(issue('manifest.lists-itself', MANIFEST_FILE, '文件清单', `不应列出 ${f.path}`));
      continue;
    }
    const bytes = files.get(f.path);
    if (!bytes) errors.push(issue('manifest.missing-file', f.path, '', '文件清单中列出了该文件，但内容包里没有'));
    else if (bytes.length !== f.size) errors.push(issue('manifest.size-mismatch', f.path, '', `文件大小（${bytes.length} 字节）与清单记录（${f.size} 字节）不符，文件可能被改动过`));
    else if (sha256(bytes) !== f.sha256) errors.push(issue('manifest.hash-mismatch', f.path, '', '文件校验值与清单不符，文件在签名后被改动过'));
  }
  for (const path of files.keys()) {
    if (path !== MANIFEST_FILE && path !== SIGNATURE_FILE && !listed.has(path)) {
      errors.push(issue('manifest.unlisted-file', path, '', '不在文件清单中（未知文件），不允许'));
    }
  }
  for (const f of PACK_JSON_FILES) {
    if (!files.has(f)) errors.push(issue('pack.missing-json', f, '', '缺少该文件'));
  }
}

/** Validates files already read (and safety-checked) from a folder or a zip. */
export function validatePackFiles(read: ReadResult, opts: ValidateOptions): ValidationResult {
  const errors: PackIssue[] = [...read.issues];
  const warnings: PackIssue[] = [];
  const files = read.files;
  const done = (summary: ValidationReport['summary'] = null, data: PackData | null = null): ValidationResult => ({
    report: { ok: errors.length === 0, errors, warnings, summary },
    data: errors.length === 0 ? data : null,
    files,
    content: data,
  });

  const manifestBytes = files.get(MANIFEST_FILE);
  if (!manifestBytes) {
    errors.push(issue('manifest.missing', MANIFEST_FILE, '', '缺少 manifest.json，无法识别内容包'));
    return done();
  }
  const manifestJson = parseJson(MANIFEST_FILE, manifestBytes, errors);
  if (manifestJson === undefined) return done();
  const parsedManifest = manifestSchema.safeParse(manifestJson);
  if (!parsedManifest.success) {
    errors.push(...zodIssues(MANIFEST_FILE, manifestJson, parsedManifest.error));
    return done();
  }
  const manifest = parsedManifest.data;

  let signedBy: string | null = null;
  if (!opts.unsigned) {
    const sig = files.get(SIGNATURE_FILE);
    if (!sig) errors.push(issue('signature.missing', SIGNATURE_FILE, '', '内容包没有签名，不能使用（请用 pack sign 签名）'));
    else {
      const check = verifyManifest(manifestBytes, sig, opts.trustedKeys);
      if (check.ok) signedBy = check.keyId;
      else if (check.reason === 'malformed') errors.push(issue('signature.malformed', SIGNATURE_FILE, '', '签名文件格式不正确'));
      else if (check.reason === 'untrusted') errors.push(issue('signature.untrusted', SIGNATURE_FILE, '', `签名密钥（${check.keyId}）不在本大厅信任的密钥列表中`));
      else errors.push(issue('signature.invalid', SIGNATURE_FILE, '', '签名校验失败：manifest.json 在签名后被改动过，或签名不属于它'));
    }
  }

  const product = opts.productVersion ?? PRODUCT_VERSION;
  if (compareVersions(product, manifest.product.min) < 0 || compareVersions(product, manifest.product.max) > 0) {
    errors.push(issue('manifest.product', MANIFEST_FILE, '适用软件版本', `内容包适用于 ${manifest.product.min}—${manifest.product.max}，本系统是 ${product}`));
  }
  const otherLine = opts.activePackId != null && opts.activePackId !== manifest.packId;
  if (otherLine) {
    warnings.push(issue('manifest.other-pack', MANIFEST_FILE, '内容包标识', `是“${manifest.packId}”，与正在使用的“${opts.activePackId}”不同：启用后将整体替换为这个内容包`));
  } else if (opts.activeVersion != null && manifest.version <= opts.activeVersion) {
    errors.push(issue('manifest.version-not-newer', MANIFEST_FILE, '版本号', `版本 ${manifest.version} 不高于正在使用的版本 ${opts.activeVersion}；新内容包的版本号必须更大（要回到旧版本请用“回退”）`));
  }

  checkManifestFiles(manifest, files, errors);

  const parsed: Record<string, unknown> = {};
  const raw: Record<string, unknown> = {};
  for (const f of PACK_JSON_FILES) {
    const bytes = files.get(f);
    if (!bytes) continue;
    const json = parseJson(f, bytes, errors);
    if (json === undefined) continue;
    raw[f] = json;
    const r = packFileSchemas[f].safeParse(json);
    if (r.success) parsed[f] = r.data;
    else errors.push(...zodIssues(f, json, r.error));
  }
  const bytes = [...files.values()].reduce((n, b) => n + b.length, 0);
  if (PACK_JSON_FILES.some((f) => parsed[f] === undefined)) return done(summaryOf(manifest, raw, files.size, bytes, signedBy));

  const data: PackData = {
    manifest,
    services: parsed['services.json'] as PackData['services'],
    windows: parsed['windows.json'] as PackData['windows'],
    staff: parsed['staff.json'] as PackData['staff'],
    evaluation: parsed['evaluation.json'] as PackData['evaluation'],
    calendar: parsed['calendar.json'] as PackData['calendar'],
    notices: parsed['notices.json'] as PackData['notices'],
  };
  const rules = crossFileRules(data, new Set(files.keys()), opts.now ?? new Date());
  const clips = voiceClipRules(files);
  errors.push(...rules.errors, ...clips.errors);
  warnings.push(...rules.warnings, ...clips.warnings);
  return done(summaryOf(manifest, raw, files.size, bytes, signedBy), data);
}

/** Counts come from the raw JSON, so a report about a broken file still says how many items the pack has. */
function summaryOf(m: Manifest, parsed: Record<string, unknown>, fileCount: number, bytes: number, signedBy: string | null): ValidationReport['summary'] {
  const len = (f: string): number => (Array.isArray(parsed[f]) ? (parsed[f] as unknown[]).length : 0);
  return {
    packId: m.packId,
    version: m.version,
    title: m.title,
    hallName: m.hall.name,
    sample: m.sample,
    services: len('services.json'),
    windows: len('windows.json'),
    staff: len('staff.json'),
    files: fileCount,
    bytes,
    signedBy,
  };
}

/** Reads a folder (path) or zip (bytes or a path ending in .zip) and validates it. */
export function validatePackSource(source: string | Uint8Array, opts: ValidateOptions): ValidationResult {
  const limits = opts.limits ?? DEFAULT_LIMITS;
  if (typeof source !== 'string') return validatePackFiles(readPackZip(source, limits), opts);
  const st = lstatSync(source);
  if (st.isDirectory()) return validatePackFiles(readPackFolder(source, limits), opts);
  if (st.size > limits.maxTotalBytes) {
    return validatePackFiles({ files: new Map(), issues: [issue('safety.pack-too-large', '', '', `压缩包过大（${mib(st.size)}）`)] }, opts);
  }
  return validatePackFiles(readPackZip(new Uint8Array(readFileSync(source)), limits), opts);
}
