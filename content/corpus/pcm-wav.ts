// Hand-built PCM WAV bytes (silence) for tests and corpus cases about voice clip formats.

/** A PCM WAV of `ms` milliseconds of silence. */
export function pcmWav(opts: { sampleRate?: number; channels?: number; bits?: number; ms?: number; format?: number } = {}): Uint8Array {
  const { sampleRate = 16000, channels = 1, bits = 16, ms = 500, format = 1 } = opts;
  const frame = channels * (bits / 8);
  const dataSize = Math.round((sampleRate * ms) / 1000) * frame;
  const b = new Uint8Array(44 + dataSize);
  const v = new DataView(b.buffer);
  const tag = (at: number, s: string) => [...s].forEach((c, i) => (b[at + i] = c.charCodeAt(0)));
  tag(0, 'RIFF'); v.setUint32(4, 36 + dataSize, true); tag(8, 'WAVE');
  tag(12, 'fmt '); v.setUint32(16, 16, true); v.setUint16(20, format, true); v.setUint16(22, channels, true);
  v.setUint32(24, sampleRate, true); v.setUint32(28, sampleRate * frame, true); v.setUint16(32, frame, true); v.setUint16(34, bits, true);
  tag(36, 'data'); v.setUint32(40, dataSize, true);
  return b;
}
