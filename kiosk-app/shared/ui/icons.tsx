// Simple line icons. Always shown next to a text label (colour and icons are never the only cue), so they are aria-hidden.
import type { JSX } from 'preact';

export type IconName =
  | 'help' | 'senior' | 'back' | 'home' | 'idcard' | 'sscard' | 'qr' | 'none' | 'check' | 'ticket' | 'info'
  | 'next' | 'prev' | 'print' | 'warn' | 'clock' | 'heart' | 'list'
  // The icons a content pack may give the kiosk's answers and item groups (content/schema/kiosk.ts).
  | 'resident' | 'employee' | 'employer' | 'more' | 'register' | 'change' | 'query' | 'travel' | 'refund' | 'treatment'
  | 'maternity' | 'assistance' | 'transfer' | 'fee';

const paths: Record<IconName, JSX.Element> = {
  help: <><circle cx="12" cy="8" r="4" /><path d="M4 21c0-4 4-6 8-6s8 2 8 6" /><path d="M18 4l3-2M19 8h3" /></>,
  senior: <><circle cx="12" cy="5" r="3" /><path d="M12 8v7l-3 6M12 15l3 6M8 11h8M18 11v10" /></>,
  back: <path d="M15 4l-8 8 8 8" />,
  home: <path d="M3 11l9-8 9 8v10h-6v-6H9v6H3z" />,
  idcard: <><rect x="2" y="5" width="20" height="14" rx="2" /><circle cx="8" cy="12" r="2.5" /><path d="M13 10h6M13 14h5" /></>,
  sscard: <><rect x="2" y="5" width="20" height="14" rx="2" /><rect x="5" y="9" width="5" height="4" /><path d="M13 10h6M13 14h6" /></>,
  qr: <><rect x="3" y="3" width="7" height="7" /><rect x="14" y="3" width="7" height="7" /><rect x="3" y="14" width="7" height="7" /><path d="M14 14h3v3h-3zM18 18h3v3h-3z" /></>,
  none: <><circle cx="12" cy="12" r="9" /><path d="M6 6l12 12" /></>,
  check: <path d="M4 12l5 5L20 6" />,
  ticket: <><path d="M3 6h18v4a2 2 0 000 4v4H3v-4a2 2 0 000-4z" /><path d="M9 6v12" /></>,
  info: <><circle cx="12" cy="12" r="9" /><path d="M12 11v6M12 7v1" /></>,
  next: <path d="M9 4l8 8-8 8" />,
  prev: <path d="M15 4l-8 8 8 8" />,
  print: <><path d="M6 9V3h12v6" /><rect x="3" y="9" width="18" height="8" /><path d="M7 14h10v7H7z" /></>,
  warn: <><path d="M12 3l10 18H2z" /><path d="M12 10v5M12 18v1" /></>,
  clock: <><circle cx="12" cy="12" r="9" /><path d="M12 7v5l3 3" /></>,
  heart: <path d="M12 21l-8-8a5 5 0 017-7l1 1 1-1a5 5 0 017 7z" />,
  list: <path d="M8 6h13M8 12h13M8 18h13M3 6h1M3 12h1M3 18h1" />,
  resident: <><path d="M3 11l9-7 9 7" /><circle cx="12" cy="12.5" r="2.5" /><path d="M7 21c0-3 2-5 5-5s5 2 5 5" /></>,
  employee: <><circle cx="12" cy="6" r="3.5" /><path d="M4 21c0-5 3.5-7.5 8-7.5s8 2.5 8 7.5" /><path d="M12 13.5l-1.5 3 1.5 4 1.5-4z" /></>,
  employer: <><rect x="4" y="3" width="16" height="18" /><path d="M8 7h2M14 7h2M8 11h2M14 11h2M8 15h2M14 15h2M10 21v-3h4v3" /></>,
  more: <><circle cx="12" cy="12" r="9" /><circle cx="7.5" cy="12" r="1" /><circle cx="12" cy="12" r="1" /><circle cx="16.5" cy="12" r="1" /></>,
  register: <><rect x="5" y="4" width="14" height="17" rx="2" /><path d="M9 4V2h6v2M12 9v7M8.5 12.5h7" /></>,
  change: <><path d="M4 20h4L19 9l-4-4L4 16z" /><path d="M13 7l4 4" /></>,
  query: <><circle cx="10" cy="10" r="6" /><path d="M14.5 14.5L21 21" /></>,
  travel: <><path d="M12 21s-7-6-7-11a7 7 0 0114 0c0 5-7 11-7 11z" /><circle cx="12" cy="10" r="2.5" /></>,
  refund: <><circle cx="12" cy="12" r="9" /><path d="M8.5 7.5L12 11l3.5-3.5M12 11v7M8.5 12.5h7M8.5 15.5h7" /></>,
  treatment: <path d="M9 3h6v6h6v6h-6v6H9v-6H3V9h6z" />,
  maternity: <><path d="M4 10h16a8 8 0 01-16 0z" /><path d="M4 10V4a6 6 0 016 6" /><circle cx="7.5" cy="20.5" r="1.5" /><circle cx="16.5" cy="20.5" r="1.5" /></>,
  assistance: <><circle cx="12" cy="12" r="9" /><circle cx="12" cy="12" r="4" /><path d="M5.6 5.6l3.6 3.6M14.8 14.8l3.6 3.6M18.4 5.6l-3.6 3.6M9.2 14.8l-3.6 3.6" /></>,
  transfer: <path d="M4 8h15l-4-4M20 16H5l4 4" />,
  fee: <><rect x="3" y="6" width="18" height="13" rx="2" /><path d="M3 10h18M15 14.5h3" /></>,
};

export function Icon({ name, size = '1.2em' }: { name: IconName; size?: string }) {
  return (
    <svg
      class="ui-icon"
      viewBox="0 0 24 24"
      width={size}
      height={size}
      fill="none"
      stroke="currentColor"
      stroke-width="2"
      stroke-linecap="round"
      stroke-linejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {paths[name]}
    </svg>
  );
}
