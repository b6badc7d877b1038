// Rules across the pack files, beyond each file's schema. Pure: data in, issues out. Browser-safe.
import {
  callText,
  requiredVoiceClips,
  supplyWorkingDays,
  type PackData,
} from '../schema/index.ts';
import { kioskRules } from './kiosk-rules.ts';
import { itemPlace } from './zod-messages.ts';
import { issue, type PackIssue } from './report.ts';
import { demonstrationSiteRules } from './standards.ts';

export interface RuleResult {
  errors: PackIssue[];
  warnings: PackIssue[];
}

const S = 'services.json';
const W = 'windows.json';

function duplicates<T>(values: T[]): Set<T> {
  const seen = new Set<T>();
  const dup = new Set<T>();
  for (const v of values) (seen.has(v) ? dup : seen).add(v);
  return dup;
}

/** 主项 codes of the national list: province (2) + 2036 + main item (3); a 子项 adds 3 digits. */
const MAIN_ITEM_CODE = /^\d{9}$/;
const SUB_ITEM_CODE = /^\d{12}$/;
/** Letters that read as digits on a ticket (O 0, I 1, Z 2). */
const DIGIT_LIKE_LETTERS = /[OIZ]/;
/** Earliest and latest a hall plausibly issues tickets. */
const EARLIEST_ISSUING = '06:00';
const LATEST_ISSUING = '22:00';

function itemCodeRules(s: PackData['services'][number], place: string, out: RuleResult): void {
  const main = s.mainItem.code;
  if (!MAIN_ITEM_CODE.test(main)) {
    out.errors.push(issue('service.main-item-code', S, place, `主项编码“${main}”不符合国家事项编码规则，应为 9 位数字（省代码 2 位 + 2036 + 主项 3 位，例如 212036001）`));
  } else if (s.code !== main && !(SUB_ITEM_CODE.test(s.code) && s.code.startsWith(main))) {
    out.errors.push(issue('service.item-code', S, place, `事项编码“${s.code}”不符合国家事项编码规则，应为 12 位数字且前 9 位是主项编码 ${main}（例如 ${main}001）`));
  }
}

function ticketRules(s: PackData['services'][number], place: string, out: RuleResult): void {
  if (DIGIT_LIKE_LETTERS.test(s.ticket.prefix)) {
    out.errors.push(issue('service.prefix-reads-as-digit', S, place, `取号字头“${s.ticket.prefix}”含有 O、I 或 Z，在票上和大屏上容易看成数字 0、1、2，请换一个字母`));
  }
  if (s.ticket.elderlyPriorityAge !== null && !s.ticket.greenChannel) {
    out.errors.push(issue('service.priority-without-green-channel', S, place, `设置了 ${s.ticket.elderlyPriorityAge} 岁以上老年人优先，但没有开通绿色通道，优先号无法提前办理；请开通绿色通道或把老年人优先年龄设为 null`));
  }
  if (s.ticket.elderlyPriorityAge !== null && s.identity === 'none') {
    out.errors.push(issue('service.priority-without-identity', S, place, `设置了 ${s.ticket.elderlyPriorityAge} 岁以上老年人优先，但该事项取号时不读取身份证件（身份核验要求为 none），无法知道年龄；请把老年人优先年龄设为 null 或要求读取证件`));
  }
  s.ticket.issuingHours.forEach((h, j) => {
    if (h.from < EARLIEST_ISSUING || h.to > LATEST_ISSUING) {
      out.warnings.push(issue('service.issuing-hours-unusual', S, place, `取号时段第${j + 1}条 ${h.from}—${h.to} 超出 ${EARLIEST_ISSUING}—${LATEST_ISSUING}，请核对是否写错（例如 8:30 写成了 18:30）`));
    }
  });
}

function serviceRules(p: PackData, out: RuleResult): void {
  const dupCodes = duplicates(p.services.map((s) => s.code));
  const dupPrefixes = duplicates(p.services.map((s) => s.ticket.prefix));
  const dupNames = duplicates(p.services.map((s) => s.name));
  const dupShortNames = duplicates(p.services.map((s) => s.shortName ?? s.name));
  p.services.forEach((s, i) => {
    const place = itemPlace(S, i, s);
    itemCodeRules(s, place, out);
    ticketRules(s, place, out);
    if (dupNames.has(s.name)) out.errors.push(issue('service.duplicate-name', S, place, `事项名称“${s.name}”与其他事项重复，群众无法区分`));
    else if (dupShortNames.has(s.shortName ?? s.name)) {
      out.errors.push(issue('service.duplicate-short-name', S, place, `取号机按钮上的简称“${s.shortName ?? s.name}”与其他事项重复，群众无法区分`));
    }
    if (s.guide.materials.length === 0) {
      out.warnings.push(issue('service.no-materials', S, place, '没有申办材料：一次性告知单上将不列任何材料，请核对是否漏填'));
    }
    if (dupCodes.has(s.code)) out.errors.push(issue('service.duplicate-code', S, place, `事项编码 ${s.code} 与其他事项重复`));
    if (dupPrefixes.has(s.ticket.prefix)) out.errors.push(issue('service.duplicate-prefix', S, place, `取号字头“${s.ticket.prefix}”与其他事项重复，叫号时无法区分`));
    const { from, to } = s.ticket.range;
    if (from > to) out.errors.push(issue('service.range-order', S, place, `号段起始号 ${from} 大于截止号 ${to}`));
    else if (to - from + 1 < s.ticket.dailyCap) {
      out.errors.push(issue('service.range-too-small', S, place, `号段 ${from}—${to} 只有 ${to - from + 1} 个号，放不下每日取号上限 ${s.ticket.dailyCap} 个`));
    }
    s.ticket.issuingHours.forEach((h, j) => {
      if (h.from >= h.to) out.errors.push(issue('service.issuing-hours', S, place, `取号时段第${j + 1}条的开始时间 ${h.from} 不早于结束时间 ${h.to}`));
    });
    const deferrable = s.guide.materials.filter((m) => m.deferrable);
    if (deferrable.length > 0 && !s.guide.deferredAcceptance.allowed) {
      out.errors.push(issue('service.deferral-mismatch', S, place, `申办材料「${deferrable[0]!.name}」标为可容缺，但本事项未开通容缺受理`));
    }
    const supply = supplyWorkingDays(s.guide);
    if (s.guide.deferredAcceptance.allowed && s.guide.timeLimit.kind === 'working_days' && supply > s.guide.timeLimit.days) {
      out.errors.push(issue('service.deferral-too-long', S, place, `容缺材料补正时限 ${supply} 个工作日超过了本事项的办理时限 ${s.guide.timeLimit.days} 个工作日（DB21/T 4402 9.5.7）`));
    }
    if (s.guide.deferredAcceptance.allowed && deferrable.length === 0) {
      out.errors.push(issue('service.deferral-mismatch', S, place, '本事项开通了容缺受理，但没有标明哪些材料可以容缺'));
    }
    s.guide.channels.forEach((c, j) => {
      if ((c.kind === 'web' || c.kind === 'mobile') && !c.url) {
        out.errors.push(issue('service.channel-link', S, place, `办理渠道第${j + 1}条（${c.kind === 'web' ? '网上办理' : '掌上办理'}）缺少网址，取号机无法显示二维码`));
      }
      if (c.kind === 'phone' && !c.phone) out.errors.push(issue('service.channel-phone', S, place, `办理渠道第${j + 1}条（电话办理）缺少电话号码`));
    });
    if (!s.guide.channels.some((c) => c.kind === 'window')) {
      out.errors.push(issue('service.no-window-channel', S, place, '办理渠道中没有“窗口办理”，大厅无法为该事项取号'));
    }
    if (s.guide.materials.length > 4) {
      out.warnings.push(issue('service.many-materials', S, place, `申办材料有 ${s.guide.materials.length} 项；国家清单中面向群众的事项一般不超过 4 项，请核对`));
    }
  });
}

function windowRules(p: PackData, out: RuleResult): void {
  const codes = new Set(p.services.map((s) => s.code));
  const dupNumbers = duplicates(p.windows.map((w) => w.number));
  p.windows.forEach((w, i) => {
    const place = itemPlace(W, i, w);
    if (dupNumbers.has(w.number)) out.errors.push(issue('window.duplicate-number', W, place, `窗口号 ${w.number} 重复`));
    for (const code of w.services) {
      if (!codes.has(code)) out.errors.push(issue('window.unknown-service', W, place, `办理事项中的编码 ${code} 在 services.json 中不存在`));
    }
    if (w.generalCounter) {
      const missing = p.services.filter((s) => !w.services.includes(s.code));
      if (missing.length > 0) {
        out.errors.push(issue('window.general-counter-incomplete', W, place, `是综合柜员窗口，但不能办理「${missing[0]!.name}」等 ${missing.length} 个事项`));
      }
    }
  });
  p.services.forEach((s, i) => {
    const serving = p.windows.filter((w) => w.services.includes(s.code));
    if (serving.length === 0) {
      out.errors.push(issue('service.no-window', S, itemPlace(S, i, s), '没有任何窗口办理该事项，取到的号无人叫'));
    } else if (serving.every((w) => w.tidal)) {
      out.errors.push(issue('service.tidal-only', S, itemPlace(S, i, s), `只有潮汐窗口（${serving.map((w) => `${w.number}号`).join('、')}）办理该事项；潮汐窗口平时关闭，取到的号可能无人叫。请再安排一个常开窗口`));
    }
  });
  if (!p.windows.some((w) => w.tidal)) {
    out.warnings.push(issue('window.no-tidal', W, '', `没有潮汐窗口；排队超过 ${p.manifest.hall.tidalThreshold} 人时无窗口可开（DB21/T 4402 7.1.6）`));
  }
}

function staffRules(p: PackData, files: ReadonlySet<string>, out: RuleResult): void {
  const dupIds = duplicates(p.staff.map((s) => s.id));
  const byLowerCase = new Map([...files].map((f) => [f.toLowerCase(), f]));
  p.staff.forEach((s, i) => {
    const place = itemPlace('staff.json', i, s);
    if (dupIds.has(s.id)) out.errors.push(issue('staff.duplicate-id', 'staff.json', place, `工号 ${s.id} 重复`));
    if (!s.photo.startsWith('staff/')) out.errors.push(issue('staff.photo-place', 'staff.json', place, `照片 ${s.photo} 应放在 staff/ 目录中`));
    else if (!files.has(s.photo)) {
      const other = byLowerCase.get(s.photo.toLowerCase());
      const hint = other ? `；包里有 ${other}，文件名的大小写不同（例如 .PNG 和 .png），请改成一致` : '';
      out.errors.push(issue('staff.photo-missing', 'staff.json', place, `照片文件 ${s.photo} 不在内容包中${hint}`));
    }
  });
}

const isoWeekday = (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay();
const validDate = (date: string): boolean => {
  const d = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === date;
};

function calendarRules(p: PackData, now: Date, out: RuleResult): void {
  const F = 'calendar.json';
  const dupYears = duplicates(p.calendar.years.map((y) => y.year));
  for (const y of p.calendar.years) {
    const place = `${y.year}年`;
    if (dupYears.has(y.year)) out.errors.push(issue('calendar.duplicate-year', F, place, '该年度出现了两次'));
    const holidayDates = y.holidays.flatMap((h) => h.dates);
    for (const d of [...holidayDates, ...y.workdays]) {
      if (!validDate(d)) out.errors.push(issue('calendar.bad-date', F, place, `日期 ${d} 不存在`));
      else if (!d.startsWith(`${y.year}-`)) out.errors.push(issue('calendar.wrong-year', F, place, `日期 ${d} 不属于 ${y.year} 年`));
    }
    for (const d of duplicates(holidayDates)) out.errors.push(issue('calendar.duplicate-date', F, place, `节假日 ${d} 重复出现`));
    for (const d of duplicates(y.workdays)) out.errors.push(issue('calendar.duplicate-workday', F, place, `调休上班日 ${d} 重复出现`));
    if (!y.provisional && y.holidays.length === 0) {
      out.errors.push(issue('calendar.final-without-holidays', F, place, '标为正式安排（provisional 为 false），却没有任何节假日；请按国务院办公厅公布的安排填写，尚未公布时标为暂定（provisional: true）'));
    }
    for (const d of y.workdays) {
      if (holidayDates.includes(d)) out.errors.push(issue('calendar.holiday-and-workday', F, place, `${d} 同时是节假日和调休上班日`));
      else if (validDate(d) && ![0, 6].includes(isoWeekday(d))) {
        out.errors.push(issue('calendar.workday-not-weekend', F, place, `调休上班日 ${d} 不是周六或周日，本来就是工作日`));
      }
    }
    if (y.provisional) out.warnings.push(issue('calendar.provisional', F, place, '节假日安排为暂定，国务院办公厅公布后请更新'));
  }
  const thisYear = now.getUTCFullYear();
  if (!p.calendar.years.some((y) => y.year === thisYear)) {
    out.errors.push(issue('calendar.missing-current-year', F, '', `缺少今年（${thisYear}年）的节假日安排，办理时限无法按工作日计算`));
  }
}

function voiceRules(p: PackData, files: ReadonlySet<string>, out: RuleResult): void {
  const need = requiredVoiceClips(p.services.map((s) => s.ticket.prefix), p.windows.map((w) => w.number));
  const example = p.services[0] && p.windows[0] ? `（例如“${callText(`${p.services[0].ticket.prefix}023`, p.windows[0].number)}”）` : '';
  for (const clip of [...need].sort()) {
    if (!files.has(clip)) out.errors.push(issue('voice.missing-clip', clip, '', `缺少叫号语音片段，叫号${example}需要它`));
  }
}

function noticeRules(p: PackData, now: Date, out: RuleResult): void {
  const dupIds = duplicates(p.notices.map((n) => n.id));
  p.notices.forEach((n, i) => {
    const place = itemPlace('notices.json', i, n);
    if (dupIds.has(n.id)) out.errors.push(issue('notice.duplicate-id', 'notices.json', place, `公告编号 ${n.id} 重复`));
    if (n.from && n.until && new Date(n.until) <= new Date(n.from)) {
      out.errors.push(issue('notice.schedule', 'notices.json', place, '结束显示时间早于开始显示时间，公告永远不会显示'));
    } else if (n.until && new Date(n.until) < now) {
      out.warnings.push(issue('notice.expired', 'notices.json', place, `结束显示时间 ${n.until} 已经过去，公告不会再显示；请删除这条公告或修改结束时间`));
    }
    n.daily?.forEach((r, j) => {
      if (r.from >= r.to) out.errors.push(issue('notice.daily', 'notices.json', place, `每日显示时段第${j + 1}条的开始时间不早于结束时间`));
    });
  });
}

function evaluationRules(p: PackData, out: RuleResult): void {
  for (const r of duplicates(p.evaluation.badReasons)) {
    out.errors.push(issue('evaluation.duplicate-reason', 'evaluation.json', '', `差评原因「${r}」重复`));
  }
}

/** Versions go up by one per release; a version near 2^53 could never be followed by a bigger one. */
export const MAX_PACK_VERSION = 1_000_000_000;

/** The registration authority's division in a credit code (characters 3–8) is the hall's region or one above it. */
function creditCodeFitsRegion(creditCode: string, regionCode: string): boolean {
  const division = creditCode.slice(2, 8);
  return [regionCode, `${regionCode.slice(0, 4)}00`, `${regionCode.slice(0, 2)}0000`].includes(division);
}

function hallRules(p: PackData, out: RuleResult): void {
  const M = 'manifest.json';
  const { regionCode, creditCode } = p.manifest.hall;
  if (regionCode && creditCode && !creditCodeFitsRegion(creditCode, regionCode)) {
    out.errors.push(issue('hall.credit-code-region', M, '大厅信息', `统一社会信用代码第3—8位是登记机关的行政区划代码 ${creditCode.slice(2, 8)}，与大厅的行政区划代码 ${regionCode}（或其所属市、省）不符；请核对两个代码是否属于同一机构`));
  }
  if (p.manifest.version > MAX_PACK_VERSION) {
    out.errors.push(issue('manifest.version-too-large', M, '版本号', `版本号 ${p.manifest.version} 过大；版本号应从 1 起每次加 1（最大 ${MAX_PACK_VERSION}），否则以后无法再发布更高的版本`));
  }
  if (!p.manifest.hall.regionCode) {
    out.warnings.push(issue('hall.no-region-code', M, '大厅信息', '没有填写行政区划代码（regionCode），无法生成规范的办件编号'));
  }
  if (!p.manifest.hall.creditCode) {
    out.warnings.push(issue('hall.no-credit-code', M, '大厅信息', '没有填写经办机构的统一社会信用代码（creditCode），上报评价时无法生成事项实施编码'));
  }
}

/** Cross-file rules. `files` is the set of file paths in the pack. */
export function crossFileRules(p: PackData, files: ReadonlySet<string>, now: Date): RuleResult {
  const out: RuleResult = { errors: [], warnings: [] };
  hallRules(p, out);
  serviceRules(p, out);
  windowRules(p, out);
  staffRules(p, files, out);
  calendarRules(p, now, out);
  voiceRules(p, files, out);
  noticeRules(p, now, out);
  evaluationRules(p, out);
  demonstrationSiteRules(p, out);
  kioskRules(p, out);
  return out;
}
