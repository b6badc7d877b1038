// The hall-server's V8 settings, kept here so the launcher, the benchmarks and `--help` agree.

/** V8 settings for the hall-server process, used by `npm start` and by the hall and rating benchmarks alike, and meant
 * for real deployments too. The hall's live heap is about 12 MB; with V8's default young generation (16 MB
 * semi-spaces) garbage piles up to 50+ MB between collections. 4 MB semi-spaces keep resident memory near 115 MB under
 * the hall benchmark's load. `--optimize-for-size` would save another 10 MB but costs 20–30 % more CPU per request,
 * which a 60-pad rating burst feels directly (rating.submit_p99_ms). */
export const HALL_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=4'];
