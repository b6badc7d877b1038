// Every picture, sound and video of a pack is looked at, not just named: its first bytes must be what its extension
// says (an SVG with a script renamed .png is refused), images must have a sane pixel size (a 30000×30000 PNG is a few
// KB on disk and gigabytes on a kiosk), WAV files must be PCM in a format the pages play. Pure, browser-safe.
import { kindNames, kindsOfExtension, readImageInfo, readWavInfo, sniffKind, type PackData } from '../schema/index.ts';
import { issue, type PackIssue } from './report.ts';

/** A staff photo is shown at most a few hundred pixels wide on the pad. */
export const MAX_STAFF_PHOTO_PX = 1200;
/** Other images fill at most a 1920×1080 board or a 1080×1920 kiosk. */
export const MAX_MEDIA_IMAGE_PX = 4096;
/** WAV under media/: the formats browsers play and a length a notice needs. */
const WAV_RATES = [8000, 11025, 16000, 22050, 24000, 32000, 44100, 48000];
const MAX_MEDIA_WAV_MS = 10 * 60_000;

const extensionOf = (path: string): string => path.slice(path.lastIndexOf('.'));

function imageProblem(bytes: Uint8Array, maxPx: number, what: string): string | null {
  const info = readImageInfo(bytes);
  if (typeof info === 'string') return info;
  if (info.width === 0 || info.height === 0) return `图片尺寸为 ${info.width}×${info.height}，是空图片`;
  if (info.width > maxPx || info.height > maxPx) {
    return `图片尺寸为 ${info.width}×${info.height} 像素，${what}每边不能超过 ${maxPx} 像素（请缩小后再放入）`;
  }
  return null;
}

function wavProblem(bytes: Uint8Array): string | null {
  const info = readWavInfo(bytes);
  if (typeof info === 'string') return info;
  if (!WAV_RATES.includes(info.sampleRate)) return `采样率为 ${info.sampleRate} Hz，应为 ${WAV_RATES.join('、')} Hz 之一`;
  if (info.channels < 1 || info.channels > 2) return `有 ${info.channels} 个声道，应为单声道或双声道`;
  if (![8, 16, 24].includes(info.bitsPerSample)) return `采样位数为 ${info.bitsPerSample} 位，应为 8、16 或 24 位`;
  if (info.durationMs > MAX_MEDIA_WAV_MS) return `音频长 ${Math.round(info.durationMs / 1000)} 秒，超过 ${MAX_MEDIA_WAV_MS / 60_000} 分钟`;
  return null;
}

export function mediaRules(p: PackData, files: ReadonlyMap<string, Uint8Array>): { errors: PackIssue[]; warnings: PackIssue[] } {
  const errors: PackIssue[] = [];
  const photos = new Set(p.staff.map((s) => s.photo));
  for (const [path, bytes] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
    const isStaff = path.startsWith('staff/');
    if (!isStaff && !path.startsWith('media/')) continue;
    const ext = extensionOf(path).toLowerCase();
    const kind = sniffKind(bytes);
    const expected = kindsOfExtension[ext] ?? [];
    if (!kind || !expected.includes(kind)) {
      const found = kind ? kindNames[kind] ?? kind : '无法识别的内容';
      errors.push(issue('media.content-mismatch', path, '', `文件内容是${found}，与扩展名“${ext}”不符（应为${expected.map((k) => kindNames[k] ?? k).join('或')}）`));
      continue;
    }
    let problem: string | null = null;
    if (kind === 'png' || kind === 'jpeg' || kind === 'webp') {
      problem = isStaff || photos.has(path) ? imageProblem(bytes, MAX_STAFF_PHOTO_PX, '工作人员照片') : imageProblem(bytes, MAX_MEDIA_IMAGE_PX, '图片');
    } else if (kind === 'wav') {
      problem = wavProblem(bytes);
    } else if (isStaff) {
      problem = `工作人员照片应为 PNG、JPEG 或 WebP 图片，这里是${kindNames[kind] ?? kind}`;
    }
    if (problem) errors.push(issue(isStaff ? 'media.staff-photo' : 'media.file', path, '', problem));
  }
  return { errors, warnings: [] };
}
