import { seniorForced, seniorMode, toggleSeniorMode } from './mode.ts';
import { Icon } from './icons.tsx';
import './components.css';

/** The 长辈模式 switch: a real switch with its state in words, not only in colour. */
export function SeniorSwitch() {
  const on = seniorMode.value;
  if (seniorForced.value) return null;
  return (
    <button
      type="button"
      role="switch"
      aria-checked={on}
      class="ui-button"
      data-variant={on ? 'primary' : 'plain'}
      data-testid="senior-switch"
      onClick={toggleSeniorMode}
    >
      <Icon name="senior" />
      <span>长辈模式：{on ? '已开启' : '已关闭'}</span>
    </button>
  );
}
