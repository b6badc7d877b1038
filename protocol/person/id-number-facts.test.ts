import { describe, expect, it } from 'vitest';
import { idCheckCharacter } from './id-number.ts';
import { idNumberFacts } from './id-number-facts.ts';

const withCheck = (first17: string) => first17 + idCheckCharacter(first17);
const TODAY = '2026-12-03';

describe('idNumberFacts', () => {
  it('reads the birth date and an odd sex digit as male', () => {
    expect(idNumberFacts(withCheck('21010220000315123'), TODAY)).toEqual({ birthDate: '2000-03-15', sex: 'male' });
  });
  it('reads an even sex digit as female', () => {
    expect(idNumberFacts(withCheck('21010219400101002'), TODAY)).toEqual({ birthDate: '1940-01-01', sex: 'female' });
  });
  it('refuses an impossible or future birth date', () => {
    expect(idNumberFacts(withCheck('21010220010229123'), TODAY)).toBeNull();
    expect(idNumberFacts(withCheck('21010220271203123'), TODAY)).toBeNull();
    expect(idNumberFacts(withCheck('21010218790101123'), TODAY)).toBeNull();
  });
});
