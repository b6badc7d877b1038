// CSV exports for a date range: the 12-column upstream layout (with the decrypted ID number and phone, admins only)
// and the full export of every rating field (personal fields masked), 未评价 included.
import type { Database } from 'better-sqlite3';
import { type Pack, implementationCode } from '../../content/schema/index.ts';
import type { Secrets } from '../core/module.ts';
import { type UpstreamRow, tableCsv, upstreamCsv } from '../../server-shared/ratings/csv.ts';
import { levelLabel } from '../../protocol/rules/levels.ts';
import { maskPhone } from '../../protocol/person/mask.ts';
import { maskPersonalNumbers } from './core/pii.ts';
import { type CompiledCalendar, addWorkingDays } from '../../protocol/rules/workdays.ts';
import { hallDate, hallDateTime } from '../../protocol/rules/hall-time.ts';
import type { RatingRow } from './store.ts';
import { PHONE_SOURCE } from './core/channel-rule.ts';

/** 承诺/法定办结时间: the finish time for 即办 items, else the end of the N-th working day after receipt. */
function limitTime(pack: Pack, serviceCode: string, receivedIso: string, finishedIso: string, cal: CompiledCalendar, offset: number): string {
  const limit = pack.services.find((s) => s.code === serviceCode)?.guide.timeLimit;
  if (!limit || limit.kind === 'immediate') return hallDateTime(finishedIso, offset);
  return `${addWorkingDays(hallDate(new Date(receivedIso), offset), limit.days, cal)} 17:00:00`;
}

export function exportUpstream(db: Database, pack: Pack, secrets: Secrets, cal: CompiledCalendar, from: string, to: string, offset: number) {
  const rows = db
    .prepare('SELECT * FROM ratings WHERE day BETWEEN ? AND ? AND counted = 1 ORDER BY day, rated_at, id')
    .iterate(from, to) as IterableIterator<RatingRow>;
  let count = 0;
  const creditCode = pack.manifest.hall.creditCode;
  // 事项实施编码 is the issuing body's credit code + the item code; an older pack without a credit code gives the bare item code.
  const itemCode = (code: string) => (creditCode ? implementationCode(creditCode, code) : code);
  function* upstream(): Generator<UpstreamRow> {
    for (const r of rows) {
      count++;
      const received = r.received_at ?? r.finished_at;
      const promised = limitTime(pack, r.service_code, received, r.finished_at, cal, offset);
      yield {
        caseNo: r.case_number,
        itemCode: itemCode(r.service_code),
        itemName: r.service_name,
        idType: (r.id_type as UpstreamRow['idType'] | null) ?? '',
        idNumber: r.id_sealed ? secrets.decrypt(r.id_sealed) : '',
        name: r.name_sealed ? secrets.decrypt(r.name_sealed) : '',
        phone: r.phone_sealed ? secrets.decrypt(r.phone_sealed) : '',
        receivedAt: hallDateTime(received, offset),
        promisedAt: promised,
        legalAt: promised,
        score: r.score,
        ratedAt: hallDateTime(r.rated_at, offset),
      };
    }
  }
  const csv = upstreamCsv(upstream());
  return { csv, count };
}

/** 评价渠道 and 评价方式 of a stored rating: the pad (评价器, touch screen or keypad) or the phone (二维码). */
function channelColumns(source: string): [string, string] {
  if (source === PHONE_SOURCE) return ['二维码', '手机扫码'];
  return ['评价器', source === 'keypad' ? '实体按键' : '触摸屏'];
}

const FULL_HEADER = [
  '评价编号', '办件编号', '号票', '事项编码', '事项名称', '窗口', '工号', '工作人员', '评价渠道', '评价方式', '评价结果', '分值',
  '是否差评', '差评原因', '意见', '回访电话', '办结时间', '评价时间', '入库时间', '计入统计', '差评状态', '整改期限',
] as const;

interface FullRow extends RatingRow {
  case_state: string | null;
  case_due: string | null;
}

interface UnratedRow {
  ticket_id: string;
  case_number: string;
  ticket_number: string;
  service_code: string;
  service_name: string;
  window: number;
  staff_id: string | null;
  finished_at: string;
  outcome_at: string | null;
}

export function exportFull(db: Database, pack: Pack, secrets: Secrets, from: string, to: string, offset: number) {
  const rated = db
    .prepare(
      `SELECT r.*, c.state AS case_state, c.due_on AS case_due FROM ratings r LEFT JOIN rating_cases c ON c.rating_id = r.id
       WHERE r.day BETWEEN ? AND ? ORDER BY r.day, r.rated_at, r.id`,
    )
    .iterate(from, to) as IterableIterator<FullRow>;
  const unrated = db
    .prepare(`SELECT * FROM rating_prompts WHERE day BETWEEN ? AND ? AND outcome = 'unrated' ORDER BY day, finished_at`)
    .iterate(from, to) as IterableIterator<UnratedRow>;
  let count = 0;
  const staffName = (id: string | null) => pack.staff.find((s) => s.id === id)?.name ?? '';
  function* lines(): Generator<(string | number | null)[]> {
    for (const r of rated) {
      count++;
      yield [
        r.id, r.case_number, r.ticket_number, r.service_code, r.service_name, r.window, r.staff_id ?? '', r.staff_name ?? '',
        ...channelColumns(r.source), levelLabel(r.score), r.score, r.bad ? '是' : '否',
        (JSON.parse(r.reasons) as string[]).join('；'), maskPersonalNumbers(r.comment).masked, r.phone_sealed ? maskPhone(secrets.decrypt(r.phone_sealed)) : '',
        hallDateTime(r.finished_at, offset), hallDateTime(r.rated_at, offset), hallDateTime(r.stored_at, offset), r.counted ? '是' : '否（申诉撤销）',
        r.case_state ?? '', r.case_due ?? '',
      ];
    }
    for (const u of unrated) {
      count++;
      yield [
        '', u.case_number, u.ticket_number, u.service_code, u.service_name, u.window, u.staff_id ?? '', staffName(u.staff_id),
        '评价器', '', '未评价', '', '否', '', '', '', hallDateTime(u.finished_at, offset), '', hallDateTime(u.outcome_at, offset), '否', '', '',
      ];
    }
  }
  const csv = tableCsv(FULL_HEADER, lines());
  return { csv, count };
}
