// The kiosk flow as pure transitions: home → guide → identify → confirm (绿色通道 offer) → 一次性告知 → ticket → thanks → home.
// 预约签到 (home → check-in → ticket, or early / no booking found) in the steps of model/checkIn.ts.
// The controller applies them to a signal; screens only read the state. Personal data lives only inside the state,
// so resetting the state wipes it.
import { typeCodeKey, type CheckInMark, type CheckInStep } from './checkIn.ts';
import type { Identity, IdentityRequirement } from './types.ts';

export type PrintStatus = 'printing' | 'printed' | 'failed';

export interface IssuedTicket {
  id: string;
  number: string;
  serviceName: string;
  peopleAhead: number;
  waitMinutes: number;
  windows: string[];
  maskedName: string | null;
  issuedAt: string;
  /** The citizen already held this waiting ticket for the item. */
  duplicate: boolean;
  /** The citizen's progress page, printed in the QR; absent or null when the hall prints no link. */
  progressUrl?: string | null;
  /** Issued by a 预约签到: on time (marked 预约) or late (an ordinary ticket, with the explanation). */
  checkIn?: CheckInMark | null;
}

/** Where on home the citizen is: the page, and in 长辈模式 the answer to the home question (none: the question). */
export interface HomePlace {
  page: number;
  answer?: string;
}

export type Step =
  | ({ name: 'home' } & HomePlace)
  | { name: 'info' }
  | { name: 'guide'; code: string; /** The home place it was opened from (back returns there); none: the first page. */ from?: HomePlace }
  | { name: 'identify'; code: string; busy: boolean; error: string | null }
  | { name: 'confirm'; code: string; identity: Identity; greenOffered: boolean }
  | {
      name: 'notice';
      code: string;
      identity: Identity | null;
      green: boolean;
      issuing: boolean;
      error: string | null;
      /** The citizen said 材料不全: the screen says what to bring next time and what can still be done today. */
      missing?: boolean;
    }
  | {
      name: 'ticket';
      code: string;
      ticket: IssuedTicket;
      print: PrintStatus;
      printMessage: string | null;
      /** The bridge's code of a failed print (`paper_out`…): the spoken advice depends on it. */
      printCode?: string;
    }
  | { name: 'thanks' }
  | CheckInStep;

export type Action =
  | { type: 'page'; page: number }
  | { type: 'answer'; answer: string }
  | { type: 'openInfo' }
  | { type: 'openItem'; code: string }
  | { type: 'takeTicket'; code: string; identity: IdentityRequirement }
  | { type: 'identifying' }
  | { type: 'identified'; identity: Identity; greenOffered: boolean }
  | { type: 'identifyFailed'; message: string }
  | { type: 'withoutDocument' }
  | { type: 'confirmIdentity'; green: boolean }
  | { type: 'materialsMissing' }
  | { type: 'issuing' }
  | { type: 'issueFailed'; message: string }
  | { type: 'issued'; ticket: IssuedTicket }
  | { type: 'printed' }
  | { type: 'printFailed'; message: string; code?: string }
  | { type: 'reprinting' }
  | { type: 'finish' }
  | { type: 'back' }
  | { type: 'openCheckIn' }
  | { type: 'codeKey'; key: string }
  | { type: 'checkingIn' }
  | { type: 'checkInFailed'; message: string }
  | { type: 'checkInEarly'; code: string; serviceName: string; message: string; comeBackAt: string }
  | { type: 'checkInMissing'; message: string }
  | { type: 'checkedIn'; code: string; ticket: IssuedTicket }
  | { type: 'ordinaryTicket' }
  | { type: 'reset' };

export const HOME: Step = { name: 'home', page: 0 };

/** Applies one action; an action that does not fit the current step leaves the state unchanged. */
export function next(step: Step, action: Action): Step {
  switch (action.type) {
    case 'reset':
      return HOME;
    case 'page':
      return step.name === 'home' ? { ...step, page: Math.max(0, action.page) } : step;
    case 'answer':
      return step.name === 'home' && step.answer === undefined ? { name: 'home', page: 0, answer: action.answer } : step;
    case 'openInfo':
      return step.name === 'home' ? { name: 'info' } : step;
    case 'openItem':
      return step.name === 'home' ? { name: 'guide', code: action.code, from: placeOf(step) } : step;
    case 'takeTicket':
      if (step.name !== 'guide' || step.code !== action.code) return step;
      return action.identity === 'none'
        ? { name: 'notice', code: step.code, identity: null, green: false, issuing: false, error: null }
        : { name: 'identify', code: step.code, busy: false, error: null };
    case 'identifying':
      return step.name === 'identify' ? { ...step, busy: true, error: null } : step;
    case 'identified':
      return step.name === 'identify'
        ? { name: 'confirm', code: step.code, identity: action.identity, greenOffered: action.greenOffered }
        : step;
    case 'identifyFailed':
      return step.name === 'identify' ? { ...step, busy: false, error: action.message } : step;
    case 'withoutDocument':
      return step.name === 'identify' ? { name: 'notice', code: step.code, identity: null, green: false, issuing: false, error: null } : step;
    case 'confirmIdentity':
      return step.name === 'confirm'
        ? { name: 'notice', code: step.code, identity: step.identity, green: step.greenOffered && action.green, issuing: false, error: null }
        : step;
    case 'materialsMissing':
      return step.name === 'notice' && !step.issuing ? { ...step, missing: true, error: null } : step;
    case 'issuing':
      return step.name === 'notice' && !step.issuing ? { ...step, issuing: true, error: null } : step;
    case 'issueFailed':
      return step.name === 'notice' ? { ...step, issuing: false, error: action.message } : step;
    case 'issued':
      return step.name === 'notice' ? { name: 'ticket', code: step.code, ticket: action.ticket, print: 'printing', printMessage: null } : step;
    case 'printed':
      return step.name === 'ticket' ? { name: 'ticket', code: step.code, ticket: step.ticket, print: 'printed', printMessage: null } : step;
    case 'printFailed':
      return step.name === 'ticket'
        ? { ...step, print: 'failed', printMessage: action.message, ...(action.code ? { printCode: action.code } : {}) }
        : step;
    case 'reprinting':
      return step.name === 'ticket' ? { name: 'ticket', code: step.code, ticket: step.ticket, print: 'printing', printMessage: null } : step;
    case 'finish':
      return step.name === 'ticket' && step.print !== 'printing' ? { name: 'thanks' } : step;
    case 'back':
      return back(step);
    case 'openCheckIn':
      return step.name === 'home' ? CHECK_IN : step;
    case 'codeKey':
      return step.name === 'checkIn' && !step.busy ? { ...step, digits: typeCodeKey(step.digits, action.key), error: null } : step;
    case 'checkingIn':
      return step.name === 'checkIn' && !step.busy ? { ...step, busy: true, error: null } : step;
    case 'checkInFailed':
      return step.name === 'checkIn' ? { ...step, busy: false, error: action.message } : step;
    case 'checkInEarly': {
      if (step.name !== 'checkIn') return step;
      const { code, serviceName, message, comeBackAt } = action;
      return { name: 'checkInEarly', code, serviceName, message, comeBackAt };
    }
    case 'checkInMissing':
      return step.name === 'checkIn' ? { name: 'checkInMissing', message: action.message } : step;
    case 'checkedIn':
      return step.name === 'checkIn' ? { name: 'ticket', code: action.code, ticket: action.ticket, print: 'printing', printMessage: null } : step;
    case 'ordinaryTicket':
      // Early: the booked item's guide (its 取号 button follows); no booking: home, to choose the item.
      if (step.name === 'checkInEarly') return { name: 'guide', code: step.code };
      return step.name === 'checkInMissing' ? HOME : step;
  }
}

/** The check-in screen, nothing typed yet. */
export const CHECK_IN: Step = { name: 'checkIn', digits: '', busy: false, error: null };

function back(step: Step): Step {
  switch (step.name) {
    case 'home':
      // Back from an answer's items is the question again.
      return step.answer === undefined ? step : HOME;
    case 'info':
      return HOME;
    case 'guide':
      return step.from ? { name: 'home', ...step.from } : HOME;
    case 'identify':
      return step.busy ? step : { name: 'guide', code: step.code };
    case 'confirm':
      return { name: 'identify', code: step.code, busy: false, error: null };
    case 'checkIn':
      return step.busy ? step : HOME;
    case 'checkInEarly':
    case 'checkInMissing':
      return CHECK_IN;
    case 'notice':
      if (step.issuing) return step;
      return step.missing ? { ...step, missing: false, error: null } : { name: 'guide', code: step.code };
    default:
      return step;
  }
}

/** Whether the step holds anything personal (then an idle timeout shows the countdown before wiping it). */
export function holdsCitizen(step: Step): boolean {
  return step.name !== 'home' || step.page !== 0 || step.answer !== undefined;
}

function placeOf(step: HomePlace): HomePlace {
  return step.answer === undefined ? { page: step.page } : { page: step.page, answer: step.answer };
}

/** The identity the step carries, if any (for the ticket request). */
export function identityOf(step: Step): Identity | null {
  if (step.name === 'confirm' || step.name === 'notice') return step.identity;
  return null;
}
