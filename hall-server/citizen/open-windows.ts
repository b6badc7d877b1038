// Windows open now in the hall's queue: staffed and not paused (as the region's projection counts them).
import type { QueueState } from '../queue/types.ts';

export function openWindowCount(state: Pick<QueueState, 'windows'>): number {
  let open = 0;
  for (const w of state.windows.values()) if (w.staffId !== null && !w.paused) open++;
  return open;
}
