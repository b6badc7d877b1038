// Reads the header of a WAV clip (RIFF/WAVE, PCM) without decoding it. Browser-safe, pure.

export interface WavInfo {
  sampleRate: number;
  channels: number;
  bitsPerSample: number;
  durationMs: number;
}

/** The clip format every voice clip of a pack uses, so the board and kiosk can join and play them alike. */
export const VOICE_CLIP_FORMAT = { sampleRate: 16000, channels: 1, bitsPerSample: 16 } as const;
/** A kiosk prompt is one or two short sentences. */
export const MAX_PROMPT_MS = 15_000;

/** The WAV header facts, or a Chinese description of why the bytes are not a PCM WAV clip. */
export function readWavInfo(bytes: Uint8Array): WavInfo | string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tag = (at: number): string => (at + 4 <= bytes.length ? String.fromCharCode(...bytes.subarray(at, at + 4)) : '');
  if (tag(0) !== 'RIFF' || tag(8) !== 'WAVE') return '不是 WAV 音频文件';
  let fmt: Omit<WavInfo, 'durationMs'> | null = null;
  let at = 12;
  while (at + 8 <= bytes.length) {
    const id = tag(at);
    const size = view.getUint32(at + 4, true);
    const body = at + 8;
    if (id === 'fmt ') {
      if (size < 16 || body + 16 > bytes.length) return 'WAV 文件头不完整';
      const format = view.getUint16(body, true);
      if (format !== 1 && format !== 0xfffe) return '不是未压缩的 PCM 音频';
      fmt = { channels: view.getUint16(body + 2, true), sampleRate: view.getUint32(body + 4, true), bitsPerSample: view.getUint16(body + 14, true) };
    } else if (id === 'data') {
      if (!fmt) return 'WAV 文件头不完整';
      if (body + size > bytes.length) return '音频数据不完整（文件被截断）';
      const frameBytes = fmt.channels * (fmt.bitsPerSample / 8);
      if (frameBytes <= 0 || fmt.sampleRate <= 0) return 'WAV 文件头不完整';
      return { ...fmt, durationMs: Math.round((size / frameBytes / fmt.sampleRate) * 1000) };
    }
    at = body + size + (size % 2);
  }
  return fmt ? '没有音频数据' : 'WAV 文件头不完整';
}

/** Why a clip does not fit the pack's voice format, or null. */
export function voiceClipProblem(bytes: Uint8Array, maxMs: number): string | null {
  const info = readWavInfo(bytes);
  if (typeof info === 'string') return info;
  const f = VOICE_CLIP_FORMAT;
  if (info.sampleRate !== f.sampleRate || info.channels !== f.channels || info.bitsPerSample !== f.bitsPerSample) {
    return `格式为 ${info.sampleRate} Hz、${info.channels} 声道、${info.bitsPerSample} 位，应为 16000 Hz、单声道、16 位（请用 scripts/voice/generate.ts 生成）`;
  }
  if (info.durationMs < 100) return '音频太短（不到 0.1 秒），可能是空文件';
  if (info.durationMs > maxMs) return `音频长 ${(info.durationMs / 1000).toFixed(1)} 秒，超过 ${maxMs / 1000} 秒`;
  return null;
}
