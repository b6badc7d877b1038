// Corpus cases of issue 12 §3 about what a pack says: media that are not what they claim, blank or invisible text,
// the domain rules of a 医保 hall, and messages that name what was found and what is expected.
import { pcmWav } from './pcm-wav.ts';
import { DEMO_KEY, getJson, mutate, sampleFiles, sealed, setJson, svc, toZip, enc, type BrokenPack } from './helpers.ts';

/** A PNG whose header says `width`×`height` (no pixel data needed: the header is all a validator may read). */
export function pngHeader(width: number, height: number): Uint8Array {
  const b = new Uint8Array(8 + 25 + 12);
  const v = new DataView(b.buffer);
  b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  v.setUint32(8, 13);
  b.set(enc.encode('IHDR'), 12);
  v.setUint32(16, width);
  v.setUint32(20, height);
  b.set([8, 2, 0, 0, 0], 24);
  v.setUint32(33, 0);
  b.set(enc.encode('IEND'), 37);
  return b;
}

const hall = (f: Parameters<typeof getJson>[0], edit: (h: Record<string, unknown>) => void): void => {
  const m = getJson(f, 'manifest.json');
  edit(m.hall);
  setJson(f, 'manifest.json', m);
};
const services = (f: Parameters<typeof getJson>[0], edit: (s: ReturnType<typeof svc>) => void): void => {
  const s = svc(f);
  edit(s);
  setJson(f, 'services.json', s);
};

export const contentCases: BrokenPack[] = [
  {
    id: 'svg-script-as-png',
    rule: 'media.content-mismatch',
    message: 'staff/20102.png: 文件内容是SVG/HTML 等网页文本（可能含脚本），与扩展名“.png”不符（应为PNG 图片）',
    zip: mutate((f) => void f.set('staff/20102.png', enc.encode('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>'))),
  },
  {
    id: 'png-30000-pixels',
    rule: 'media.staff-photo',
    message: 'staff/20101.png: 图片尺寸为 30000×30000 像素，工作人员照片每边不能超过 1200 像素（请缩小后再放入）',
    zip: mutate((f) => void f.set('staff/20101.png', pngHeader(30000, 30000))),
  },
  {
    id: 'media-image-too-big',
    rule: 'media.file',
    message: 'media/banner.png: 图片尺寸为 8000×600 像素，图片每边不能超过 4096 像素（请缩小后再放入）',
    zip: mutate((f) => void f.set('media/banner.png', pngHeader(8000, 600))),
  },
  {
    id: 'media-wav-odd-rate',
    rule: 'media.file',
    message: 'media/notice.wav: 采样率为 7000 Hz，应为 8000、11025、16000、22050、24000、32000、44100、48000 Hz 之一',
    zip: mutate((f) => void f.set('media/notice.wav', pcmWav({ sampleRate: 7000, ms: 1000 }))),
  },
  {
    id: 'mp4-that-is-a-wav',
    rule: 'media.content-mismatch',
    message: 'media/intro.mp4: 文件内容是WAV 音频，与扩展名“.mp4”不符（应为MP4 视频）',
    zip: mutate((f) => void f.set('media/intro.mp4', pcmWav())),
  },
  {
    id: 'empty-short-name',
    rule: 'schema.too_small',
    message: 'services.json 第1项「城乡居民参保登记」: 简称不能为空',
    zip: mutate((f) => services(f, (s) => void (s[0].shortName = ''))),
  },
  {
    id: 'zero-width-name',
    rule: 'schema.custom',
    message: 'services.json 第2项: 名称：只有空格或看不见的字符（如零宽空格），等于空白',
    zip: mutate((f) => services(f, (s) => void (s[1].name = '\u200b'))),
  },
  {
    id: 'phone-of-spaces',
    rule: 'schema.invalid_format',
    message: 'manifest.json: 大厅信息：咨询电话：电话号码格式不正确（应为数字，可含 - 和括号，至少 3 位数字），实际是文字“   ”（前后有多余的空格）',
    zip: mutate((f) => hall(f, (h) => void (h.consultPhone = '   '))),
  },
  {
    id: 'name-5000-characters',
    rule: 'schema.too_big',
    message: 'services.json 第1项「长长长长长长长长长长长长长长长长长长长长长长长长…」: 名称不能超过40个字',
    zip: mutate((f) => services(f, (s) => void (s[0].name = '长'.repeat(5000)))),
  },
  {
    id: 'duplicate-item-name',
    rule: 'service.duplicate-name',
    message: 'services.json 第2项「城乡居民参保登记」: 事项名称“城乡居民参保登记”与其他事项重复，群众无法区分',
    zip: mutate((f) => services(f, (s) => void (s[1].name = s[0].name))),
  },
  {
    id: 'item-code-not-under-main-item',
    rule: 'service.item-code',
    message: 'services.json 第1项「城乡居民参保登记」: 事项编码“212036001003”不符合国家事项编码规则，应为 12 位数字且前 9 位是主项编码 212036002（例如 212036002001）',
    zip: mutate((f) => services(f, (s) => void (s[0].mainItem.code = '212036002'))),
  },
  {
    id: 'main-item-code-short',
    rule: 'service.main-item-code',
    message: 'services.json 第1项「城乡居民参保登记」: 主项编码“2036001”不符合国家事项编码规则，应为 9 位数字（省代码 2 位 + 2036 + 主项 3 位，例如 212036001）',
    zip: mutate((f) => services(f, (s) => void (s[0].mainItem.code = '2036001'))),
  },
  {
    id: 'credit-code-other-region',
    rule: 'hall.credit-code-region',
    message: 'manifest.json 大厅信息: 统一社会信用代码第3—8位是登记机关的行政区划代码 211223，与大厅的行政区划代码 210102（或其所属市、省）不符；请核对两个代码是否属于同一机构',
    zip: mutate((f) => hall(f, (h) => void (h.regionCode = '210102'))),
  },
  {
    id: 'prefix-o-reads-as-zero',
    rule: 'service.prefix-reads-as-digit',
    message: 'services.json 第1项「城乡居民参保登记」: 取号字头“O”含有 O、I 或 Z，在票上和大屏上容易看成数字 0、1、2，请换一个字母',
    zip: mutate((f) => services(f, (s) => void (s[0].ticket.prefix = 'O'))),
  },
  {
    id: 'item-served-only-by-tidal-windows',
    rule: 'service.tidal-only',
    message: 'services.json 第1项「城乡居民参保登记」: 只有潮汐窗口（1号、2号、6号）办理该事项；潮汐窗口平时关闭，取到的号可能无人叫。请再安排一个常开窗口',
    zip: mutate((f) => {
      const w = getJson(f, 'windows.json');
      w[0].tidal = true;
      w[1].tidal = true;
      setJson(f, 'windows.json', w);
    }),
  },
  {
    id: 'priority-without-green-channel',
    rule: 'service.priority-without-green-channel',
    message: 'services.json 第1项「城乡居民参保登记」: 设置了 70 岁以上老年人优先，但没有开通绿色通道，优先号无法提前办理；请开通绿色通道或把老年人优先年龄设为 null',
    zip: mutate((f) => services(f, (s) => void (s[0].ticket.greenChannel = false))),
  },
  {
    id: 'priority-without-identity',
    rule: 'service.priority-without-identity',
    message: 'services.json 第6项「参保单位参保缴费信息查询」: 设置了 70 岁以上老年人优先，但该事项取号时不读取身份证件（身份核验要求为 none），无法知道年龄；请把老年人优先年龄设为 null 或要求读取证件',
    zip: mutate((f) => services(f, (s) => void (s[5].ticket.elderlyPriorityAge = 70))),
  },
  {
    id: 'final-calendar-without-holidays',
    rule: 'calendar.final-without-holidays',
    message: 'calendar.json 2027年: 标为正式安排（provisional 为 false），却没有任何节假日；请按国务院办公厅公布的安排填写，尚未公布时标为暂定（provisional: true）',
    zip: mutate((f) => {
      const c = getJson(f, 'calendar.json');
      c.years[1] = { year: 2027, provisional: false, holidays: [], workdays: [] };
      setJson(f, 'calendar.json', c);
    }),
  },
  {
    id: 'workday-listed-twice',
    rule: 'calendar.duplicate-workday',
    message: 'calendar.json 2026年: 调休上班日 2026-01-04 重复出现',
    zip: mutate((f) => {
      const c = getJson(f, 'calendar.json');
      c.years[0].workdays.push('2026-01-04');
      setJson(f, 'calendar.json', c);
    }),
  },
  {
    id: 'version-near-2-pow-53',
    rule: 'manifest.version-too-large',
    message: 'manifest.json 版本号: 版本号 9007199254740990 过大；版本号应从 1 起每次加 1（最大 1000000000），否则以后无法再发布更高的版本',
    zip: mutate(() => undefined, { version: 2 ** 53 - 2 }),
  },
  {
    id: 'window-number-as-text',
    rule: 'schema.invalid_type',
    message: 'windows.json 第1项「综合柜员窗口」: 窗口号应为数字，实际是文字“5号”',
    zip: mutate((f) => {
      const w = getJson(f, 'windows.json');
      w[0].number = '5号';
      setJson(f, 'windows.json', w);
    }),
  },
  {
    id: 'missing-complaint-phone',
    rule: 'schema.invalid_type',
    message: 'manifest.json: 大厅信息：缺少投诉电话',
    zip: mutate((f) => hall(f, (h) => void delete h.complaintPhone)),
  },
  {
    id: 'chinese-colon-in-time',
    rule: 'schema.invalid_format',
    message: 'services.json 第1项「城乡居民参保登记」: 取号规则·取号时段第1条开始时间：时间应写成 08:30 这样的格式，实际是文字“08：30”（这里用了中文冒号“：”，请改为英文冒号 :）',
    zip: mutate((f) => services(f, (s) => void (s[0].ticket.issuingHours[0].from = '08：30'))),
  },
  {
    id: 'full-width-digits-in-phone',
    rule: 'schema.invalid_format',
    message: 'manifest.json: 大厅信息：咨询电话：电话号码格式不正确（应为数字，可含 - 和括号，至少 3 位数字），实际是文字“０４１０-1234567”（这里用了全角数字，请改为半角数字 0-9）',
    zip: mutate((f) => hall(f, (h) => void (h.consultPhone = '０４１０-1234567'))),
  },
  {
    id: 'photo-extension-case',
    rule: 'staff.photo-missing',
    message: 'staff.json 第1项「李明华（工号20101）」: 照片文件 staff/20101.PNG 不在内容包中；包里有 staff/20101.png，文件名的大小写不同（例如 .PNG 和 .png），请改成一致',
    zip: mutate((f) => {
      const s = getJson(f, 'staff.json');
      s[0].photo = 'staff/20101.PNG';
      setJson(f, 'staff.json', s);
    }),
  },
  {
    id: 'private-key-as-signature',
    rule: 'signature.private-key',
    message: 'manifest.sig: 这里放的是私钥，不是签名！私钥绝不能放进内容包或发给别人：请立即用 pack keygen 换一对新密钥、把新公钥交给大厅，再用 pack sign 签名',
    zip: () => {
      const f = sealed(sampleFiles(), { key: null });
      f.set('manifest.sig', enc.encode(DEMO_KEY));
      return toZip(f);
    },
  },
  {
    id: 'json-trailing-comma',
    rule: 'json.syntax',
    message: 'evaluation.json 第3行第28列: JSON 格式错误：最后一项后面多了一个逗号，请删除这个逗号',
    zip: mutate((f) => void f.set('evaluation.json', enc.encode('{\n  "badReasons": ["态度不好"],\n  "followUpWorkingDays": 15,\n}\n'))),
  },
  {
    id: 'json-comment',
    rule: 'json.syntax',
    message: 'evaluation.json 第2行第3列: JSON 格式错误：JSON 不允许注释（// 或 /* */），请删除注释',
    zip: mutate((f) => void f.set('evaluation.json', enc.encode('{\n  // 差评原因\n  "badReasons": ["态度不好"]\n}\n'))),
  },
];

/** Packs that are accepted, each with a warning a manager should read. */
export const warningPacks: BrokenPack[] = [
  {
    // A notice past its end is simply not shown: refusing the pack for it would make a pack (and every new hall set up
    // from it) stop working the day the notice ends.
    id: 'expired-notice',
    rule: 'notice.expired',
    message: 'notices.json 第4项「2027年度城乡居民医保集中缴费」: 结束显示时间 2026-06-30T23:59:59+08:00 已经过去，公告不会再显示；请删除这条公告或修改结束时间',
    zip: mutate((f) => {
      const n = getJson(f, 'notices.json');
      n[3].from = '2026-01-01T00:00:00+08:00';
      n[3].until = '2026-06-30T23:59:59+08:00';
      setJson(f, 'notices.json', n);
    }),
  },
  {
    id: 'issuing-hours-at-night',
    rule: 'service.issuing-hours-unusual',
    message: 'services.json 第1项「城乡居民参保登记」: 取号时段第2条 13:00—23:30 超出 06:00—22:00，请核对是否写错（例如 8:30 写成了 18:30）',
    zip: mutate((f) => services(f, (s) => void (s[0].ticket.issuingHours[1].to = '23:30'))),
  },
  {
    id: 'item-without-materials',
    rule: 'service.no-materials',
    message: 'services.json 第3项「城乡居民参保信息变更登记」: 没有申办材料：一次性告知单上将不列任何材料，请核对是否漏填',
    zip: mutate((f) => services(f, (s) => void (s[2].guide.materials = []))),
  },
];
