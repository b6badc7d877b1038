// DB21/T 4402 §7.4 over every Chinese text the terminals (kiosk-app), the citizen's phone pages, the printed ticket
// and slips, and the sample pack can show.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORBIDDEN_PHRASES, languageProblems } from './service-language.ts';
import { packTexts, sourceTexts, type FoundText } from './texts.ts';

const ROOT = join(import.meta.dirname, '../..');
const CITIZEN_SCREENS = [
  'kiosk-app/kiosk', 'kiosk-app/pad', 'kiosk-app/board', 'kiosk-app/shared', 'kiosk-app/citizen',
  // What the paper says: the ticket, the 一次性告知 and the 承诺书 slips.
  'protocol/bridge/ticket', 'device-bridge/ticket',
];
const STAFF_SCREENS = ['kiosk-app/counter', 'kiosk-app/admin'];
const SAMPLE_PACK = 'content/packs/sample';

/** 差评 reasons are the citizen's own complaint about the hall ("一次性告知不清楚"), quoted back to them, not the
 * hall's words to them: the forbidden phrases do not apply to them. */
function badReasons(): Set<string> {
  const evaluation = JSON.parse(readFileSync(join(ROOT, SAMPLE_PACK, 'evaluation.json'), 'utf8')) as { badReasons: string[] };
  return new Set(evaluation.badReasons);
}

const problems = (texts: FoundText[], audience: Parameters<typeof languageProblems>[1]) =>
  texts.flatMap((t) => languageProblems(t.text, audience).map((p) => `${t.file}: ${p.rule} ${p.problem} — ${p.text}`));

describe('service language', () => {
  it('DB21/T 4402 §7.4.3: the forbidden phrases are the standard\'s list (§7.4.3 and the first-contact excuses of §9.2.7)', () => {
    expect(FORBIDDEN_PHRASES).toEqual(['不知道', '不清楚', '不归我管', '我很忙', '我还有事', '你去别的地方问']);
  });

  it('DB21/T 4402 §7.4.3: the scan finds what it must (so a clean result means something)', () => {
    expect(languageProblems('这个我不知道，你去别的地方问', 'staff').map((p) => p.problem)).toEqual(['服务忌语“不知道”', '服务忌语“你去别的地方问”']);
    expect(languageProblems('刷身份证后选择事项', 'citizen').map((p) => p.rule)).toEqual(['§7.4.2']);
    expect(languageProblems('你的号码是 A001', 'citizen').map((p) => p.problem)).toEqual(['称呼服务对象应用“您”']);
    expect(languageProblems('已呼叫，请稍等', 'citizen').map((p) => p.problem)).toEqual(['请服务对象等候应说“请您稍等”']);
    expect(languageProblems('您好，请刷身份证', 'citizen')).toEqual([]);
  });

  it('DB21/T 4402 §7.4.3: no screen of the terminals and no text of the sample pack uses a forbidden phrase', () => {
    const screens = [...CITIZEN_SCREENS, ...STAFF_SCREENS].flatMap((dir) => sourceTexts(ROOT, dir));
    expect(screens.length).toBeGreaterThan(500);
    const reasons = badReasons();
    const pack = packTexts(ROOT, SAMPLE_PACK).filter((t) => !reasons.has(t.text));
    expect(pack.length).toBeGreaterThan(100);
    expect([...problems(screens, 'staff'), ...problems(pack, 'staff')]).toEqual([]);
  });

  it('DB21/T 4402 §7.4.2: the citizen\'s screens say 您 (never 你), ask with 请 and ask to wait with 请您稍等', () => {
    const texts = CITIZEN_SCREENS.flatMap((dir) => sourceTexts(ROOT, dir));
    expect(problems(texts, 'citizen')).toEqual([]);
    const all = texts.map((t) => t.text).join('\n');
    for (const polite of ['您好', '请您稍等']) expect(all).toContain(polite);
  });

  it('DB21/T 4402 §7.4.2: the sample pack addresses the citizen as 您', () => {
    const reasons = badReasons();
    expect(problems(packTexts(ROOT, SAMPLE_PACK).filter((t) => !reasons.has(t.text)), 'guide')).toEqual([]);
  });
});
