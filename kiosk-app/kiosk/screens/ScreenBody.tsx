import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

/** A click that reaches the body away before it has turned inert does nothing. */
function ignoreWhileAway(event: MouseEvent) {
  if ((event.currentTarget as HTMLElement).hasAttribute('data-away')) {
    event.stopPropagation();
    event.preventDefault();
  }
}

/** One screen's content: a scrolling area, and below it the step's main actions, kept in reach while the content scrolls.
 *
 * Every body fills the same cell of the frame, so a screen's size never depends on another's. Home and the guide last
 * opened from it both stay in the page while the citizen goes back and forth. The one away (`data-away`, kiosk.css) is
 * fully transparent on its own compositor layer, under the one shown; going between them changes only which layer is
 * opaque and on top: nothing is laid out, painted or rasterised again, which on a low-end kiosk is most of the time
 * between a tap and the next screen. Once the new screen is painted, the body away becomes inert (not hit, not
 * focusable, not in the accessibility tree) and aria-hidden, and the one shown stops being so; done at once, restyling
 * both bodies for it would delay the paint. Until then a touch on the body away does nothing. */
export function ScreenBody({
  away = false,
  actions,
  children,
}: {
  away?: boolean;
  actions?: ComponentChildren;
  children: ComponentChildren;
}) {
  const section = useRef<HTMLElement>(null);
  // Preact runs effects after the browser has painted.
  useEffect(() => {
    const el = section.current;
    if (!el) return;
    el.inert = away;
    if (away) el.setAttribute('aria-hidden', 'true');
    else el.removeAttribute('aria-hidden');
  }, [away]);
  return (
    <section ref={section} class="screen-body" data-away={away ? '' : undefined} onClickCapture={ignoreWhileAway}>
      {/* A scrolling region is focusable so that a keyboard can scroll it (WCAG 2.1.1). */}
      <div class="screen-scroll" tabIndex={0}>
        {children}
      </div>
      {actions && <div class="kiosk-actions">{actions}</div>}
    </section>
  );
}
