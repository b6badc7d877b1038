import { describe, expect, it } from 'vitest';
import { choicesPerScreen, parseForcedSenior, resetSeniorMode, seniorForced, seniorMode, toggleSeniorMode } from './mode.ts';

describe('长辈模式 signal', () => {
  it('is forced by ?mode=senior only', () => {
    expect(parseForcedSenior('?mode=senior')).toBe(true);
    expect(parseForcedSenior('?mode=normal')).toBe(false);
    expect(parseForcedSenior('')).toBe(false);
  });

  it('toggles, limits choices to 4, and cannot be switched off when forced', () => {
    seniorForced.value = false;
    seniorMode.value = false;
    expect(choicesPerScreen.value).toBe(8);
    toggleSeniorMode();
    expect(seniorMode.value).toBe(true);
    expect(choicesPerScreen.value).toBe(4);
    resetSeniorMode();
    expect(seniorMode.value).toBe(false);
    seniorForced.value = true;
    seniorMode.value = true;
    toggleSeniorMode();
    expect(seniorMode.value).toBe(true);
    resetSeniorMode();
    expect(seniorMode.value).toBe(true);
  });
});
