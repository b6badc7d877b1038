import { describe, expect, it } from 'vitest';
import { PROMPTS as KIOSK_PROMPTS, promptClipPath } from '../../kiosk-app/kiosk/prompts.ts';
import { callClips, callText, formatTicketNumber, KIOSK_PROMPT_STEPS, kioskPromptTexts, promptClip, requiredVoiceClips, windowNumberClips } from './index.ts';

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
    expect(Object.keys(KIOSK_PROMPTS).sort()).toEqual([...KIOSK_PROMPT_STEPS].sort());
    for (const step of KIOSK_PROMPT_STEPS) expect(promptClipPath(step)).toBe(promptClip(step));
  });
});
