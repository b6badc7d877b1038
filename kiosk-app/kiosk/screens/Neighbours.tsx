// The kiosk home's strip of the two nearest sites' waiting counts (when the pack names them): one quiet panel under
// the items, two columns, nothing to tap. Empty list: nothing at all.
import type { NeighbourLine } from '../model/neighbours.ts';

export function Neighbours(props: { lines: NeighbourLine[] }) {
  if (props.lines.length === 0) return null;
  return (
    <section class="neighbours" aria-label="附近站点等候人数" data-testid="neighbours">
      <h2 class="neighbours-title">附近站点等候人数</h2>
      <ul class="neighbours-list">
        {props.lines.map((line) => (
          <li key={line.siteId} data-testid={`neighbour-${line.siteId}`}>
            <span class="neighbour-name">{line.name}</span>
            <span class="neighbour-count">{line.text}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
