// What the console hands every admin page. Apart from the page registry (nav.ts), so a page and the registry that
// loads it do not import each other.
import type { HallStream } from '../shared/hall/socket.ts';

export interface AdminPageProps {
  /** The console's live event stream (snapshot kept current, connection state). */
  stream: HallStream;
}
