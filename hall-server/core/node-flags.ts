// The hall-server's V8 settings, kept here so the launcher, the benchmark and `--help` agree.

/** V8 settings for the hall-server process, used by `npm start` and by the hall benchmark alike, and meant for real
 * deployments too. The hall's live heap is about 15 MB; without these V8 lets garbage pile up to 50+ MB between
 * collections. A small young generation (2 MB semi-spaces instead of 16) and `--optimize-for-size` (slower heap growth,
 * smaller code) keep resident memory near 100 MB under the benchmark's load. */
export const HALL_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=2', '--optimize-for-size'];
