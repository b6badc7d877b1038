import { describe, expect, it } from 'vitest';
import { HOME, holdsCitizen, identityOf, next, type Action, type IssuedTicket, type Step } from './flow.ts';
import type { Identity } from './types.ts';

const identity: Identity = { idNumber: '210102195001011234', name: '张三丰', birthDate: '1950-01-01', source: 'id_card' };
const ticket: IssuedTicket = {
  id: 't1', number: 'A023', serviceName: '参保登记', peopleAhead: 3, waitMinutes: 9, windows: ['1号窗口'],
  maskedName: '张*丰', issuedAt: '2026-11-22 09:00', duplicate: false,
};

function run(start: Step, actions: Action[]): Step {
  return actions.reduce(next, start);
}

describe('kiosk flow', () => {
  it('goes home → guide → identify → confirm → notice → ticket → thanks with an ID card and the green channel', () => {
    const steps: Step[] = [];
    let step = HOME;
    for (const action of [
      { type: 'openItem', code: '001' },
      { type: 'takeTicket', code: '001', identity: 'required' },
      { type: 'identifying' },
      { type: 'identified', identity, greenOffered: true },
      { type: 'confirmIdentity', green: true },
      { type: 'issuing' },
      { type: 'issued', ticket },
      { type: 'printed' },
      { type: 'finish' },
    ] satisfies Action[]) {
      step = next(step, action);
      steps.push(step);
    }
    expect(steps.map((s) => s.name)).toEqual(['guide', 'identify', 'identify', 'confirm', 'notice', 'notice', 'ticket', 'ticket', 'thanks']);
    expect(steps[4]).toEqual({ name: 'notice', code: '001', identity, green: true, issuing: false, error: null });
    expect(steps[7]).toEqual({ name: 'ticket', code: '001', ticket, print: 'printed', printMessage: null });
  });

  it('skips identification for items that need none', () => {
    const step = run(HOME, [{ type: 'openItem', code: '9' }, { type: 'takeTicket', code: '9', identity: 'none' }]);
    expect(step).toEqual({ name: 'notice', code: '9', identity: null, green: false, issuing: false, error: null });
  });

  it('takes a ticket without a document when allowed', () => {
    const step = run(HOME, [{ type: 'openItem', code: '9' }, { type: 'takeTicket', code: '9', identity: 'optional' }, { type: 'withoutDocument' }]);
    expect(step.name).toBe('notice');
    expect(identityOf(step)).toBeNull();
  });

  it('never grants the green channel unless it was offered', () => {
    const step = run({ name: 'identify', code: '1', busy: false, error: null }, [
      { type: 'identified', identity, greenOffered: false },
      { type: 'confirmIdentity', green: true },
    ]);
    expect(step).toMatchObject({ name: 'notice', green: false });
  });

  it('keeps a failed ticket on screen and lets the citizen finish only when printing is over', () => {
    const printing = run(HOME, []);
    const onTicket: Step = { name: 'ticket', code: '1', ticket, print: 'printing', printMessage: null };
    expect(next(onTicket, { type: 'finish' })).toBe(onTicket);
    const failed = next(onTicket, { type: 'printFailed', message: '打印纸已用完' });
    expect(failed).toEqual({ ...onTicket, print: 'failed', printMessage: '打印纸已用完' });
    expect(next(failed, { type: 'finish' })).toEqual({ name: 'thanks' });
    expect(printing).toBe(HOME);
  });

  it('shows an identification error and lets the citizen retry', () => {
    const step = run({ name: 'identify', code: '1', busy: false, error: null }, [{ type: 'identifying' }, { type: 'identifyFailed', message: '无法识别医保码' }]);
    expect(step).toEqual({ name: 'identify', code: '1', busy: false, error: '无法识别医保码' });
    expect(next(step, { type: 'identifying' })).toEqual({ name: 'identify', code: '1', busy: true, error: null });
  });

  it('keeps the issuing step when issuing fails, with the reason', () => {
    const notice: Step = { name: 'notice', code: '1', identity: null, green: false, issuing: false, error: null };
    const issuing = next(notice, { type: 'issuing' });
    expect(next(issuing, { type: 'issuing' })).toBe(issuing);
    expect(next(issuing, { type: 'back' })).toBe(issuing);
    expect(next(issuing, { type: 'issueFailed', message: '暂停取号' })).toEqual({ ...notice, error: '暂停取号' });
  });

  it('goes back one step at a time and ignores actions that do not fit', () => {
    expect(next({ name: 'guide', code: '1' }, { type: 'back' })).toBe(HOME);
    expect(next({ name: 'confirm', code: '1', identity, greenOffered: false }, { type: 'back' })).toEqual({ name: 'identify', code: '1', busy: false, error: null });
    expect(next(HOME, { type: 'printed' })).toBe(HOME);
    expect(next({ name: 'thanks' }, { type: 'openItem', code: '1' })).toEqual({ name: 'thanks' });
  });

  it('reset wipes everything personal', () => {
    const step = run({ name: 'confirm', code: '1', identity, greenOffered: true }, [{ type: 'reset' }]);
    expect(step).toBe(HOME);
    expect(identityOf(step)).toBeNull();
    expect(holdsCitizen(step)).toBe(false);
    expect(holdsCitizen({ name: 'home', page: 1 })).toBe(true);
  });

  it('材料不全 leads to what to bring next time; 返回 goes back to the checklist, and a ticket can still be taken', () => {
    const notice: Step = { name: 'notice', code: '1', identity: null, green: false, issuing: false, error: null };
    const missing = next(notice, { type: 'materialsMissing' });
    expect(missing).toEqual({ ...notice, missing: true });
    expect(next(missing, { type: 'back' })).toEqual({ ...notice, missing: false });
    expect(next(missing, { type: 'issuing' })).toMatchObject({ name: 'notice', issuing: true });
    expect(next({ ...notice, issuing: true }, { type: 'materialsMissing' })).toEqual({ ...notice, issuing: true });
  });
});

describe('长辈模式 home question', () => {
  it('an answer opens its items on their first page; back goes to the question, never past it', () => {
    const answered = next(HOME, { type: 'answer', answer: 'resident' });
    expect(answered).toEqual({ name: 'home', page: 0, answer: 'resident' });
    expect(next(answered, { type: 'answer', answer: 'employee' })).toBe(answered);
    const page2 = next(answered, { type: 'page', page: 1 });
    expect(page2).toEqual({ name: 'home', page: 1, answer: 'resident' });
    expect(next(page2, { type: 'back' })).toBe(HOME);
    expect(next(HOME, { type: 'back' })).toBe(HOME);
  });

  it('back from a guide returns to the answer and page it was opened from', () => {
    const page2: Step = { name: 'home', page: 1, answer: 'other' };
    const guide = next(page2, { type: 'openItem', code: '9' });
    expect(guide).toEqual({ name: 'guide', code: '9', from: { page: 1, answer: 'other' } });
    expect(next(guide, { type: 'back' })).toEqual(page2);
    expect(next(next({ name: 'home', page: 2 }, { type: 'openItem', code: '9' }), { type: 'back' })).toEqual({ name: 'home', page: 2 });
  });

  it('an answered question holds the citizen (the idle countdown shows before home starts over)', () => {
    expect(holdsCitizen({ name: 'home', page: 0, answer: 'resident' })).toBe(true);
  });
});
