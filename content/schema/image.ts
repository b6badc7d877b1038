// Reads the kind and pixel size of an image from its first bytes, without decoding it. Browser-safe, pure.

export type ImageKind = 'png' | 'jpeg' | 'webp';

export interface ImageInfo {
  kind: ImageKind;
  width: number;
  height: number;
}

/** What a file's first bytes say it is (images, audio, video, and the usual impostors), or null. */
export function sniffKind(bytes: Uint8Array): string | null {
  const ascii = (from: number, to: number): string => String.fromCharCode(...bytes.subarray(from, Math.min(to, bytes.length)));
  if (bytes[0] === 0x89 && ascii(1, 4) === 'PNG') return 'png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WAVE') return 'wav';
  if (ascii(0, 3) === 'ID3' || (bytes[0] === 0xff && ((bytes[1] ?? 0) & 0xe0) === 0xe0)) return 'mp3';
  if (ascii(0, 4) === 'OggS') return 'ogg';
  if (ascii(4, 8) === 'ftyp') return 'mp4';
  if (bytes[0] === 0x1a && bytes[1] === 0x45 && bytes[2] === 0xdf && bytes[3] === 0xa3) return 'webm';
  if (ascii(0, 4) === 'GIF8') return 'gif';
  if (bytes[0] === 0x42 && bytes[1] === 0x4d) return 'bmp';
  const head = ascii(0, 512).replace(/^\uFEFF/, '').trimStart().toLowerCase();
  if (head.startsWith('<?xml') || head.startsWith('<svg') || head.startsWith('<!doctype') || head.startsWith('<html') || head.startsWith('<')) return 'markup';
  return null;
}

/** Chinese name of a sniffed kind, for messages. */
export const kindNames: Record<string, string> = {
  png: 'PNG 图片', jpeg: 'JPEG 图片', webp: 'WebP 图片', wav: 'WAV 音频', mp3: 'MP3 音频', ogg: 'Ogg 音频', mp4: 'MP4 视频',
  webm: 'WebM 视频', gif: 'GIF 图片', bmp: 'BMP 图片', markup: 'SVG/HTML 等网页文本（可能含脚本）',
};

/** The kinds each extension must be. */
export const kindsOfExtension: Record<string, readonly string[]> = {
  '.png': ['png'], '.jpg': ['jpeg'], '.jpeg': ['jpeg'], '.webp': ['webp'], '.wav': ['wav'], '.mp3': ['mp3'], '.ogg': ['ogg'],
  '.mp4': ['mp4'], '.webm': ['webm'],
};

function pngSize(b: Uint8Array): ImageInfo | string {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (b.length < 24 || String.fromCharCode(...b.subarray(12, 16)) !== 'IHDR') return 'PNG 文件头不完整';
  return { kind: 'png', width: v.getUint32(16), height: v.getUint32(20) };
}

function jpegSize(b: Uint8Array): ImageInfo | string {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let at = 2;
  while (at + 4 <= b.length) {
    if (b[at] !== 0xff) return 'JPEG 数据损坏';
    const marker = b[at + 1]!;
    if (marker === 0xff) {
      at++;
      continue;
    }
    const len = v.getUint16(at + 2);
    // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (at + 9 > b.length) break;
      return { kind: 'jpeg', height: v.getUint16(at + 5), width: v.getUint16(at + 7) };
    }
    if (marker === 0xd9 || marker === 0xda) break;
    at += 2 + len;
  }
  return 'JPEG 文件中找不到图像尺寸（文件可能不完整）';
}

function webpSize(b: Uint8Array): ImageInfo | string {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const chunk = String.fromCharCode(...b.subarray(12, 16));
  if (chunk === 'VP8 ' && b.length >= 30) return { kind: 'webp', width: v.getUint16(26, true) & 0x3fff, height: v.getUint16(28, true) & 0x3fff };
  if (chunk === 'VP8L' && b.length >= 25) {
    const bits = v.getUint32(21, true);
    return { kind: 'webp', width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8X' && b.length >= 30) {
    const w = b[24]! | (b[25]! << 8) | (b[26]! << 16);
    const h = b[27]! | (b[28]! << 8) | (b[29]! << 16);
    return { kind: 'webp', width: w + 1, height: h + 1 };
  }
  return 'WebP 文件头不完整';
}

/** Kind and size of a PNG, JPEG or WebP image, or why it is not one (Chinese). */
export function readImageInfo(bytes: Uint8Array): ImageInfo | string {
  const kind = sniffKind(bytes);
  if (kind === 'png') return pngSize(bytes);
  if (kind === 'jpeg') return jpegSize(bytes);
  if (kind === 'webp') return webpSize(bytes);
  return kind ? `不是图片，而是${kindNames[kind] ?? kind}` : '不是可识别的图片文件';
}
