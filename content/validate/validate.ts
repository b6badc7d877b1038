// The one validation entry point, used by the CLI (scripts/pack.ts), the hall-server packs module and (through the
// report it returns) the console's report view.
import { createHash } from 'node:crypto';
import {
  MANIFEST_FILE,
  manifestSchema,
  OPTIONAL_PACK_JSON_FILES,
  optionalPackFileSchemas,
  PACK_JSON_FILES,
  packFileSchemas,
  SIGNATURE_FILE,
  type Manifest,
  type PackData,
} from '../schema/index.ts';
import type { ListedFile, ManifestGate, PackFiles, ReadResult } from './files.ts';
import { readPackSource } from './source.ts';
import { DEFAULT_LIMITS, type PackLimits } from './paths.ts';
import { compareVersions, PRODUCT_VERSION } from './product.ts';
import { capIssues, issue, type PackIssue, type ValidationReport } from './report.ts';
import { jsonSyntaxProblem } from './json-errors.ts';
import { mediaRules } from './media.ts';
import { crossFileRules } from './rules.ts';
import { keyId, verifyManifest } from './sign.ts';
import { siteScopeProblem, type SiteScopedKey } from './site-scope.ts';
import { voiceClipRules } from './voice-clips.ts';
import { HASH_MISMATCH, readPackZip, sizeMismatch, UNLISTED } from './zip.ts';
import { zodIssues } from './zod-messages.ts';

export interface ValidateOptions {
  /** Raw base64url Ed25519 public keys the hall trusts. */
  trustedKeys: readonly string[];
  /** Keys trusted only for packs naming one site and level (the region's key, learnt at enrolment). */
  siteKeys?: readonly SiteScopedKey[];
  /** Version of the pack now active; the new one must be higher. */
  activeVersion?: number | null;
  /** Pack id of the active pack. Versions only go up within one pack id; a pack with another id replaces the hall's
   * content line (allowed, with a warning), e.g. from the sample to the hall's own pack. */
  activePackId?: string | null;
  /** The highest version of each pack id this hall has ever activated: a pack id cannot go back to an older version
   * by way of another pack id in between. */
  activatedVersions?: Readonly<Record<string, number>>;
  /** Skip the signature check (only `pack validate --unsigned` while editing a pack). */
  unsigned?: boolean;
  productVersion?: string;
  now?: Date;
  /** The pack was accepted before (a kept slot at restart, activation or rollback): rules that only depend on the
   * date (no calendar for this year) warn instead of refusing, so a hall never loses its pack
   * when the year turns. */
  alreadyAccepted?: boolean;
  limits?: PackLimits;
}

/** Every key a signature may come from: the hall's own trusted keys, then the site-scoped ones. */
function allKeys(opts: ValidateOptions): readonly string[] {
  return opts.siteKeys?.length ? [...opts.trustedKeys, ...opts.siteKeys.map((k) => k.key)] : opts.trustedKeys;
}

/** The site a signing key is limited to; null for a key the hall trusts for any pack. */
function siteScopeOf(opts: ValidateOptions, signedBy: string): SiteScopedKey | null {
  if (opts.trustedKeys.some((k) => keyId(k) === signedBy)) return null;
  return opts.siteKeys?.find((k) => keyId(k.key) === signedBy) ?? null;
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

/** Rules whose outcome changes only because time passed (an expired notice only ever warns). */
export const DATE_RULES: ReadonlySet<string> = new Set(['calendar.missing-current-year']);

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
  text = text.replace(/^\uFEFF/, '');
  try {
    return JSON.parse(text);
  } catch {
    const found = jsonSyntaxProblem(text);
    errors.push(issue('json.syntax', file, found ? `第${found.line}行第${found.column}列` : '', `JSON 格式错误：${found?.problem ?? '请检查逗号、引号和括号是否成对'}`));
    return undefined;
  }
}

/** The manifest-first check a zip read goes through (readPackZip): nothing but manifest.json and manifest.sig is
 * inflated unless the manifest parses and, for a signed check, its signature is good and from a trusted key. */
export function manifestGate(opts: ValidateOptions): ManifestGate {
  return (manifestBytes, signature) => {
    let manifest: Manifest;
    try {
      const parsed = manifestSchema.safeParse(JSON.parse(decoder.decode(manifestBytes).replace(/^\uFEFF/, '')));
      if (!parsed.success) return null;
      manifest = parsed.data;
    } catch {
      return null;
    }
    if (!opts.unsigned && (!signature || !verifyManifest(manifestBytes, signature, allKeys(opts)).ok)) return null;
    return new Map<string, ListedFile>(manifest.files.map((f) => [f.path, { size: f.size, sha256: f.sha256 }]));
  };
}

function checkManifestFiles(manifest: Manifest, read: ReadResult, errors: PackIssue[]): void {
  const { files } = read;
  const verified = read.verified ?? new Set<string>();
  const listed = new Map(manifest.files.map((f) => [f.path, f]));
  for (const f of manifest.files) {
    if (f.path === MANIFEST_FILE || f.path === SIGNATURE_FILE) {
      errors.push(issue('manifest.lists-itself', MANIFEST_FILE, '文件清单', `不应列出 ${f.path}`));
      continue;
    }
    if (verified.has(f.path)) continue;
    const bytes = files.get(f.path);
    if (!bytes) errors.push(issue('manifest.missing-file', f.path, '', '文件清单中列出了该文件，但内容包里没有'));
    else if (bytes.length !== f.size) errors.push(issue('manifest.size-mismatch', f.path, '', sizeMismatch(bytes.length, f.size)));
    else if (sha256(bytes) !== f.sha256) errors.push(issue('manifest.hash-mismatch', f.path, '', HASH_MISMATCH));
  }
  for (const path of files.keys()) {
    if (path !== MANIFEST_FILE && path !== SIGNATURE_FILE && !listed.has(path) && !verified.has(path)) {
      errors.push(issue('manifest.unlisted-file', path, '', UNLISTED));
    }
  }
  for (const f of PACK_JSON_FILES) {
    if (!files.has(f)) errors.push(issue('pack.missing-json', f, '', '缺少该文件'));
  }
}

/** Validates files already read (and safety-checked) from a folder or a zip. */
export function validatePackFiles(read: ReadResult, opts: ValidateOptions): ValidationResult {
  const errors: PackIssue[] = [...read.issues];
  const warnings: PackIssue[] = [...(read.warnings ?? [])];
  const files = read.files;
  const done = (summary: ValidationReport['summary'] = null, data: PackData | null = null): ValidationResult => ({
    report: { ok: errors.length === 0, errors: capIssues(errors), warnings: capIssues(warnings), summary },
    data: errors.length === 0 ? data : null,
    files,
    content: data,
  });

  const manifestBytes = files.get(MANIFEST_FILE);
  if (!manifestBytes) {
    // A zip the reader could not open as a pack at all (not a zip, PowerShell paths…) already says why.
    if (read.issues.some((i) => i.file === '' && i.rule.startsWith('zip.'))) return done();
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
    else if (Buffer.from(sig).toString('latin1').includes('PRIVATE KEY')) {
      errors.push(issue('signature.private-key', SIGNATURE_FILE, '', '这里放的是私钥，不是签名！私钥绝不能放进内容包或发给别人：请立即用 pack keygen 换一对新密钥、把新公钥交给大厅，再用 pack sign 签名'));
    } else {
      const check = verifyManifest(manifestBytes, sig, allKeys(opts));
      if (check.ok) {
        signedBy = check.keyId;
        const scope = siteScopeOf(opts, check.keyId);
        const problem = scope ? siteScopeProblem(manifest.site, scope) : null;
        if (problem) errors.push(issue('signature.site-scope', MANIFEST_FILE, '站点', problem));
      }
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
  // An older version must not come back by way of another pack id (A v5 → B v1 → A v3): only an explicit rollback may.
  const highest = opts.activatedVersions?.[manifest.packId];
  if (otherLine && highest != null && manifest.version <= highest) {
    errors.push(issue('manifest.version-went-back', MANIFEST_FILE, '版本号', `版本 ${manifest.version} 不高于本大厅曾经启用过的“${manifest.packId}”版本 ${highest}；旧版本不能重新上传启用，要回到旧版本请在管理台用“回退”（会记入审计日志）`));
  }

  // The zip reader stopped at a bad or untrusted signature: nothing else was inflated, so nothing else is reported.
  if (read.stoppedAtManifest) return done();
  checkManifestFiles(manifest, read, errors);

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
  let optionalBroken = false;
  for (const f of OPTIONAL_PACK_JSON_FILES) {
    const bytes = files.get(f);
    if (!bytes) continue;
    const json = parseJson(f, bytes, errors);
    if (json === undefined) {
      optionalBroken = true;
      continue;
    }
    const r = optionalPackFileSchemas[f].safeParse(json);
    if (r.success) parsed[f] = r.data;
    else {
      optionalBroken = true;
      errors.push(...zodIssues(f, json, r.error));
    }
  }
  const bytes = [...files.values()].reduce((n, b) => n + b.length, 0);
  if (optionalBroken || PACK_JSON_FILES.some((f) => parsed[f] === undefined)) {
    return done(summaryOf(manifest, raw, files.size, bytes, signedBy));
  }

  const data: PackData = {
    manifest,
    services: parsed['services.json'] as PackData['services'],
    windows: parsed['windows.json'] as PackData['windows'],
    staff: parsed['staff.json'] as PackData['staff'],
    evaluation: parsed['evaluation.json'] as PackData['evaluation'],
    calendar: parsed['calendar.json'] as PackData['calendar'],
    notices: parsed['notices.json'] as PackData['notices'],
    ...(parsed['kiosk.json'] ? { kiosk: parsed['kiosk.json'] as NonNullable<PackData['kiosk']> } : {}),
  };
  const rules = crossFileRules(data, new Set(files.keys()), opts.now ?? new Date());
  if (opts.alreadyAccepted) {
    warnings.push(...rules.errors.filter((e) => DATE_RULES.has(e.rule)));
    rules.errors = rules.errors.filter((e) => !DATE_RULES.has(e.rule));
  }
  const clips = voiceClipRules(files);
  const media = mediaRules(data, files);
  errors.push(...rules.errors, ...clips.errors, ...media.errors);
  warnings.push(...rules.warnings, ...clips.warnings, ...media.warnings);
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
  if (typeof source !== 'string') return validatePackZip(source, opts);
  return validatePackFiles(readPackSource(source, opts.limits ?? DEFAULT_LIMITS, manifestGate(opts)), opts);
}

/** A pack zip, manifest first: an unsigned or untrusted zip is refused before anything but its manifest is inflated. */
export function validatePackZip(bytes: Uint8Array, opts: ValidateOptions): ValidationResult {
  return validatePackFiles(readPackZip(bytes, opts.limits ?? DEFAULT_LIMITS, manifestGate(opts)), opts);
}
