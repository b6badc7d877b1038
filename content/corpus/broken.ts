// The broken-pack corpus: small mutations of the sample pack, one per validation rule, each as the zip a manager might
// upload. Every case names the rule that must refuse it and the exact message the manager must see.
import { generateKeyPair } from '../validate/index.ts';
import { contentCases } from './broken-content.ts';
import { zipCases } from './broken-zip.ts';
import { getJson, mutate, sampleFiles, sealed, setJson, svc, tamper, toZip, enc, dec, type BrokenPack } from './helpers.ts';
import { pcmWav } from './pcm-wav.ts';

export * from './helpers.ts';
export { warningPacks } from './broken-content.ts';

const ruleCases: BrokenPack[] = [
  {
    id: 'material-without-name',
    rule: 'schema.invalid_type',
    message: 'services.json 第3项「城乡居民参保信息变更登记」: 申办材料第2条缺少名称',
    zip: mutate((f) => { const s = svc(f); delete s[2].guide.materials[1].name; setJson(f, 'services.json', s); }),
  },
  {
    id: 'empty-process-step',
    rule: 'schema.too_small',
    message: 'services.json 第1项「城乡居民参保登记」: 办理流程第2条不能为空',
    zip: mutate((f) => { const s = svc(f); s[0].guide.process[1] = ' '; setJson(f, 'services.json', s); }),
  },
  {
    id: 'duplicate-code',
    rule: 'service.duplicate-code',
    message: 'services.json 第2项「职工参保登记」: 事项编码 212036001003 与其他事项重复',
    zip: mutate((f) => { const s = svc(f); s[1].code = s[0].code; setJson(f, 'services.json', s); }),
  },
  {
    id: 'duplicate-prefix',
    rule: 'service.duplicate-prefix',
    message: 'services.json 第2项「职工参保登记」: 取号字头“A”与其他事项重复，叫号时无法区分',
    zip: mutate((f) => { const s = svc(f); s[1].ticket.prefix = 'A'; setJson(f, 'services.json', s); }),
  },
  {
    id: 'range-below-cap',
    rule: 'service.range-too-small',
    message: 'services.json 第1项「城乡居民参保登记」: 号段 1—99 只有 99 个号，放不下每日取号上限 300 个',
    zip: mutate((f) => { const s = svc(f); s[0].ticket.range.to = 99; setJson(f, 'services.json', s); }),
  },
  {
    id: 'issuing-hours-reversed',
    rule: 'service.issuing-hours',
    message: 'services.json 第1项「城乡居民参保登记」: 取号时段第2条的开始时间 16:40 不早于结束时间 13:00',
    zip: mutate((f) => { const s = svc(f); s[0].ticket.issuingHours[1] = { from: '16:40', to: '13:00' }; setJson(f, 'services.json', s); }),
  },
  {
    id: 'deferral-without-acceptance',
    rule: 'service.deferral-mismatch',
    message: 'services.json 第1项「城乡居民参保登记」: 申办材料「居住证」标为可容缺，但本事项未开通容缺受理',
    zip: mutate((f) => { const s = svc(f); s[0].guide.deferredAcceptance.allowed = false; setJson(f, 'services.json', s); }),
  },
  {
    id: 'deferral-supply-beyond-time-limit',
    rule: 'service.deferral-too-long',
    message: 'services.json 第1项「城乡居民参保登记」: 容缺材料补正时限 12 个工作日超过了本事项的办理时限 10 个工作日（DB21/T 4402 9.5.7）',
    zip: mutate((f) => {
      const s = svc(f);
      s[0].guide.timeLimit = { kind: 'working_days', days: 10 };
      s[0].guide.deferredAcceptance.supplyWithinWorkingDays = 12;
      setJson(f, 'services.json', s);
    }),
  },
  {
    id: 'web-channel-without-link',
    rule: 'service.channel-link',
    message: 'services.json 第1项「城乡居民参保登记」: 办理渠道第2条（网上办理）缺少网址，取号机无法显示二维码',
    zip: mutate((f) => { const s = svc(f); delete s[0].guide.channels[1].url; setJson(f, 'services.json', s); }),
  },
  {
    id: 'window-unknown-item',
    rule: 'window.unknown-service',
    message: 'windows.json 第3项「3号窗口」: 办理事项中的编码 212036099001 在 services.json 中不存在',
    zip: mutate((f) => { const w = getJson(f, 'windows.json'); w[2].services.push('212036099001'); setJson(f, 'windows.json', w); }),
  },
  {
    id: 'duplicate-window-number',
    rule: 'window.duplicate-number',
    message: 'windows.json 第6项「5号窗口」: 窗口号 5 重复',
    zip: mutate((f) => { const w = getJson(f, 'windows.json'); w[5].number = 5; setJson(f, 'windows.json', w); }),
  },
  {
    id: 'general-counter-incomplete',
    rule: 'window.general-counter-incomplete',
    message: 'windows.json 第1项「1号窗口」: 是综合柜员窗口，但不能办理「城乡居民医疗保险费退费」等 1 个事项',
    zip: mutate((f) => { const w = getJson(f, 'windows.json'); w[0].services.pop(); setJson(f, 'windows.json', w); }),
  },
  {
    id: 'staff-photo-missing',
    rule: 'staff.photo-missing',
    message: 'staff.json 第3项「张国庆（工号20103）」: 照片文件 staff/20103.png 不在内容包中',
    zip: mutate((f) => void f.delete('staff/20103.png')),
  },
  {
    id: 'holiday-is-also-workday',
    rule: 'calendar.holiday-and-workday',
    message: 'calendar.json 2026年: 2026-10-03 同时是节假日和调休上班日',
    zip: mutate((f) => { const c = getJson(f, 'calendar.json'); c.years[0].workdays.push('2026-10-03'); setJson(f, 'calendar.json', c); }),
  },
  {
    id: 'workday-not-weekend',
    rule: 'calendar.workday-not-weekend',
    message: 'calendar.json 2026年: 调休上班日 2026-10-12 不是周六或周日，本来就是工作日',
    zip: mutate((f) => { const c = getJson(f, 'calendar.json'); c.years[0].workdays.push('2026-10-12'); setJson(f, 'calendar.json', c); }),
  },
  {
    id: 'date-in-wrong-year',
    rule: 'calendar.wrong-year',
    message: 'calendar.json 2027年: 日期 2026-12-31 不属于 2027 年',
    zip: mutate((f) => { const c = getJson(f, 'calendar.json'); c.years[1].holidays[0].dates.push('2026-12-31'); setJson(f, 'calendar.json', c); }),
  },
  {
    id: 'no-calendar-this-year',
    rule: 'calendar.missing-current-year',
    message: 'calendar.json: 缺少今年（2026年）的节假日安排，办理时限无法按工作日计算',
    zip: mutate((f) => { const c = getJson(f, 'calendar.json'); c.years.shift(); setJson(f, 'calendar.json', c); }),
  },
  {
    id: 'voice-prompt-wrong-format',
    rule: 'voice.prompt-format',
    message: 'voice/prompt-home.wav: 长辈模式语音提示不可用：格式为 44100 Hz、2 声道、16 位，应为 16000 Hz、单声道、16 位（请用 scripts/voice/generate.ts 生成）',
    zip: mutate((f) => void f.set('voice/prompt-home.wav', pcmWav({ sampleRate: 44100, channels: 2, ms: 2000 }))),
  },
  {
    id: 'voice-clip-not-wav',
    rule: 'voice.clip-format',
    message: 'voice/digit-7.wav: 叫号语音片段不可用：不是 WAV 音频文件',
    zip: mutate((f) => void f.set('voice/digit-7.wav', enc.encode('ID3\u0004 an mp3 renamed to .wav'))),
  },
  {
    id: 'voice-letter-missing',
    rule: 'voice.missing-clip',
    message: 'voice/letter-A.wav: 缺少叫号语音片段，叫号（例如“请 A023 号到 1 号窗口办理”）需要它',
    zip: mutate((f) => void f.delete('voice/letter-A.wav')),
  },
  {
    id: 'notice-ends-before-start',
    rule: 'notice.schedule',
    message: 'notices.json 第4项「2027年度城乡居民医保集中缴费」: 结束显示时间早于开始显示时间，公告永远不会显示',
    zip: mutate((f) => { const n = getJson(f, 'notices.json'); n[3].until = '2026-08-01T00:00:00+08:00'; setJson(f, 'notices.json', n); }),
  },
  {
    id: 'bad-hall-level',
    rule: 'schema.invalid_value',
    message: 'manifest.json: 大厅信息：大厅层级只能是：省、市、县区、乡镇街道、村社区，实际是文字“县级”',
    zip: mutate((f) => { const m = getJson(f, 'manifest.json'); m.hall.level = '县级'; setJson(f, 'manifest.json', m); }),
  },
  {
    id: 'credit-code-check-char',
    rule: 'schema.custom',
    message: 'manifest.json: 大厅信息：统一社会信用代码：第18位校验码不符（按 GB 32100 计算应为“B”），请核对整个代码是否抄错',
    zip: mutate((f) => { const m = getJson(f, 'manifest.json'); m.hall.creditCode = '12211223000000000A'; setJson(f, 'manifest.json', m); }),
  },
  {
    id: 'region-code-short',
    rule: 'schema.invalid_format',
    message: 'manifest.json: 大厅信息：行政区划代码：应为 6 位数字，例如 211223，实际是文字“2112”',
    zip: mutate((f) => { const m = getJson(f, 'manifest.json'); m.hall.regionCode = '2112'; setJson(f, 'manifest.json', m); }),
  },
  {
    id: 'call-repeat-too-many',
    rule: 'schema.too_big',
    message: 'manifest.json: 大厅信息：叫号播报次数不能大于3',
    zip: mutate((f) => { const m = getJson(f, 'manifest.json'); m.hall.callRepeat = 4; setJson(f, 'manifest.json', m); }),
  },
  {
    id: 'services-json-syntax',
    rule: 'json.syntax',
    message: 'services.json 第1行第15列: JSON 格式错误：这里应为用英文双引号括起来的字段名，实际是“,”',
    zip: mutate((f) => void f.set('services.json', enc.encode('[{"code": "1",,}]'))),
  },
  {
    id: 'lower-version',
    rule: 'manifest.version-not-newer',
    message: 'manifest.json 版本号: 版本 1 不高于正在使用的版本 1；新内容包的版本号必须更大（要回到旧版本请用“回退”）',
    zip: mutate(() => undefined, { version: 1 }),
  },
  {
    id: 'incompatible-product',
    rule: 'manifest.product',
    message: 'manifest.json 适用软件版本: 内容包适用于 2.0.0—2.9.0，本系统是 0.1.0',
    zip: mutate(() => undefined, { manifest: { product: { min: '2.0.0', max: '2.9.0' } } }),
  },
  {
    id: 'unsigned',
    rule: 'signature.missing',
    message: 'manifest.sig: 内容包没有签名，不能使用（请用 pack sign 签名）',
    zip: mutate(() => undefined, { key: null }),
  },
  {
    id: 'untrusted-key',
    rule: 'signature.untrusted',
    message: /^manifest\.sig: 签名密钥（[0-9a-f]{16}）不在本大厅信任的密钥列表中$/,
    zip: () => toZip(sealed(sampleFiles(), { key: generateKeyPair().privateKeyPem })),
  },
  {
    id: 'manifest-edited-after-signing',
    rule: 'signature.invalid',
    message: 'manifest.sig: 签名校验失败：manifest.json 在签名后被改动过，或签名不属于它',
    zip: tamper((f) => { const m = getJson(f, 'manifest.json'); m.hall.consultPhone = '0410-9999999'; setJson(f, 'manifest.json', m); }),
  },
  {
    id: 'file-edited-after-signing',
    rule: 'manifest.hash-mismatch',
    message: 'services.json: 文件校验值与清单不符，文件在签名后被改动过',
    zip: tamper((f) => void f.set('services.json', enc.encode(dec.decode(f.get('services.json')).replace('"dailyCap": 300', '"dailyCap": 301')))),
  },
  {
    id: 'file-size-changed',
    rule: 'manifest.size-mismatch',
    message: /^voice\/chime\.wav: 文件大小（100 字节）与清单记录（\d+ 字节）不符，文件可能被改动过$/,
    zip: tamper((f) => void f.set('voice/chime.wav', f.get('voice/chime.wav')!.subarray(0, 100))),
  },
  {
    id: 'listed-file-missing',
    rule: 'manifest.missing-file',
    message: 'staff/20108.png: 文件清单中列出了该文件，但内容包里没有',
    zip: tamper((f) => void f.delete('staff/20108.png')),
  },
  {
    id: 'unknown-file',
    rule: 'manifest.unlisted-file',
    message: 'media/extra.png: 不在文件清单中（未知文件），不允许',
    zip: tamper((f) => void f.set('media/extra.png', f.get('staff/20101.png')!)),
  },
  {
    id: 'no-manifest',
    rule: 'manifest.missing',
    message: 'manifest.json: 缺少 manifest.json，无法识别内容包',
    zip: tamper((f) => void f.delete('manifest.json')),
  },
  {
    id: 'dot-dot-entry',
    rule: 'safety.path',
    message: '../../evil.txt: 路径中含有“..”，可能写到内容包以外，不允许',
    zip: tamper(() => undefined, () => [{ name: '../../evil.txt', data: enc.encode('owned') }]),
  },
  {
    id: 'absolute-path-entry',
    rule: 'safety.path',
    message: '/tmp/evil.txt: 使用了绝对路径，不允许',
    zip: tamper(() => undefined, () => [{ name: '/tmp/evil.txt', data: enc.encode('owned') }]),
  },
  {
    id: 'symlink-entry',
    rule: 'safety.symlink',
    message: 'media/passwd.png: 是符号链接，内容包不允许符号链接',
    zip: tamper(() => undefined, () => [{ name: 'media/passwd.png', data: enc.encode('/etc/passwd'), unixMode: 0o120777 }]),
  },
  {
    id: 'device-entry',
    rule: 'safety.device',
    message: 'media/null.png: 是设备文件、管道或套接字，内容包只允许普通文件',
    zip: tamper(() => undefined, () => [{ name: 'media/null.png', data: new Uint8Array(), unixMode: 0o020666 }]),
  },
  {
    id: 'zip-bomb-ratio',
    rule: 'safety.zip-bomb',
    message: 'media/bomb.wav: 压缩比异常（1024:1），疑似压缩炸弹',
    zip: tamper(() => undefined, () => [{ name: 'media/bomb.wav', data: new Uint8Array(20 * 1024 * 1024), deflate: true }]),
  },
  {
    id: 'zip-bomb-lying-size',
    rule: 'safety.zip-bomb',
    message: 'media/liar.wav: 解压后的大小超过压缩包中声明的大小，疑似压缩炸弹',
    // Listed and signed as 1000 bytes, as the zip declares, but 8 MB inside: inflation stops at the listed size.
    zip: () => {
      const f = sampleFiles();
      f.set('media/liar.wav', new Uint8Array(1000));
      const s = sealed(f);
      s.delete('media/liar.wav');
      return toZip(s, [{ name: 'media/liar.wav', data: new Uint8Array(8 * 1024 * 1024), deflate: true, declaredSize: 1000 }]);
    },
  },
  {
    id: 'oversize-file',
    rule: 'safety.file-too-large',
    message: 'media/huge.mp4: 文件过大（40.0 MB），单个文件不能超过 32.0 MB',
    zip: tamper(() => undefined, () => [{ name: 'media/huge.mp4', data: new Uint8Array(40 * 1024 * 1024), deflate: true }]),
  },
  {
    id: 'script-file-type',
    rule: 'safety.path',
    message: 'media/logo.svg: 不支持的文件类型“.svg”（media/ 只允许 .png .jpg .jpeg .webp .mp4 .webm .wav .mp3 .ogg）',
    zip: tamper(() => undefined, () => [{ name: 'media/logo.svg', data: enc.encode('<svg onload="alert(1)"/>') }]),
  },
  {
    id: 'unknown-folder',
    rule: 'safety.path',
    message: 'scripts/run.sh: 不是内容包认识的文件（只允许 manifest.json、各配置文件以及 voice/、staff/、media/ 目录）',
    zip: tamper(() => undefined, () => [{ name: 'scripts/run.sh', data: enc.encode('rm -rf /') }]),
  },
];

export const brokenPacks: BrokenPack[] = [...ruleCases, ...contentCases, ...zipCases];
