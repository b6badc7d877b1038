// What changed between two packs, in the words of a hall manager. Pure and browser-safe.
import { materialFormLabels, type Material, type PackData, type TimeLimit } from '../schema/index.ts';

const timeLimitText = (t: TimeLimit): string => (t.kind === 'immediate' ? '即办' : `${t.days}个工作日`);
const materialText = (m: Material): string => `${m.name}（${materialFormLabels[m.form]}${m.count}份${m.deferrable ? '，可容缺' : ''}）`;

function byKey<T, K>(list: T[], key: (t: T) => K): Map<K, T> {
  return new Map(list.map((t) => [key(t), t]));
}

export function diffPacks(a: PackData, b: PackData): string[] {
  const out: string[] = [];
  const ma = a.manifest;
  const mb = b.manifest;
  if (ma.version !== mb.version) out.push(`版本：${ma.version} → ${mb.version}`);
  if (ma.hall.name !== mb.hall.name) out.push(`大厅名称：${ma.hall.name} → ${mb.hall.name}`);
  for (const [k, label] of [['address', '地址'], ['consultPhone', '咨询电话'], ['complaintPhone', '投诉电话']] as const) {
    if (ma.hall[k] !== mb.hall[k]) out.push(`${label}：${ma.hall[k]} → ${mb.hall[k]}`);
  }
  if (ma.hall.hours.join('；') !== mb.hall.hours.join('；')) out.push(`开放时间改为：${mb.hall.hours.join('；')}`);
  if (ma.hall.commitments.join() !== mb.hall.commitments.join()) out.push('服务承诺有修改');

  const sa = byKey(a.services, (s) => s.code);
  const sb = byKey(b.services, (s) => s.code);
  for (const s of b.services) if (!sa.has(s.code)) out.push(`新增事项：${s.name}（${s.code}，取号字头 ${s.ticket.prefix}）`);
  for (const s of a.services) if (!sb.has(s.code)) out.push(`删除事项：${s.name}（${s.code}）`);
  for (const s of b.services) {
    const old = sa.get(s.code);
    if (!old) continue;
    const name = `事项「${s.name}」`;
    if (old.name !== s.name) out.push(`${name}：名称由「${old.name}」改为「${s.name}」`);
    const om = byKey(old.guide.materials, (m) => m.name);
    const nm = byKey(s.guide.materials, (m) => m.name);
    for (const m of s.guide.materials) {
      const was = om.get(m.name);
      if (!was) out.push(`${name}：新增申办材料 ${materialText(m)}`);
      else if (materialText(was) !== materialText(m)) out.push(`${name}：申办材料 ${materialText(was)} 改为 ${materialText(m)}`);
    }
    for (const m of old.guide.materials) if (!nm.has(m.name)) out.push(`${name}：不再需要申办材料「${m.name}」`);
    if (timeLimitText(old.guide.timeLimit) !== timeLimitText(s.guide.timeLimit)) {
      out.push(`${name}：办理时限由${timeLimitText(old.guide.timeLimit)}改为${timeLimitText(s.guide.timeLimit)}`);
    }
    if (old.ticket.prefix !== s.ticket.prefix) out.push(`${name}：取号字头由 ${old.ticket.prefix} 改为 ${s.ticket.prefix}`);
    if (old.ticket.dailyCap !== s.ticket.dailyCap) out.push(`${name}：每日取号上限由 ${old.ticket.dailyCap} 改为 ${s.ticket.dailyCap}`);
    if (old.guide.deferredAcceptance.allowed !== s.guide.deferredAcceptance.allowed) {
      out.push(`${name}：${s.guide.deferredAcceptance.allowed ? '开通' : '取消'}容缺受理`);
    }
    const ch = (x: typeof s) => x.guide.channels.map((c) => `${c.kind}:${c.url ?? ''}`).sort().join();
    if (ch(old) !== ch(s)) out.push(`${name}：办理渠道或网上办理链接有变化`);
    if (old.identity !== s.identity) out.push(`${name}：身份核验要求有变化`);
  }

  const wa = byKey(a.windows, (w) => w.number);
  const wb = byKey(b.windows, (w) => w.number);
  const serviceName = (code: string) => sb.get(code)?.name ?? sa.get(code)?.name ?? code;
  for (const w of b.windows) if (!wa.has(w.number)) out.push(`新增窗口：${w.number}号「${w.name}」${w.tidal ? '（潮汐窗口）' : ''}`);
  for (const w of a.windows) if (!wb.has(w.number)) out.push(`撤销窗口：${w.number}号「${w.name}」`);
  for (const w of b.windows) {
    const old = wa.get(w.number);
    if (!old) continue;
    if (old.name !== w.name) out.push(`${w.number}号窗口：名称由「${old.name}」改为「${w.name}」`);
    const added = w.services.filter((c) => !old.services.includes(c));
    const removed = old.services.filter((c) => !w.services.includes(c));
    if (added.length) out.push(`${w.number}号窗口：增加办理 ${added.map(serviceName).join('、')}`);
    if (removed.length) out.push(`${w.number}号窗口：不再办理 ${removed.map(serviceName).join('、')}`);
    if (old.tidal !== w.tidal) out.push(`${w.number}号窗口：${w.tidal ? '设为' : '不再是'}潮汐窗口`);
    if (old.generalCounter !== w.generalCounter) out.push(`${w.number}号窗口：${w.generalCounter ? '设为' : '不再是'}综合柜员窗口`);
  }

  const ta = byKey(a.staff, (s) => s.id);
  const tb = byKey(b.staff, (s) => s.id);
  for (const s of b.staff) if (!ta.has(s.id)) out.push(`新增工作人员：${s.name}（工号${s.id}）`);
  for (const s of a.staff) if (!tb.has(s.id)) out.push(`移除工作人员：${s.name}（工号${s.id}）`);
  for (const s of b.staff) {
    const old = ta.get(s.id);
    if (old && (old.name !== s.name || old.stars !== s.stars || old.partyMember !== s.partyMember)) out.push(`工作人员 ${s.name}（工号${s.id}）的信息有修改`);
  }

  const na = byKey(a.notices, (n) => n.id);
  const nb = byKey(b.notices, (n) => n.id);
  for (const n of b.notices) if (!na.has(n.id)) out.push(`新增公告：${n.title}`);
  for (const n of a.notices) if (!nb.has(n.id)) out.push(`撤下公告：${n.title}`);
  for (const n of b.notices) {
    const old = na.get(n.id);
    if (old && JSON.stringify(old) !== JSON.stringify(n)) out.push(`公告「${n.title}」有修改`);
  }

  const ya = byKey(a.calendar.years, (y) => y.year);
  for (const y of b.calendar.years) {
    const old = ya.get(y.year);
    if (!old) out.push(`新增 ${y.year} 年节假日安排${y.provisional ? '（暂定）' : ''}`);
    else if (JSON.stringify(old) !== JSON.stringify(y)) out.push(`${y.year} 年节假日安排有修改${old.provisional && !y.provisional ? '（已由暂定改为正式）' : ''}`);
  }
  if (JSON.stringify(a.evaluation) !== JSON.stringify(b.evaluation)) out.push('评价设置（差评原因、处理时限等）有修改');
  return out;
}
