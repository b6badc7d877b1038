// Every kiosk state and error is spoken with a clip the sample pack has; which prompt plays when, with the real
// signals and a recording output (no audio in node).
import { signal } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import { KIOSK_STATE_PROMPTS, promptClip, VOICE_PROMPTS, type KioskStatePrompt, type PackData } from '../../content/schema/index.ts';
import type { PromptPlan } from '../shared/ui/voice/prompts.ts';
import type { IssuedTicket, Step } from './model/flow.ts';
import type { IdMethods } from './model/idMethods.ts';
import { planPrompt } from './prompts.ts';
import { statePromptsOf, watchStatePrompts, type KioskVoiceState } from './statePrompts.ts';
import sampleManifestJson from '../../content/packs/sample/manifest.json';

const sampleManifest: { packId: string; version: number; files: Array<{ path: string }> } = sampleManifestJson;
/** Only the manifest fields the prompts read, hence the cast. */
const SAMPLE = { manifest: sampleManifest } as unknown as PackData;
const clipUrl = (name: string) => `/api/packs/files/${sampleManifest.packId}/${sampleManifest.version}/voice/prompt-${name}.wav`;

const READY: IdMethods = { idcard: 'ready', sscard: 'ready', ecard: 'ready' };
const TICKET: IssuedTicket = {
  id: 't1', number: 'B005', serviceName: '参保登记', peopleAhead: 0, waitMinutes: 0, windows: [], maskedName: null, issuedAt: '', duplicate: false,
};
const base: KioskVoiceState = { step: { name: 'home', page: 0 }, paused: false, methods: READY, itemClosedReason: null, help: 'idle', countdown: false };
const identifyStep = (error: string | null): Step => ({ name: 'identify', code: 'S1', busy: false, error });
const ticketStep = (printCode?: string): Step => ({
  name: 'ticket', code: 'S1', ticket: TICKET, print: 'failed', printMessage: '打印失败', ...(printCode ? { printCode } : {}),
});

/** One state per state prompt (confirm-green is the confirm step's own prompt). */
const EXAMPLES: Record<Exclude<KioskStatePrompt, 'confirm-green'>, KioskVoiceState> = {
  'identify-failed': { ...base, step: identifyStep('读卡失败，请重新放卡') },
  'readers-offline': { ...base, step: identifyStep(null), methods: { idcard: 'offline', sscard: 'ready', ecard: 'absent' } },
  'paper-out': { ...base, step: ticketStep('paper_out') },
  'print-failed': { ...base, step: ticketStep('cover_open') },
  'issue-failed': { ...base, step: { name: 'notice', code: 'S1', identity: null, green: false, issuing: false, error: '取号未成功' } },
  'network-down': { ...base, paused: true },
  'item-closed': { ...base, step: { name: 'guide', code: 'S1' }, itemClosedReason: '今天是法定节假日' },
  'help-sent': { ...base, help: 'sent' },
  'idle-countdown': { ...base, step: identifyStep(null), countdown: true },
};

describe('kiosk state prompts', () => {
  it('has a state that says each state prompt, and the sample pack has the clip of every prompt', () => {
    for (const [prompt, state] of Object.entries(EXAMPLES)) expect(statePromptsOf(state), prompt).toEqual([prompt]);
    const confirm: Step = {
      name: 'confirm', code: 'S1', greenOffered: true,
      identity: { idNumber: '210102194001011234', name: '张三', birthDate: '1940-01-01', source: 'id_card' },
    };
    expect(planPrompt(confirm, SAMPLE)).toEqual({ kind: 'clip', url: clipUrl('confirm-green') });
    expect(planPrompt({ ...confirm, greenOffered: false }, SAMPLE)).toEqual({ kind: 'clip', url: clipUrl('confirm') });
    expect(Object.keys(EXAMPLES).length + 1).toBe(KIOSK_STATE_PROMPTS.length);
    const files = new Set(sampleManifest.files.map((f) => f.path));
    for (const prompt of VOICE_PROMPTS) expect(files.has(promptClip(prompt)), prompt).toBe(true);
  });

  it('says nothing of a state that is not showing: the ticket screen keeps its own words while the hall is away', () => {
    expect(statePromptsOf(base)).toEqual([]);
    expect(statePromptsOf({ ...base, step: { name: 'ticket', code: 'S1', ticket: TICKET, print: 'printed', printMessage: null }, paused: true })).toEqual([]);
  });

  function rig(senior: boolean) {
    const state = signal<KioskVoiceState>(base);
    const pack = signal<PackData | null>(SAMPLE);
    const seniorSignal = signal(senior);
    const heard: PromptPlan[] = [];
    const stop = watchStatePrompts({ state, pack, senior: seniorSignal }, { play: (plan) => heard.push(plan) });
    return { state, pack, senior: seniorSignal, heard, stop };
  }

  it('in 长辈模式 says a state when it appears, not again while it stays, and again for a new failure', () => {
    const r = rig(true);
    r.state.value = EXAMPLES['identify-failed'];
    expect(r.heard).toEqual([{ kind: 'clip', url: clipUrl('identify-failed') }]);
    // Another render of the same state (a new pack copy, the countdown ticking): nothing more.
    r.state.value = { ...EXAMPLES['identify-failed'] };
    r.pack.value = { ...SAMPLE };
    expect(r.heard).toHaveLength(1);
    // A second failed read is a new step object with its error.
    r.state.value = { ...base, step: identifyStep('读卡失败，请重新放卡') };
    expect(r.heard).toHaveLength(2);
    r.state.value = { ...base, step: identifyStep(null), help: 'sent' };
    expect(r.heard.at(-1)).toEqual({ kind: 'clip', url: clipUrl('help-sent') });
    r.state.value = { ...base, step: identifyStep(null), help: 'sent', countdown: true };
    expect(r.heard.map((p) => (p.kind === 'clip' ? p.url : p.text))).toEqual(
      ['identify-failed', 'identify-failed', 'help-sent', 'idle-countdown'].map(clipUrl),
    );
    r.stop();
  });

  it('outside 长辈模式 says only the idle countdown', () => {
    const r = rig(false);
    for (const state of Object.values(EXAMPLES)) r.state.value = state;
    expect(r.heard).toEqual([{ kind: 'clip', url: clipUrl('idle-countdown') }]);
    r.stop();
  });

  it('falls back to the prompt\'s text where the pack has no clip for it', () => {
    const r = rig(true);
    r.pack.value = { manifest: { ...sampleManifest, files: [] } } as unknown as PackData;
    r.state.value = EXAMPLES['paper-out'];
    expect(r.heard).toEqual([{ kind: 'speech', text: '打印机缺纸。请您记下屏幕上的号码，或到咨询台领取小票。' }]);
    r.stop();
  });
});
