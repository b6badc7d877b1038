import { BigButton } from './BigButton.tsx';
import type { IdlePhase } from './idle.ts';
import './components.css';

/** The countdown shown before an idle reset; "继续" keeps the citizen's place. */
export function IdleOverlay({ phase, onContinue }: { phase: IdlePhase; onContinue: () => void }) {
  if (phase.phase !== 'countdown') return null;
  return (
    <div class="ui-overlay" data-testid="idle-overlay">
      <div class="ui-dialog" role="alertdialog" aria-modal="true" aria-labelledby="idle-title" aria-describedby="idle-text">
        <h2 id="idle-title">您还在办理吗？</h2>
        <p id="idle-text">
          <span class="ui-countdown" data-testid="idle-seconds">{phase.secondsLeft}</span>
          <br />
          秒后将返回首页，并清除您的信息
        </p>
        <BigButton label="继续" icon="check" variant="primary" size="large" onClick={onContinue} testId="idle-continue" />
      </div>
    </div>
  );
}
