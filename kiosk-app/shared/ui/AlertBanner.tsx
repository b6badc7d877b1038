// A banner of alert lines for staff screens (counter panel, console): printers out of paper, help requests, overdue
// 差评 cases. Nothing when there are no lines. `warning` is amber, `urgent` red; the screen sets the spacing by class.
import './components.css';

export interface AlertBannerProps {
  lines: string[];
  tone?: 'warning' | 'urgent';
  /** The screen's own class for placement (margins, padding, type size). */
  class?: string;
  testId?: string;
}

export function AlertBanner({ lines, tone = 'warning', class: placement, testId }: AlertBannerProps) {
  if (lines.length === 0) return null;
  return (
    <div class={`ui-alert-banner${placement ? ` ${placement}` : ''}`} data-tone={tone} role="alert" data-testid={testId}>
      <ul>
        {lines.map((line) => (
          <li key={line}>
            <span aria-hidden="true">⚠ </span>
            {line}
          </li>
        ))}
      </ul>
    </div>
  );
}
