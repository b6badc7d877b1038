import './hardening.css';

/** Locks a public terminal page: no context menu (long press), no pinch/ctrl-wheel zoom, no drag, no text selection,
 * no keyboard shortcuts that leave or reload the page. Returns a function that undoes it (for tests and the admin). */
export function installKioskHardening(doc: Document = document): () => void {
  const root = doc.documentElement;
  root.classList.add('kiosk-hardened');
  const prevent = (event: Event) => event.preventDefault();
  const preventMultiTouch = (event: TouchEvent) => {
    if (event.touches.length > 1) event.preventDefault();
  };
  const preventZoomWheel = (event: WheelEvent) => {
    if (event.ctrlKey) event.preventDefault();
  };
  const preventEscapeKeys = (event: KeyboardEvent) => {
    const key = event.key;
    const withModifier = event.ctrlKey || event.metaKey || event.altKey;
    if (key === 'F5' || key === 'F11' || key === 'F12' || (withModifier && key !== 'Control' && key !== 'Alt' && key !== 'Meta')) {
      event.preventDefault();
    }
  };
  const listeners: Array<[string, EventListener, AddEventListenerOptions]> = [
    ['contextmenu', prevent, { capture: true }],
    ['selectstart', prevent, { capture: true }],
    ['dragstart', prevent, { capture: true }],
    ['gesturestart', prevent, { capture: true }],
    ['touchstart', preventMultiTouch as EventListener, { capture: true, passive: false }],
    ['touchmove', preventMultiTouch as EventListener, { capture: true, passive: false }],
    ['wheel', preventZoomWheel as EventListener, { capture: true, passive: false }],
    ['keydown', preventEscapeKeys as EventListener, { capture: true }],
  ];
  for (const [type, listener, options] of listeners) doc.addEventListener(type, listener, options);
  return () => {
    root.classList.remove('kiosk-hardened');
    for (const [type, listener, options] of listeners) doc.removeEventListener(type, listener, options);
  };
}
