// Regenerates the voice clips of a pack with espeak-ng's Mandarin voice and a sox chime: the call-announcement clips and
// the prompts of the kiosk's steps and states and of the pad (voice/prompt-<name>.wav, texts in content/schema/voice.ts).
// Usage: npx tsx scripts/voice/generate.ts [pack-dir]   (default content/packs/sample)
// Clips are trimmed of leading/trailing silence and stored as 16 kHz mono 16-bit WAV so they join without gaps; prompts go
// through the same chain (same format and gain, so they sound as loud as the calls) but are spoken a little slower.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  digitClip,
  digitWords,
  letterClip,
  phraseClip,
  promptClip,
  voicePhrases,
  VOICE_PROMPTS,
  voicePromptTexts,
  type VoicePhrase,
} from '../../content/schema/index.ts';

const packDir = process.argv[2] ?? 'content/packs/sample';
const work = mkdtempSync(join(tmpdir(), 'voice-'));
mkdirSync(join(packDir, 'voice'), { recursive: true });

/** Words per minute: calls at espeak's brisk default, prompts slower for older citizens. */
const CALL_SPEED = 150;
const PROMPT_SPEED = 135;

function speak(text: string, outRel: string, speed = CALL_SPEED): void {
  const raw = join(work, 'raw.wav');
  execFileSync('espeak-ng', ['-v', 'cmn', '-s', String(speed), '-w', raw, text]);
  // -D: no dither, so regenerating gives the same bytes (and the same manifest hashes).
  execFileSync('sox', ['-D', raw, '-r', '16000', '-c', '1', '-b', '16', join(packDir, outRel), 'vol', '0.9',
    'silence', '1', '0.02', '0.5%', 'reverse', 'silence', '1', '0.02', '0.5%', 'reverse', 'pad', '0', '0.08']);
}

/** Letters are spoken the way Chinese halls read them (English letter names). */
const letterWords: Record<string, string> = {};
for (const l of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') letterWords[l] = l;

try {
  for (let d = 0; d <= 9; d++) speak(digitWords[d]!, digitClip(d));
  for (const l of Object.keys(letterWords)) speak(letterWords[l]!, letterClip(l));
  for (const p of Object.keys(voicePhrases) as VoicePhrase[]) {
    if (p === 'chime') continue;
    speak(voicePhrases[p], phraseClip(p));
  }
  for (const prompt of VOICE_PROMPTS) speak(voicePromptTexts[prompt], promptClip(prompt), PROMPT_SPEED);
  // Two-tone "ding-dong" chime (880 Hz then 659 Hz), soft fades so it does not click.
  execFileSync('sox', ['-D', '-n', '-r', '16000', '-c', '1', '-b', '16', join(packDir, phraseClip('chime')),
    'synth', '0.3', 'sine', '880', 'fade', 'q', '0.01', '0.3', '0.12', 'vol', '0.45', ':',
    'synth', '0.5', 'sine', '659.25', 'fade', 'q', '0.01', '0.5', '0.35', 'vol', '0.45']);
  console.log(`voice clips written to ${join(packDir, 'voice')}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
