import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pcmWav } from '../corpus/pcm-wav.ts';
import { readWavInfo, voiceClipProblem } from './wav.ts';

describe('WAV clip header', () => {
  it('reads a generated clip of the sample pack', () => {
    const bytes = new Uint8Array(readFileSync(new URL('../packs/sample/voice/qing.wav', import.meta.url)));
    expect(readWavInfo(bytes)).toEqual({ sampleRate: 16000, channels: 1, bitsPerSample: 16, durationMs: 571 });
    expect(voiceClipProblem(bytes, 5000)).toBeNull();
  });

  it('says what is wrong with a clip that does not fit', () => {
    expect(voiceClipProblem(new TextEncoder().encode('ID3 not a wav'), 5000)).toBe('不是 WAV 音频文件');
    expect(voiceClipProblem(pcmWav({ sampleRate: 44100, channels: 2 }), 5000)).toBe(
      '格式为 44100 Hz、2 声道、16 位，应为 16000 Hz、单声道、16 位（请用 scripts/voice/generate.ts 生成）',
    );
    expect(voiceClipProblem(pcmWav({ format: 3, bits: 32 }), 5000)).toBe('不是未压缩的 PCM 音频');
    expect(voiceClipProblem(pcmWav({ ms: 20 }), 5000)).toBe('音频太短（不到 0.1 秒），可能是空文件');
    expect(voiceClipProblem(pcmWav({ ms: 16_000 }), 15_000)).toBe('音频长 16.0 秒，超过 15 秒');
    expect(voiceClipProblem(pcmWav().subarray(0, 300), 5000)).toBe('音频数据不完整（文件被截断）');
    expect(voiceClipProblem(pcmWav().subarray(0, 30), 5000)).toBe('WAV 文件头不完整');
  });
});
