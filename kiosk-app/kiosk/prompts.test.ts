// The kiosk's 长辈模式 prompts come from the content schema: the clip it plays and the speech fallback say the same.
// Which prompt plays when: the real signals and a recording output (no audio in node).
import { signal } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import type { PackData } from '../../content/schema/index.ts';
import type { Step } from './model/flow.ts';
import { planPrompt, promptFor, ticketNumberReading, watchPrompts, type PromptPlan } from './prompts.ts';

/** Only the manifest fields the prompts read, hence the cast. */
function pack(version: number, files: string[]): PackData {
  return { manifest: { packId: 'ln-sample-county', version, files: files.map((path) => ({ path, sha256: '', size: 1 })) } } as unknown as PackData;
}
const WITH_CLIPS = pack(1, ['voice/prompt-home.wav', 'voice/prompt-guide.wav']);
const url = (step: string, version = 1) => `/api/packs/files/ln-sample-county/${version}/voice/prompt-${step}.wav`;

function rig(initialPack: PackData | null, senior = true) {
  const step = signal<Step>({ name: 'home', page: 0 });
  const packSignal = signal<PackData | null>(initialPack);
  const seniorSignal = signal(senior);
  const heard: PromptPlan[] = [];
  const stop = watchPrompts({ step, pack: packSignal, senior: seniorSignal }, { play: (plan) => heard.push(plan) });
  return { step, pack: packSignal, senior: seniorSignal, heard, stop };
}

describe('kiosk voice prompts', () => {
  it('plays voice/prompt-<step>.wav and falls back to that clip\'s own text', () => {
    expect(promptFor('home')).toEqual({ clip: 'voice/prompt-home.wav', text: '您好，请选择您要办理的业务。' });
    expect(promptFor('identify')).toEqual({ clip: 'voice/prompt-identify.wav', text: '请您放身份证，或者插入社保卡，或者出示医保码。' });
    expect(promptFor('thanks').clip).toBe('voice/prompt-thanks.wav');
  });

  it('plans the pack clip when the pack has it and speech only when the loaded pack has none', () => {
    expect(planPrompt({ name: 'home', page: 0 }, WITH_CLIPS)).toEqual({ kind: 'clip', url: url('home') });
    expect(planPrompt({ name: 'identify', code: 'S1', busy: false, error: null }, WITH_CLIPS)).toEqual({
      kind: 'speech', text: '请您放身份证，或者插入社保卡，或者出示医保码。',
    });
  });

  it('reads the ticket number as letters and single digits after the ticket prompt (B005 → B 零 零 五 号)', () => {
    expect(ticketNumberReading('B005')).toEqual({
      clips: ['voice/letter-B.wav', 'voice/digit-0.wav', 'voice/digit-0.wav', 'voice/digit-5.wav', 'voice/hao.wav'],
      text: 'B零零五号',
    });
    expect(ticketNumberReading('窗口')).toBeNull();
    const ticket: Step = {
      name: 'ticket', code: 'S1', print: 'printed', printMessage: null,
      ticket: { id: 't', number: 'B005', serviceName: '参保登记', peopleAhead: 0, waitMinutes: 0, windows: [], maskedName: null, issuedAt: '', duplicate: false },
    };
    const numberFiles = ['voice/letter-B.wav', 'voice/digit-0.wav', 'voice/digit-5.wav', 'voice/hao.wav'];
    const withNumber = pack(3, ['voice/prompt-ticket.wav', ...numberFiles]);
    const plan = planPrompt(ticket, withNumber);
    expect(plan.kind === 'clip' && plan.then?.length).toBe(5);
    expect(planPrompt(ticket, pack(4, []))).toEqual({ kind: 'speech', text: `${promptFor('ticket').text}您的号码是B零零五号。` });
  });

  it('waits for the pack before the first prompt instead of speaking, then plays its clip once', () => {
    const r = rig(null);
    expect(r.heard).toEqual([]);
    r.pack.value = WITH_CLIPS;
    expect(r.heard).toEqual([{ kind: 'clip', url: url('home') }]);
    // The hall's copy after the boot screen's, or a new pack at the idle reset: no repeat.
    r.pack.value = pack(2, ['voice/prompt-home.wav', 'voice/prompt-guide.wav']);
    expect(r.heard).toHaveLength(1);
    r.step.value = { name: 'guide', code: 'S1' };
    expect(r.heard).toEqual([{ kind: 'clip', url: url('home') }, { kind: 'clip', url: url('guide', 2) }]);
    r.stop();
  });

  it('plays the step reached while the pack was loading, not the ones before it', () => {
    const r = rig(null);
    r.step.value = { name: 'guide', code: 'S1' };
    expect(r.heard).toEqual([]);
    r.pack.value = WITH_CLIPS;
    expect(r.heard).toEqual([{ kind: 'clip', url: url('guide') }]);
    r.stop();
  });

  it('is silent outside 长辈模式 and speaks the current step when it is switched on', () => {
    const r = rig(WITH_CLIPS, false);
    r.step.value = { name: 'guide', code: 'S1' };
    expect(r.heard).toEqual([]);
    r.senior.value = true;
    expect(r.heard).toEqual([{ kind: 'clip', url: url('guide') }]);
    r.stop();
    r.step.value = { name: 'home', page: 0 };
    expect(r.heard).toHaveLength(1);
  });

  it('says a step once: a change within it (printing → printed, identifying, a page of home) repeats nothing', () => {
    const r = rig(pack(1, ['voice/prompt-home.wav', 'voice/prompt-ticket.wav', 'voice/prompt-identify.wav']));
    r.step.value = { name: 'home', page: 1 };
    r.step.value = { name: 'identify', code: 'S1', busy: false, error: null };
    r.step.value = { name: 'identify', code: 'S1', busy: true, error: null };
    const ticket = { id: 't', number: 'B005', serviceName: '参保登记', peopleAhead: 0, waitMinutes: 0, windows: [], maskedName: null, issuedAt: '', duplicate: false };
    r.step.value = { name: 'ticket', code: 'S1', ticket, print: 'printing', printMessage: null };
    r.step.value = { name: 'ticket', code: 'S1', ticket, print: 'printed', printMessage: null };
    expect(r.heard.map((p) => (p.kind === 'clip' ? p.url : p.text))).toEqual([url('home'), url('identify'), url('ticket')]);
    r.stop();
  });
});
