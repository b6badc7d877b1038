// The kiosk's 长辈模式 prompts come from the content schema: the clip it plays and the speech fallback say the same.
import { describe, expect, it } from 'vitest';
import { promptFor } from './prompts.ts';

describe('kiosk voice prompts', () => {
  it('plays voice/prompt-<step>.wav and falls back to that clip\'s own text', () => {
    expect(promptFor('home')).toEqual({ clip: 'voice/prompt-home.wav', text: '您好，请选择您要办理的业务。' });
    expect(promptFor('identify')).toEqual({ clip: 'voice/prompt-identify.wav', text: '请您放身份证，或者插入社保卡，或者出示医保码。' });
    expect(promptFor('thanks').clip).toBe('voice/prompt-thanks.wav');
  });
});
