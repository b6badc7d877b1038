// Voice clip naming. A call "请 A零二三 号 到 5 号窗口办理" is played as a sequence of short clips from the pack's voice/ folder.

export const VOICE_DIR = 'voice/';
export const VOICE_EXT = '.wav';

/** Fixed phrase clips and what each one says. */
export const voicePhrases = {
  chime: '（提示音）',
  qing: '请',
  hao: '号',
  dao: '到',
  'chuangkou-banli': '窗口办理',
  shi: '十',
} as const;
export type VoicePhrase = keyof typeof voicePhrases;

export const digitWords = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

export function digitClip(d: number): string {
  return `${VOICE_DIR}digit-${d}${VOICE_EXT}`;
}
export function letterClip(letter: string): string {
  return `${VOICE_DIR}letter-${letter.toUpperCase()}${VOICE_EXT}`;
}
export function phraseClip(p: VoicePhrase): string {
  return `${VOICE_DIR}${p}${VOICE_EXT}`;
}

/** Clips that read a window number as a Chinese cardinal: 5 → 五, 12 → 十二, 20 → 二十, 23 → 二十三. */
export function windowNumberClips(n: number): string[] {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`window number out of range: ${n}`);
  if (n < 10) return [digitClip(n)];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  const out = tens === 1 ? [phraseClip('shi')] : [digitClip(tens), phraseClip('shi')];
  if (ones > 0) out.push(digitClip(ones));
  return out;
}

/**
 * The clip sequence for one call: chime, 请, letters, digits one by one (零二三), 号, 到, window number, 号, 窗口办理.
 * `ticket` is the printed number, e.g. "A023".
 */
export function callClips(ticket: string, windowNumber: number): string[] {
  const m = /^([A-Z]{1,2})(\d{1,4})$/.exec(ticket);
  if (!m) throw new RangeError(`not a ticket number: ${ticket}`);
  const [, letters, digits] = m as unknown as [string, string, string];
  return [
    phraseClip('chime'),
    phraseClip('qing'),
    ...[...letters].map(letterClip),
    ...[...digits].map((d) => digitClip(Number(d))),
    phraseClip('hao'),
    phraseClip('dao'),
    ...windowNumberClips(windowNumber),
    phraseClip('hao'),
    phraseClip('chuangkou-banli'),
  ];
}

/** The text of a call as shown on the board and read by the clips. */
export function callText(ticket: string, windowNumber: number): string {
  return `请 ${ticket} 号到 ${windowNumber} 号窗口办理`;
}

/** Kiosk steps that have a 长辈模式 voice prompt (the kiosk flow's step names). */
export const KIOSK_PROMPT_STEPS = ['home', 'info', 'guide', 'identify', 'confirm', 'notice', 'ticket', 'thanks'] as const;
export type KioskPromptStep = (typeof KIOSK_PROMPT_STEPS)[number];

/**
 * What each prompt clip says: polite service language (DB21/T 4402 §7.4), one instruction per screen, matching what
 * the screen asks. Also the text for the browser's speech when a pack has no clip for a step.
 */
export const kioskPromptTexts: Record<KioskPromptStep, string> = {
  home: '您好，请选择您要办理的业务。',
  info: '这里是信息公开，您可以查看办公时间和服务承诺。',
  guide: '这是办事指南，请您看好需要带的材料，再点击取号办理。',
  identify: '请您放身份证，或者插入社保卡，或者出示医保码。',
  confirm: '请您核对屏幕上的信息，无误后请点击下方按钮。',
  notice: '请您核对需要带的材料，备齐后请点击取号。',
  ticket: '请您记好您的号码，在等候区稍坐，留意叫号。',
  thanks: '感谢您的耐心，祝您办理顺利，请慢走。',
};

/** Kiosk states and errors that have a prompt of their own, said over the step they appear on. */
export const KIOSK_STATE_PROMPTS = [
  'confirm-green', 'identify-failed', 'readers-offline', 'paper-out', 'print-failed', 'issue-failed', 'network-down',
  'item-closed', 'help-sent', 'idle-countdown',
] as const;
export type KioskStatePrompt = (typeof KIOSK_STATE_PROMPTS)[number];

/** What each state prompt says: what happened, then what the citizen can do, with no device a citizen may not have. */
export const kioskStateTexts: Record<KioskStatePrompt, string> = {
  'confirm-green': '请您核对信息。您可以走绿色通道优先办理，也可以普通取号。',
  'identify-failed': '没有识别成功，请您重新放好证件，或者换一种方式。',
  'readers-offline': '读卡器暂时无法使用，请您换一种方式，或到咨询台办理。',
  'paper-out': '打印机缺纸。请您记下屏幕上的号码，或到咨询台领取小票。',
  'print-failed': '小票没有打印出来。请您记下号码，或到咨询台领取小票。',
  'issue-failed': '取号没有成功，请您再试一次，或者到咨询台办理。',
  'network-down': '系统正在恢复，暂停取号，请您到咨询台。',
  'item-closed': '这个事项现在不能取号，请您看屏幕上的说明。',
  'help-sent': '您的求助已经发出，工作人员马上就到，请您稍等。',
  'idle-countdown': '您还在办理吗？要继续，请点击继续。',
};

/** The window pad's steps that have a prompt (the pad speaks them in both modes). */
export const PAD_PROMPTS = [
  'pad-serving', 'pad-rate', 'pad-bad-reasons', 'pad-bad-phone', 'pad-bad-consent', 'pad-thanks', 'pad-thanks-bad', 'pad-countdown',
] as const;
export type PadPrompt = (typeof PAD_PROMPTS)[number];

export const padPromptTexts: Record<PadPrompt, string> = {
  'pad-serving': '您好，很高兴为您服务。',
  'pad-rate': '请您对本次服务进行评价，请点击屏幕上的一个表情。',
  'pad-bad-reasons': '很抱歉没能让您满意，请您选择不满意的原因。',
  'pad-bad-phone': '需要回访的话，请输入手机号码；不需要请点不留电话。',
  'pad-bad-consent': '请问您是否同意工作人员给您回访？',
  'pad-thanks': '感谢您的评价，祝您生活愉快。',
  'pad-thanks-bad': '感谢您的意见，我们会认真核实，改进我们的工作。',
  'pad-countdown': '您还在评价吗？要继续，请点击继续评价。',
};

/** Every prompt a pack may have as `voice/prompt-<name>.wav`, with what it says. */
export type VoicePrompt = KioskPromptStep | KioskStatePrompt | PadPrompt;
export const VOICE_PROMPTS: readonly VoicePrompt[] = [...KIOSK_PROMPT_STEPS, ...KIOSK_STATE_PROMPTS, ...PAD_PROMPTS];
export const voicePromptTexts: Record<VoicePrompt, string> = { ...kioskPromptTexts, ...kioskStateTexts, ...padPromptTexts };

/** `voice/prompt-home.wav` … : optional; a pack that has one must have it in the voice clip format. */
export function promptClip(prompt: VoicePrompt): string {
  return `${VOICE_DIR}prompt-${prompt}${VOICE_EXT}`;
}

/** Every clip a hall needs given its ticket prefixes and window numbers. */
export function requiredVoiceClips(prefixes: Iterable<string>, windowNumbers: Iterable<number>): Set<string> {
  const need = new Set<string>(Object.keys(voicePhrases).map((p) => phraseClip(p as VoicePhrase)));
  for (let d = 0; d <= 9; d++) need.add(digitClip(d));
  for (const p of prefixes) for (const l of p) need.add(letterClip(l));
  for (const w of windowNumbers) if (w >= 1 && w <= 99) for (const c of windowNumberClips(w)) need.add(c);
  return need;
}
