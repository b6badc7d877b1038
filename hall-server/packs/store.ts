// The pack store: verified packs live in their own slot folder under <dataDir>/packs/slots/<slot>; the active one is a
// row in SQLite and an in-memory Pack. An upload is staged in a fresh folder, verified from disk, then moved into its
// slot; activation switches in one transaction (the running pack is untouched until then). The last KEEP slots stay.
import type { SiteScopedKey } from '../../content/validate/site-scope.ts';
import { randomBytes } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { Pack, PackData } from '../../content/schema/index.ts';
import {
  DEFAULT_LIMITS,
  formatIssue,
  issue,
  manifestGate,
  mib,
  packFromFolder,
  readPackFolder,
  readPackZip,
  validatePackFiles,
  type ReadResult,
  type ValidateOptions,
  type ValidationReport,
  type ValidationResult,
} from '../../content/validate/index.ts';
import { ApiError, type Principal } from '../core/module.ts';
import type { HistoryEntry, SlotView } from '../../protocol/hall/packs.ts';
import { runOffThread } from './off-thread.ts';
import { writeSlot } from './staging.ts';
import { createLogger, type Logger } from '../core/log.ts';

export const KEEP_SLOTS = 5;

/** An upload after its worker-thread half: the report, and the content when it passed (staged under stagingSlot). */
export interface PreparedUpload {
  slot: string;
  stagingSlot: string;
  report: ValidationReport;
  data: PackData | null;
}

/** What a verification gives back across threads. */
export type ValidationResultLite = Pick<ValidationResult, 'report' | 'data'>;
/** A kept slot verified ahead of the synchronous step that uses it. */
export interface VerifiedSlot {
  slot: string;
  result: ValidationResultLite;
}

const slotMissing = (): ValidationResultLite => ({
  report: { ok: false, errors: [issue('slot.missing', '', '', '内容包文件夹已不存在')], warnings: [], summary: null },
  data: null,
});

const newSlotName = (m: { packId: string; version: number }): string => `${m.packId}-v${m.version}-${randomBytes(4).toString('hex')}`;

export interface PackStoreDeps {
  db: Database;
  /** <dataDir>/packs */
  root: string;
  trustedKeys: () => readonly string[];
  /** Keys trusted for this hall's own site's packs only (the region's, learnt at enrolment); none by default. */
  siteKeys?: () => readonly SiteScopedKey[];
  now: () => Date;
  /** Runs fn in the hall's durable transaction (events published inside go out after commit). */
  tx<T>(fn: () => T): T;
  /** Makes the pack the hall's active one (publishes pack.activated). Called inside tx. */
  setActive(pack: Pack): void;
  audit(actor: Principal | null, action: string, details: Record<string, unknown>): void;
  /** Default: the hall-server's logger for component packs. */
  log?: Logger;
}

interface SlotRow {
  slot: string;
  pack_id: string;
  version: number;
  title: string;
  sample: number;
  state: SlotView['state'];
  uploaded_at: string;
  uploaded_by: string;
  last_activated_at: string | null;
  bytes: number;
  report: string;
}

export interface UploadOutcome {
  accepted: boolean;
  slot: SlotView | null;
  report: ValidationReport;
}

const actorName = (p: Principal | null): string => (p ? p.name || p.id : '系统');

export class PackStore {
  private activePack: Pack | null = null;
  /** Verified packs opened for preview, by slot. */
  private readonly previewPacks = new Map<string, Pack>();

  constructor(private readonly deps: PackStoreDeps) {
    mkdirSync(join(deps.root, 'slots'), { recursive: true });
    // Leftovers of an upload interrupted by a crash are never trusted.
    rmSync(join(deps.root, 'staging'), { recursive: true, force: true });
    mkdirSync(join(deps.root, 'staging'), { recursive: true });
  }

  active(): Pack | null {
    return this.activePack;
  }

  slotDir(slot: string): string {
    return join(this.deps.root, 'slots', slot);
  }

  /** At start: loads the active slot again (re-verified from disk). Returns false when there is none or it fails. */
  restore(): boolean {
    const row = this.row(`SELECT * FROM pack_slots WHERE state = 'active'`);
    if (!row) return false;
    const result = this.verifySlot(row.slot);
    if (!result.data) {
      (this.deps.log ?? createLogger('packs')).error(`active slot ${row.slot} failed verification: ${result.report.errors.map(formatIssue).join('; ')}`);
      return false;
    }
    this.activePack = packFromFolder(this.slotDir(row.slot), result.data);
    this.deps.tx(() => this.deps.setActive(this.activePack!));
    this.prune();
    return true;
  }

  /** Options of a validation against the hall as it is now. */
  validateOptions(alreadyAccepted = false): ValidateOptions {
    return {
      trustedKeys: this.deps.trustedKeys(),
      siteKeys: this.deps.siteKeys?.() ?? [],
      activeVersion: alreadyAccepted ? null : this.activePack?.manifest.version ?? null,
      activePackId: alreadyAccepted ? null : this.activePack?.manifest.packId ?? null,
      activatedVersions: alreadyAccepted ? {} : this.activatedVersions(),
      now: this.deps.now(),
      alreadyAccepted,
    };
  }

  /** Validates, stages and verifies a pack read on this thread (the `--pack` import at start); nothing becomes active. */
  stage(read: ReadResult, actor: Principal | null): UploadOutcome {
    const options = this.validateOptions();
    const first = validatePackFiles(read, options);
    if (!first.data) return this.refuse(first.report, actor);
    const slot = newSlotName(first.data.manifest);
    const staging = this.stagingDir(slot);
    try {
      writeSlot(staging, first.files);
      // Verify what is on disk, not what was in memory.
      const onDisk = validatePackFiles(readPackFolder(staging), options);
      if (!onDisk.data) {
        rmSync(staging, { recursive: true, force: true });
        return this.refuse(onDisk.report, actor);
      }
    } catch (err) {
      rmSync(staging, { recursive: true, force: true });
      throw err;
    }
    return this.keepStaged({ slot, report: first.report, data: first.data }, actor);
  }

  /** The first, slow half of an upload, in a worker thread: manifest first, each entry inflated against its hash and
   * size, media decoded, the staging folder written and verified. Writes nothing to the database. */
  async prepareUpload(zip: Uint8Array): Promise<PreparedUpload> {
    const slot = `upload-${randomBytes(6).toString('hex')}`;
    const stagingDir = this.stagingDir(slot);
    // The worker takes the bytes over (transfer, no copy) when they are the whole of their memory, as the router's body
    // buffer is; otherwise they may share memory with other buffers and go over as a copy the worker can own.
    const own = zip.byteOffset === 0 && zip.byteLength === zip.buffer.byteLength ? zip : new Uint8Array(zip);
    const result = await runOffThread({ kind: 'stage-zip', zip: own, options: this.validateOptions(), stagingDir });
    return { slot: result.data ? newSlotName(result.data.manifest) : slot, stagingSlot: slot, report: result.report, data: result.data };
  }

  /** The second half of an upload: records the refusal, or moves the staged folder into its slot and records it. */
  commitUpload(prepared: PreparedUpload, actor: Principal | null): UploadOutcome {
    if (!prepared.data) return this.refuse(prepared.report, actor);
    renameSync(this.stagingDir(prepared.stagingSlot), this.stagingDir(prepared.slot));
    return this.keepStaged({ slot: prepared.slot, report: prepared.report, data: prepared.data }, actor);
  }

  /** Drops a prepared upload that its caller refuses for a reason of its own (a region pack for another site),
   * recording the refusal with that reason first in the report. */
  refusePrepared(prepared: PreparedUpload, problem: { rule: string; problem: string }, actor: Principal | null): UploadOutcome {
    rmSync(this.stagingDir(prepared.stagingSlot), { recursive: true, force: true });
    const errors = [{ rule: problem.rule, file: 'manifest.json', place: 'site', problem: problem.problem }, ...prepared.report.errors];
    return this.refuse({ ...prepared.report, ok: false, errors }, actor);
  }

  private stagingDir(slot: string): string {
    return join(this.deps.root, 'staging', slot);
  }

  /** Moves a verified staging folder into its slot and records the upload. */
  private keepStaged(staged: { slot: string; report: ValidationReport; data: PackData }, actor: Principal | null): UploadOutcome {
    const { slot, report } = staged;
    renameSync(this.stagingDir(slot), this.slotDir(slot));
    const m = staged.data.manifest;
    const at = this.deps.now().toISOString();
    this.deps.tx(() => {
      this.deps.db
        .prepare(
          `INSERT INTO pack_slots (slot, pack_id, version, title, sample, state, uploaded_at, uploaded_by, bytes, report)
           VALUES (?, ?, ?, ?, ?, 'verified', ?, ?, ?, ?)`,
        )
        .run(slot, m.packId, m.version, m.title, m.sample ? 1 : 0, at, actorName(actor), report.summary?.bytes ?? 0, JSON.stringify(report));
      this.history('uploaded', actor, m.packId, m.version, slot, `${m.title}（${report.summary?.services ?? 0} 个事项，${mib(report.summary?.bytes ?? 0)}）`);
      this.deps.audit(actor, 'pack.upload', { packId: m.packId, version: m.version, slot });
    });
    this.prune();
    return { accepted: true, slot: this.view(slot), report };
  }

  stageZip(bytes: Uint8Array, actor: Principal | null): UploadOutcome {
    return this.stage(readPackZip(bytes, DEFAULT_LIMITS, manifestGate(this.validateOptions())), actor);
  }

  stageFolder(dir: string, actor: Principal | null): UploadOutcome {
    return this.stage(readPackFolder(dir), actor);
  }

  /** Verifies a kept slot from disk in a worker thread (before activation, rollback or preview). */
  async verifyOffThread(slot: string): Promise<ValidationResultLite> {
    const row = this.requireRow(slot);
    const dir = this.slotDir(row.slot);
    if (!existsSync(dir) || !lstatSync(dir).isDirectory()) return slotMissing();
    return runOffThread({ kind: 'verify-folder', dir, options: this.validateOptions(true) });
  }

  /** Switches to a verified slot. Within one pack id, a version not above the active one is refused (rollback is the way back). */
  activate(slot: string, actor: Principal | null, verified?: VerifiedSlot): SlotView {
    const row = this.requireRow(slot);
    const current = this.activePack?.manifest.packId === row.pack_id ? this.activePack.manifest.version : null;
    if (row.state === 'active') throw new ApiError(409, 'already_active', `版本 ${row.version} 已经在使用中`);
    if (current !== null && row.version <= current) {
      throw new ApiError(409, 'version_not_newer', `版本 ${row.version} 不高于正在使用的版本 ${current}；要回到旧版本请用“回退”`);
    }
    const highest = this.activatedVersions()[row.pack_id];
    if (highest !== undefined && row.version < highest) {
      throw new ApiError(409, 'version_went_back', `本大厅曾经启用过“${row.pack_id}”版本 ${highest}，版本 ${row.version} 更旧，不能这样启用；要回到旧版本请用“回退”`);
    }
    return this.switchTo(row, actor, 'activated', verified);
  }

  /** The highest version of each pack id ever activated here (slots removed by pruning included). */
  activatedVersions(): Record<string, number> {
    const rows = this.deps.db
      .prepare(`SELECT pack_id, MAX(version) AS version FROM pack_slots WHERE last_activated_at IS NOT NULL GROUP BY pack_id`)
      .all() as Array<{ pack_id: string; version: number }>;
    return Object.fromEntries(rows.map((r) => [r.pack_id, r.version]));
  }

  /** The slot a rollback returns to: the one that was active when the active one was activated (if still kept). */
  rollbackTarget(): SlotView | null {
    const row = this.row(
      `SELECT prev.* FROM pack_slots cur JOIN pack_slots prev ON prev.slot = cur.previous_slot
       WHERE cur.state = 'active' AND prev.removed = 0`,
    );
    return row ? this.toView(row) : null;
  }

  rollback(actor: Principal | null, verified?: VerifiedSlot): SlotView {
    const target = this.rollbackTarget();
    if (!target) throw new ApiError(409, 'no_rollback_target', '没有可以回退的上一个版本');
    return this.switchTo(this.requireRow(target.slot), actor, 'rolled_back', verified);
  }

  /** Verifies in a worker thread the slot an activation or rollback is about to switch to (the route's prepare). */
  async verifyForSwitch(slot: string | null): Promise<VerifiedSlot | undefined> {
    if (!slot || !this.row(`SELECT slot FROM pack_slots WHERE slot = ? AND removed = 0`, slot)) return undefined;
    return { slot, result: await this.verifyOffThread(slot) };
  }

  private switchTo(row: SlotRow, actor: Principal | null, action: 'activated' | 'rolled_back', verified?: VerifiedSlot): SlotView {
    // A verification made off-thread for this very slot is used; otherwise (start, tests) it is made here.
    const result = verified?.slot === row.slot ? verified.result : this.verifySlot(row.slot);
    if (!result.data) {
      throw new ApiError(409, 'slot_invalid', `该内容包已不能通过校验：${result.report.errors.slice(0, 1).map(formatIssue).join('')}`);
    }
    const pack = packFromFolder(this.slotDir(row.slot), result.data);
    const previous = this.activePack;
    const previousSlot = this.row(`SELECT * FROM pack_slots WHERE state = 'active'`)?.slot ?? null;
    const at = this.deps.now().toISOString();
    this.deps.tx(() => {
      this.deps.db.prepare(`UPDATE pack_slots SET state = 'retired' WHERE state = 'active'`).run();
      this.deps.db.prepare(`UPDATE pack_slots SET state = 'active', last_activated_at = ? WHERE slot = ?`).run(at, row.slot);
      // A rollback keeps the target's own way back, so rolling back again goes further back instead of forth.
      if (action === 'activated') this.deps.db.prepare(`UPDATE pack_slots SET previous_slot = ? WHERE slot = ?`).run(previousSlot, row.slot);
      const from = previous ? `（原版本 ${previous.manifest.version}）` : '';
      this.history(action, actor, row.pack_id, row.version, row.slot, `${action === 'activated' ? '启用' : '回退到'} ${row.title} 版本 ${row.version}${from}`);
      this.deps.audit(actor, action === 'activated' ? 'pack.activate' : 'pack.rollback', { packId: row.pack_id, version: row.version, slot: row.slot });
      this.deps.setActive(pack);
    });
    this.activePack = pack;
    this.prune();
    return this.view(row.slot)!;
  }

  /** Keeps the active slot and the KEEP most recent others... in total KEEP folders; older ones are deleted. */
  private prune(): void {
    const rows = this.deps.db
      .prepare(`SELECT slot, state FROM pack_slots WHERE removed = 0 ORDER BY COALESCE(last_activated_at, uploaded_at) DESC, uploaded_at DESC`)
      .all() as Array<{ slot: string; state: string }>;
    const keep = new Set(rows.filter((r) => r.state === 'active').map((r) => r.slot));
    for (const r of rows) if (keep.size < KEEP_SLOTS) keep.add(r.slot);
    for (const r of rows) {
      if (keep.has(r.slot)) continue;
      rmSync(this.slotDir(r.slot), { recursive: true, force: true });
      this.previewPacks.delete(r.slot);
      this.deps.db.prepare(`UPDATE pack_slots SET removed = 1 WHERE slot = ?`).run(r.slot);
    }
    // Folders without a row (a crash between rename and insert) are removed too.
    const known = new Set((this.deps.db.prepare(`SELECT slot FROM pack_slots WHERE removed = 0`).all() as Array<{ slot: string }>).map((r) => r.slot));
    for (const name of readdirSync(join(this.deps.root, 'slots'))) {
      if (!known.has(name)) rmSync(this.slotDir(name), { recursive: true, force: true });
    }
  }

  private refuse(report: ValidationReport, actor: Principal | null): UploadOutcome {
    const s = report.summary;
    const first = report.errors[0];
    this.deps.tx(() => {
      this.history('refused', actor, s?.packId ?? null, s?.version ?? null, null, `${report.errors.length} 个问题${first ? `，例如：${formatIssue(first)}` : ''}`);
      this.deps.audit(actor, 'pack.refused', { packId: s?.packId ?? null, version: s?.version ?? null, errors: report.errors.length });
    });
    return { accepted: false, slot: null, report };
  }

  /** Verifies a kept slot on this thread (only at start, before the hall serves). */
  private verifySlot(slot: string): ValidationResultLite {
    const dir = this.slotDir(slot);
    if (!existsSync(dir) || !lstatSync(dir).isDirectory()) return slotMissing();
    return validatePackFiles(readPackFolder(dir), this.validateOptions(true));
  }

  /** Data of a kept slot (for the console preview). */
  preview(slot: string, verified?: VerifiedSlot): PackData {
    const row = this.requireRow(slot);
    const result = verified?.slot === row.slot ? verified.result : this.verifySlot(row.slot);
    if (!result.data) throw new ApiError(409, 'slot_invalid', '该内容包已不能通过校验');
    return result.data;
  }

  report(slot: string): ValidationReport {
    return JSON.parse(this.requireRow(slot).report) as ValidationReport;
  }

  /** A file of a kept slot by pack id and version (files of a verified, not yet active pack can be previewed). */
  file(packId: string, version: number, path: string): Uint8Array | undefined {
    const active = this.activePack;
    if (active && active.manifest.packId === packId && active.manifest.version === version) return active.file(path);
    const row = this.row(`SELECT * FROM pack_slots WHERE removed = 0 AND pack_id = ? AND version = ? ORDER BY uploaded_at DESC LIMIT 1`, packId, version);
    if (!row) return undefined;
    let pack = this.previewPacks.get(row.slot);
    if (!pack) {
      pack = packFromFolder(this.slotDir(row.slot), this.preview(row.slot));
      this.previewPacks.set(row.slot, pack);
    }
    return pack.file(path);
  }

  list(): { active: SlotView | null; slots: SlotView[]; history: HistoryEntry[]; rollbackTarget: SlotView | null } {
    const rows = this.deps.db
      .prepare(`SELECT * FROM pack_slots WHERE removed = 0 ORDER BY uploaded_at DESC`)
      .all() as SlotRow[];
    const slots = rows.map((r) => this.toView(r));
    const history = (
      this.deps.db.prepare(`SELECT * FROM pack_history ORDER BY seq DESC LIMIT 100`).all() as Array<{
        at: string;
        action: HistoryEntry['action'];
        actor: string;
        pack_id: string | null;
        version: number | null;
        slot: string | null;
        note: string;
      }>
    ).map((h) => ({ at: h.at, action: h.action, actor: h.actor, packId: h.pack_id, version: h.version, slot: h.slot, note: h.note }));
    return { active: slots.find((s) => s.state === 'active') ?? null, slots, history, rollbackTarget: this.rollbackTarget() };
  }

  private history(action: HistoryEntry['action'], actor: Principal | null, packId: string | null, version: number | null, slot: string | null, note: string): void {
    this.deps.db
      .prepare(`INSERT INTO pack_history (at, action, actor, pack_id, version, slot, note) VALUES (?, ?, ?, ?, ?, ?, ?)`)
      .run(this.deps.now().toISOString(), action, actorName(actor), packId, version, slot, note);
  }

  private row(sql: string, ...params: unknown[]): SlotRow | undefined {
    return this.deps.db.prepare(sql).get(...params) as SlotRow | undefined;
  }

  private requireRow(slot: string): SlotRow {
    const row = this.row(`SELECT * FROM pack_slots WHERE slot = ? AND removed = 0`, slot);
    if (!row) throw new ApiError(404, 'no_such_pack', '没有这个内容包（可能已超过保留数量被清理）');
    return row;
  }

  private view(slot: string): SlotView | null {
    const row = this.row(`SELECT * FROM pack_slots WHERE slot = ?`, slot);
    return row ? this.toView(row) : null;
  }

  private toView(r: SlotRow): SlotView {
    const report = JSON.parse(r.report) as ValidationReport;
    return {
      slot: r.slot,
      packId: r.pack_id,
      version: r.version,
      title: r.title,
      sample: r.sample === 1,
      state: r.state,
      uploadedAt: r.uploaded_at,
      uploadedBy: r.uploaded_by,
      lastActivatedAt: r.last_activated_at,
      bytes: r.bytes,
      warnings: report.warnings.length,
    };
  }
}
