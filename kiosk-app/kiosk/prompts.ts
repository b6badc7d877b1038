// 长辈模式 voice prompt for every step. Played from the pack's offline clip `voice/prompt-<step>.wav` when the pack has
// one; otherwise the browser's zh-CN speech as an optional extra (silent where the terminal has none).
import { packFileUrl, type PackData } from '../../content/schema/index.ts';
import type { Step } from './model/flow.ts';

export const PROMPTS: Record<Step['name'], string> = {
  home: '您好，请点选您要办理的事项',
  info: '这里是信息公开，可以查看办公时间和服务承诺',
  guide: '这是办事指南，看完后请点取号办理',
  identify: '请放身份证，或刷社保卡，或出示医保码',
  confirm: '请您核对信息',
  notice: '请您备齐以下材料，备齐后请点取号',
  ticket: '取号成功，请您取走小票，留意叫号',
  thanks: '感谢您的耐心，祝您办理顺利',
};

export function promptClipPath(step: Step['name']): string {
  return `voice/prompt-${step}.wav`;
}

let playing: HTMLAudioElement | null = null;

export function speakPrompt(step: Step['name'], pack: PackData | null): void {
  playing?.pause();
  playing = null;
  if (typeof speechSynthesis !== 'undefined') speechSynthesis.cancel();
  const clip = promptClipPath(step);
  if (pack && pack.manifest.files.some((f) => f.path === clip)) {
    playing = new Audio(packFileUrl(pack.manifest, clip));
    void playing.play().catch(() => undefined);
    return;
  }
  if (typeof speechSynthesis === 'undefined' || typeof SpeechSynthesisUtterance === 'undefined') return;
  const utterance = new SpeechSynthesisUtterance(PROMPTS[step]);
  utterance.lang = 'zh-CN';
  utterance.rate = 0.85;
  speechSynthesis.speak(utterance);
}
