// Format rules for the voice clips of a pack: the call clips and the optional voice prompts (kiosk steps and states, pad steps). Pure, browser-safe.
import {
  digitClip,
  letterClip,
  MAX_PROMPT_MS,
  phraseClip,
  promptClip,
  VOICE_DIR,
  voiceClipProblem,
  voicePhrases,
  VOICE_PROMPTS,
  type VoicePhrase,
} from '../schema/index.ts';
import { issue, type PackIssue } from './report.ts';

/** One call clip is a syllable or a short phrase. */
const MAX_CALL_CLIP_MS = 5_000;

function callClipNames(): Set<string> {
  const names = new Set<string>(Object.keys(voicePhrases).map((p) => phraseClip(p as VoicePhrase)));
  for (let d = 0; d <= 9; d++) names.add(digitClip(d));
  for (const l of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') names.add(letterClip(l));
  return names;
}

export function voiceClipRules(files: ReadonlyMap<string, Uint8Array>): { errors: PackIssue[]; warnings: PackIssue[] } {
  const errors: PackIssue[] = [];
  const warnings: PackIssue[] = [];
  const callClips = callClipNames();
  const prompts = new Set<string>(VOICE_PROMPTS.map(promptClip));
  for (const [path, bytes] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
    if (!path.startsWith(VOICE_DIR)) continue;
    if (prompts.has(path)) {
      const problem = voiceClipProblem(bytes, MAX_PROMPT_MS);
      if (problem) errors.push(issue('voice.prompt-format', path, '', `长辈模式语音提示不可用：${problem}`));
    } else if (callClips.has(path)) {
      // Only WAV call clips are joined by the board; other extensions are never looked up.
      const problem = voiceClipProblem(bytes, MAX_CALL_CLIP_MS);
      if (problem) errors.push(issue('voice.clip-format', path, '', `叫号语音片段不可用：${problem}`));
    } else {
      warnings.push(issue('voice.unused-clip', path, '', '系统不会播放这个语音文件（不是叫号片段，也不是系统认识的 prompt-*.wav 语音提示），请核对文件名'));
    }
  }
  return { errors, warnings };
}
