// Turns zod issues into the words of a hall manager: file, place, problem. Browser-safe.
import type { z } from 'zod';
import { INVISIBLE_CHARS } from '../schema/common.ts';
import { issue, type PackIssue } from './report.ts';

const labels: Record<string, string> = {
  code: '编码', name: '名称', mainItem: '主项', shortName: '简称', serviceObject: '服务对象', conditions: '受理条件',
  process: '办理流程', materials: '申办材料', form: '原件或复印件', count: '份数', notes: '备注', deferrable: '是否容缺',
  timeLimit: '办理时限', days: '工作日数', legalBasis: '设定依据', agency: '受理机构', location: '受理地点', hours: '办理时间',
  consultPhone: '咨询电话', supervisePhone: '监督电话', evaluationChannels: '评价渠道', fee: '收费标准',
  deferredAcceptance: '容缺受理', allowed: '是否允许', note: '说明', identity: '身份核验要求', ticket: '取号规则',
  prefix: '取号字头', range: '号段', dailyCap: '每日取号上限', issuingHours: '取号时段', elderlyPriorityAge: '老年人优先年龄',
  greenChannel: '绿色通道', channels: '办理渠道', kind: '类型', description: '说明', url: '网址', phone: '电话',
  number: '窗口号', services: '办理事项', tidal: '是否潮汐窗口', generalCounter: '是否综合柜员窗口', photo: '照片',
  partyMember: '是否党员', stars: '星级', title: '标题', badReasons: '差评原因', followUpWorkingDays: '差评处理时限（工作日）',
  noRatingTimeoutSeconds: '未评价等待秒数', retentionDays: '个人信息保存天数', years: '年度', year: '年份',
  provisional: '是否暂定', holidays: '节假日', dates: '日期', workdays: '调休上班日', targets: '显示位置', body: '内容',
  important: '是否重要', daily: '每日显示时段', until: '结束显示时间', schemaVersion: '格式版本', packId: '内容包标识',
  version: '版本号', created: '创建时间', product: '适用软件版本', min: '最低版本', max: '最高版本', sample: '是否示例数据',
  hall: '大厅信息', level: '大厅层级', region: '所属地区', address: '地址', duties: '机构职责', commitments: '服务承诺',
  slogan: '标语', tidalThreshold: '潮汐窗口开启人数', files: '文件清单', path: '路径', sha256: '校验值', size: '大小',
  id: '编号', guide: '办事指南', regionCode: '行政区划代码', creditCode: '统一社会信用代码', callRepeat: '叫号播报次数',
  complaintPhone: '投诉电话', from: '开始', to: '结束', alg: '签名算法', keyId: '密钥编号', signature: '签名',
};
/** Keys whose meaning depends on the parent. */
const parentLabels: Record<string, Record<string, string>> = {
  range: { from: '起始号', to: '截止号' },
  issuingHours: { from: '开始时间', to: '结束时间' },
  daily: { from: '开始时间', to: '结束时间' },
  '': { from: '开始显示时间' },
};
const staffLabels: Record<string, string> = { id: '工号', title: '职务' };

/** Every field key the pack schemas use has a Chinese label (a test walks the schemas); an unknown key is quoted. */
export function hasLabel(key: string): boolean {
  return key in labels || Object.values(parentLabels).some((l) => key in l);
}

function labelOf(key: string, parent: string, file: string): string {
  if (file === 'staff.json' && staffLabels[key]) return staffLabels[key]!;
  return parentLabels[parent]?.[key] ?? parentLabels['']?.[key] ?? labels[key] ?? `字段“${key}”`;
}

/** The value at `path` in the parsed JSON (zod 4 leaves `iss.input` out unless asked, so it is looked up here). */
function valueAt(data: unknown, path: ReadonlyArray<string | number>): { present: boolean; value: unknown } {
  let at: unknown = data;
  for (const seg of path) {
    if (at === null || typeof at !== 'object' || !Object.prototype.hasOwnProperty.call(at, seg)) return { present: false, value: undefined };
    at = (at as Record<string | number, unknown>)[seg];
  }
  return { present: true, value: at };
}

/** How a found value reads in a message: 文字“5号”, 数字 5, 列表, … */
function describeValue(v: unknown): string {
  if (v === null) return '空值 null';
  if (typeof v === 'string') return `文字“${v.length > 30 ? `${v.slice(0, 30)}…` : v}”`;
  if (typeof v === 'number') return `数字 ${v}`;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (Array.isArray(v)) return '列表（[ ]）';
  return '对象（{ }）';
}

/** A hint for the usual typing slips in a text value: the Chinese colon, full-width digits, stray spaces. */
function typingHint(v: unknown): string {
  if (typeof v !== 'string') return '';
  if (v.includes('：')) return '（这里用了中文冒号“：”，请改为英文冒号 :）';
  if (/[０-９]/.test(v)) return '（这里用了全角数字，请改为半角数字 0-9）';
  if (/[－（）＋]/.test(v)) return '（这里用了全角符号，请改为半角）';
  if (v !== v.trim()) return '（前后有多余的空格）';
  return '';
}

const typeNames: Record<string, string> = {
  string: '文字', number: '数字', int: '整数', boolean: 'true 或 false', array: '列表（[ ]）', object: '对象（{ }）',
};

/** How an item of a list file is named: 第3项「异地就医备案」. */
/** A name as it goes into a place: invisible characters dropped, long ones cut. */
const shown = (text: string): string => {
  const visible = text.replace(INVISIBLE_CHARS, '').trim();
  return visible.length > 24 ? `${visible.slice(0, 24)}…` : visible;
};

export function itemPlace(file: string, index: number, item: unknown): string {
  const o = (item && typeof item === 'object' ? item : {}) as Record<string, unknown>;
  let name = '';
  if (file === 'windows.json' && typeof o.number === 'number') name = `${o.number}号窗口`;
  else if (file === 'staff.json' && typeof o.name === 'string') name = `${o.name}${typeof o.id === 'string' ? `（工号${o.id}）` : ''}`;
  else if (typeof o.name === 'string') name = o.name;
  else if (typeof o.title === 'string') name = o.title;
  else if (typeof o.year === 'number') name = `${o.year}年`;
  name = shown(name);
  return `第${index + 1}项${name ? `「${name}」` : ''}`;
}

function problemText(iss: z.core.$ZodIssue, label: string, found: { present: boolean; value: unknown }): string {
  const hint = found.present ? typingHint(found.value) : '';
  switch (iss.code) {
    case 'invalid_type':
      if (!found.present || found.value === undefined) return `缺少${label}`;
      return `${label}应为${typeNames[iss.expected] ?? iss.expected}，实际是${describeValue(found.value)}${hint}`;
    case 'too_small':
      if (iss.origin === 'string') return Number(iss.minimum) <= 1 ? `${label}不能为空` : `${label}至少要有${iss.minimum}个字`;
      if (iss.origin === 'array' || iss.origin === 'set') return `${label}至少要有${iss.minimum}项`;
      return `${label}不能小于${iss.minimum}`;
    case 'too_big':
      if (iss.origin === 'string') return `${label}不能超过${iss.maximum}个字`;
      if (iss.origin === 'array' || iss.origin === 'set') return `${label}最多${iss.maximum}项`;
      return `${label}不能大于${iss.maximum}`;
    case 'invalid_format': {
      const got = found.present ? `，实际是${describeValue(found.value)}${hint}` : '';
      return /[\u4e00-\u9fff]/.test(iss.message) ? `${label}：${iss.message}${got}` : `${label}格式不正确${got}`;
    }
    case 'invalid_value':
      return `${label}只能是：${iss.values.map((v) => String(v)).join('、')}${found.present ? `，实际是${describeValue(found.value)}` : ''}`;
    case 'unrecognized_keys':
      return `有无法识别的字段：${iss.keys.join('、')}（请检查拼写）`;
    case 'invalid_union':
      return `${label}格式不正确`;
    case 'not_multiple_of':
      return `${label}数值不正确`;
    default:
      return /[\u4e00-\u9fff]/.test(iss.message) ? `${label}：${iss.message}` : `${label}不正确`;
  }
}

/** One PackIssue per zod issue of `file`; `data` is the parsed JSON (to name list items). */
export function zodIssues(file: string, data: unknown, error: z.ZodError): PackIssue[] {
  return error.issues.map((iss) => {
    const path = iss.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    let place = '';
    let rest = path;
    if (Array.isArray(data) && typeof path[0] === 'number') {
      place = itemPlace(file, path[0], data[path[0]]);
      rest = path.slice(1);
    } else if (!Array.isArray(data) && path[0] === 'years' && typeof path[1] === 'number' && data && typeof data === 'object') {
      const years = (data as { years?: unknown[] }).years;
      place = itemPlace(file, path[1], Array.isArray(years) ? years[path[1]] : undefined).replace('项', '个年度');
      rest = path.slice(2);
    }
    // Context: every segment but the leaf; an index is attached to the list it belongs to.
    const context: string[] = [];
    let leaf = '';
    let parent = '';
    for (let i = 0; i < rest.length; i++) {
      const seg = rest[i]!;
      const next = rest[i + 1];
      const isLast = i === rest.length - 1;
      if (typeof seg === 'number') continue;
      const label = labelOf(seg, parent, file);
      if (typeof next === 'number') {
        const numbered = `${label}第${next + 1}条`;
        if (i + 1 === rest.length - 1) leaf = numbered;
        else context.push(numbered);
      } else if (isLast) {
        leaf = label;
      } else if (seg !== 'guide') {
        context.push(label);
      }
      parent = seg;
    }
    if (iss.code === 'unrecognized_keys' && leaf) {
      context.push(leaf);
      leaf = '';
    }
    const problem = problemText(iss, leaf || '内容', valueAt(data, path as Array<string | number>));
    const ctx = context.join('·');
    const text = ctx ? (ctx.endsWith('条') ? `${ctx}${problem}` : `${ctx}：${problem}`) : problem;
    return issue(`schema.${iss.code}`, file, place, text);
  });
}
