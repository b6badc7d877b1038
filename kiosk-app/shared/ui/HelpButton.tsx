import { signal } from '@preact/signals';
import { BigButton } from './BigButton.tsx';

export type HelpState = 'idle' | 'sending' | 'sent' | 'failed';

/** "呼叫工作人员": present on every kiosk screen. The caller supplies how the request is raised (hall-server route). */
export function HelpButton({ onHelp }: { onHelp: () => Promise<void> }) {
  const state = helpState;
  const press = async () => {
    if (state.value === 'sending') return;
    state.value = 'sending';
    try {
      await onHelp();
      helpSentAt = Date.now();
      state.value = 'sent';
    } catch {
      state.value = 'failed';
    }
  };
  // The button keeps about the width of 呼叫工作人员, so it never grows over the footer's buttons; the whole sentence
  // goes to the status region for screen readers.
  const label = state.value === 'sent' ? '已呼叫工作人员' : state.value === 'failed' ? '请到咨询台求助' : '呼叫工作人员';
  const said = state.value === 'sent' ? '工作人员马上就到，请您稍等' : state.value === 'failed' ? '呼叫未成功，请到咨询台' : '';
  return (
    <div class="ui-help">
      <BigButton label={label} icon="help" variant="accent" onClick={press} testId="help-button" />
      <p class="visually-hidden" role="status" aria-live="polite" data-testid="help-status">
        {said}
      </p>
    </div>
  );
}

/** Shared so a reset (idle, new citizen) can clear the "sent" confirmation. */
export const helpState = signal<HelpState>('idle');
let helpSentAt: number | null = null;

/** When the request on screen was raised (null when none is open): the idle reset waits for staff meanwhile. */
export function openHelpSentAt(): number | null {
  return helpState.peek() === 'sent' ? helpSentAt : null;
}
