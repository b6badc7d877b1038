import type { ComponentChildren } from 'preact';

/** One screen's content in the frame's scrolling area. Home and guide both stay in the page while either shows: the one
 * that is away is not rendered (content-visibility: hidden: not painted, not hit, not focusable, not in the
 * accessibility tree) but keeps its DOM, style and layout, so going back and forth between them builds nothing again. */
export function ScreenBody({ away, children }: { away: boolean; children: ComponentChildren }) {
  return (
    <div class="screen-body" data-away={away ? '' : undefined}>
      {children}
    </div>
  );
}
