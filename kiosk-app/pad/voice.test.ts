// Which prompt the pad says when, with the real signals and a recording output (no audio in node).
import { signal } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import { PAD_PROMPTS } from '../../content/schema/index.ts';
import type { RatingPrompt } from '../../protocol/hall/ratings.ts';
import type { PromptPack, PromptPlan } from '../shared/ui/voice/prompts.ts';
import { startBadPath } from './badPath.ts';
import type { PadView } from './model.ts';
import { countdownShowing, padPromptOf, watchPadPrompts } from './voice.ts';

const prompt: RatingPrompt = {
  ticketId: 't1', number: 'A001', serviceName: '参保登记', caseNumber: 'C1', staffId: '20101',
  finishedAt: '2026-11-23T01:00:00.000Z', expiresAt: '2026-11-23T01:02:00.000Z', senior: false,
};
const PACK: PromptPack = {
  manifest: { packId: 'ln-sample-county', version: 1, files: PAD_PROMPTS.map((p) => ({ path: `voice/prompt-${p}.wav`, sha256: '', size: 1 })) },
};
const name = (plan: PromptPlan) => (plan.kind === 'clip' ? /prompt-(.+)\.wav$/.exec(plan.url)![1] : plan.text);

function rig() {
  const view = signal<PadView>({ kind: 'idle' });
  const serving = signal<string | null>(null);
  const countdown = signal(false);
  const pack = signal<PromptPack | null>(null);
  const heard: PromptPlan[] = [];
  const stop = watchPadPrompts({ view, serving, countdown, pack }, { play: (plan) => heard.push(plan) });
  return { view, serving, countdown, pack, said: () => heard.map(name), stop };
}

describe('pad voice prompts', () => {
  it('has a prompt for every screen of the rating and the 差评 path', () => {
    const bad = startBadPath(prompt, 1, 0);
    expect(padPromptOf({ kind: 'rate', prompt })?.prompt).toBe('pad-rate');
    expect(padPromptOf(bad)?.prompt).toBe('pad-bad-reasons');
    expect(padPromptOf({ ...bad, step: 'phone' })?.prompt).toBe('pad-bad-phone');
    expect(padPromptOf({ ...bad, step: 'consent' })?.prompt).toBe('pad-bad-consent');
    expect(padPromptOf({ kind: 'thanks', bad: false })?.prompt).toBe('pad-thanks');
    expect(padPromptOf({ kind: 'thanks', bad: true })?.prompt).toBe('pad-thanks-bad');
    expect(countdownShowing(null)).toBe(false);
    expect(countdownShowing(21)).toBe(false);
    expect(countdownShowing(20)).toBe(true);
  });

  it('speaks the whole flow once per screen, the greeting once per number, and waits for the pack', () => {
    const r = rig();
    r.serving.value = 'A001';
    expect(r.said()).toEqual([]);
    r.pack.value = PACK;
    expect(r.said()).toEqual(['pad-serving']);
    r.view.value = { kind: 'rate', prompt };
    const bad = startBadPath(prompt, 1, 0);
    r.view.value = bad;
    r.view.value = { ...bad, chosen: ['等候时间过长'] };
    r.view.value = { ...bad, page: 1 };
    r.countdown.value = true;
    r.countdown.value = false;
    r.view.value = { ...bad, step: 'phone' };
    r.view.value = { ...bad, step: 'phone', phone: '138' };
    r.view.value = { ...bad, step: 'consent' };
    r.view.value = { kind: 'thanks', bad: true };
    // Back on the idle screen with the same number: no second greeting; the next citizen's number gets one.
    r.view.value = { kind: 'idle' };
    r.serving.value = 'A002';
    expect(r.said()).toEqual([
      'pad-serving', 'pad-rate', 'pad-bad-reasons', 'pad-countdown', 'pad-bad-phone', 'pad-bad-consent', 'pad-thanks-bad', 'pad-serving',
    ]);
    r.stop();
  });

  it('falls back to the prompt\'s text where the pack has no clip', () => {
    const r = rig();
    r.pack.value = { manifest: { ...PACK.manifest, files: [] } };
    r.view.value = { kind: 'thanks', bad: false };
    expect(r.said()).toEqual(['感谢您的评价，祝您生活愉快。']);
    r.stop();
  });
});
