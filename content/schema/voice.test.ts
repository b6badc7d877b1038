import { describe, expect, it } from 'vitest';
import { PROMPTS as KIOSK_PROMPTS, promptClipPath } from '../../kiosk-app/kiosk/prompts.ts';
import {
  callClips, callText, formatTicketNumber, KIOSK_PROMPT_STEPS, KIOSK_STATE_PROMPTS, kioskPromptTexts, PAD_PROMPTS, promptClip, requiredVoiceClips,
  VOICE_PROMPTS, voicePromptTexts, windowNumberClips,
} from './index.ts';

describe('voice clips of a call', () => {
  it('reads "请 A023 号到 5 号窗口办理" clip by clip', () => {
    expect(callClips('A023', 5)).toEqual([
      'voice/chime.wav', 'voice/qing.wav', 'voice/letter-A.wav', 'voice/digit-0.wav', 'voice/digit-2.wav', 'voice/digit-3.wav',
      'voice/hao.wav', 'voice/dao.wav', 'voice/digit-5.wav', 'voice/hao.wav', 'voice/chuangkou-banli.wav',
    ]);
    expect(callText('A023', 5)).toBe('请 A023 号到 5 号窗口办理');
  });

  it('reads window numbers as Chinese cardinals', () => {
    expect(windowNumberClips(10)).toEqual(['voice/shi.wav']);
    expect(windowNumberClips(12)).toEqual(['voice/shi.wav', 'voice/digit-2.wav']);
    expect(windowNumberClips(20)).toEqual(['voice/digit-2.wav', 'voice/shi.wav']);
    expect(windowNumberClips(23)).toEqual(['voice/digit-2.wav', 'voice/shi.wav', 'voice/digit-3.wav']);
    expect(() => windowNumberClips(0)).toThrow(RangeError);
  });

  it('needs letters only for the prefixes in use', () => {
    const need = requiredVoiceClips(['A', 'BC'], [1, 12]);
    expect(need.has('voice/letter-A.wav')).toBe(true);
    expect(need.has('voice/letter-C.wav')).toBe(true);
    expect(need.has('voice/letter-D.wav')).toBe(false);
    expect(need.has('voice/shi.wav')).toBe(true);
    expect(need.size).toBe(6 + 10 + 3);
  });

  it('pads ticket numbers to the width of the range', () => {
    expect(formatTicketNumber({ prefix: 'A', range: { from: 1, to: 999 } }, 23)).toBe('A023');
    expect(formatTicketNumber({ prefix: 'KB', range: { from: 1, to: 50 } }, 7)).toBe('KB07');
  });
});

describe('长辈模式 kiosk prompts', () => {
  it('has a polite text and a clip name for every kiosk step', () => {
    expect(KIOSK_PROMPT_STEPS.map(promptClip)).toEqual([
      'voice/prompt-home.wav', 'voice/prompt-info.wav', 'voice/prompt-guide.wav', 'voice/prompt-identify.wav',
      'voice/prompt-confirm.wav', 'voice/prompt-notice.wav', 'voice/prompt-ticket.wav', 'voice/prompt-thanks.wav',
    ]);
    expect(kioskPromptTexts.home).toBe('您好，请选择您要办理的业务。');
    for (const step of KIOSK_PROMPT_STEPS) expect(kioskPromptTexts[step]).toMatch(/^(您好|请您|这|感谢您)[^a-zA-Z]*。$/);
  });

  it('uses the step names and clip paths the kiosk plays', () => {
    expect(Object.keys(KIOSK_PROMPTS).sort()).toEqual([...KIOSK_PROMPT_STEPS, 'checkIn', 'checkInEarly', 'checkInMissing'].sort());
    for (const step of KIOSK_PROMPT_STEPS) expect(promptClipPath(step)).toBe(promptClip(step));
    // 预约签到 asks for the same card or 医保码: its steps reuse the identify clip (its answers speak the hall's words).
    for (const step of ['checkIn', 'checkInEarly', 'checkInMissing'] as const) expect(promptClipPath(step)).toBe(promptClip('identify'));
  });
});

describe('state and pad prompts', () => {
  it('every kiosk state and pad step has a clip name of its own and a sentence', () => {
    const clips = VOICE_PROMPTS.map(promptClip);
    expect(new Set(clips).size).toBe(KIOSK_PROMPT_STEPS.length + KIOSK_STATE_PROMPTS.length + PAD_PROMPTS.length);
    expect(promptClip('paper-out')).toBe('voice/prompt-paper-out.wav');
    expect(promptClip('pad-rate')).toBe('voice/prompt-pad-rate.wav');
    for (const prompt of VOICE_PROMPTS) expect(voicePromptTexts[prompt]).toMatch(/^[^a-zA-Z]+[。？]$/);
  });

  it('the confirm prompt of a citizen offered the 绿色通道 names both choices', () => {
    expect(voicePromptTexts['confirm-green']).toContain('绿色通道');
    expect(voicePromptTexts['confirm-green']).toContain('普通取号');
  });

  it('the paper-out advice works without a phone (记下号码, 咨询台)', () => {
    for (const p of ['paper-out', 'print-failed'] as const) {
      expect(voicePromptTexts[p]).toContain('记下');
      expect(voicePromptTexts[p]).toContain('咨询台');
      expect(voicePromptTexts[p]).not.toContain('拍照');
    }
  });
});
