// Face icons for the five levels. Decorative: every level button carries its text label too.
const MOUTHS: Record<number, string> = {
  5: 'M14 30 Q24 42 34 30',
  4: 'M15 31 Q24 37 33 31',
  3: 'M15 32 L33 32',
  2: 'M15 35 Q24 29 33 35',
  1: 'M14 37 Q24 25 34 37',
};

export function Face({ score }: { score: number }) {
  return (
    <svg class="pad-face" viewBox="0 0 48 48" aria-hidden="true" focusable="false">
      <circle cx="24" cy="24" r="21" fill="none" stroke="currentColor" stroke-width="3" />
      <circle cx="17" cy="19" r="2.6" fill="currentColor" />
      <circle cx="31" cy="19" r="2.6" fill="currentColor" />
      <path d={MOUTHS[score] ?? MOUTHS[3]} fill="none" stroke="currentColor" stroke-width="3" stroke-linecap="round" />
    </svg>
  );
}

export function Stars({ count }: { count: number }) {
  return (
    <span class="pad-stars" aria-hidden="true">
      {'★'.repeat(count)}
      <span class="pad-stars-empty">{'☆'.repeat(Math.max(0, 5 - count))}</span>
    </span>
  );
}
