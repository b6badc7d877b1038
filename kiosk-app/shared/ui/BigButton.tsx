import type { ComponentChildren } from 'preact';
import { Icon, type IconName } from './icons.tsx';
import './components.css';

export interface BigButtonProps {
  /** Visible text; also the accessible name. */
  label: string;
  icon?: IconName;
  onClick: () => void;
  variant?: 'primary' | 'accent' | 'quiet' | 'plain';
  size?: 'normal' | 'large';
  layout?: 'row' | 'tile';
  disabled?: boolean;
  /** Not shown, not in the accessibility tree, takes no room. */
  hidden?: boolean;
  /** Secondary line under the label (tiles). */
  detail?: ComponentChildren;
  class?: string;
  testId?: string;
  /** One of the screen's choices (counted against 长辈模式's at most 4 a screen), not navigation. */
  choice?: boolean;
  style?: Record<string, string | number>;
}

/** A large touch target with an icon and a text label; never an icon alone. */
export function BigButton(props: BigButtonProps) {
  const { label, icon, onClick, variant = 'plain', size = 'normal', layout = 'row', disabled, detail } = props;
  return (
    <button
      type="button"
      class={`ui-button ${props.class ?? ''}`}
      data-variant={variant}
      data-size={size}
      data-layout={layout}
      data-testid={props.testId}
      data-choice={props.choice ? '' : undefined}
      disabled={disabled}
      hidden={props.hidden}
      onClick={onClick}
      style={props.style}
    >
      {icon && <Icon name={icon} />}
      <span class="ui-button-label">{label}</span>
      {detail && <span class="ui-button-detail">{detail}</span>}
    </button>
  );
}
