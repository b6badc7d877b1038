// The hall-server's process settings (V8 flags and the C library's allocator), kept here so the launcher, the
// benchmarks and `--help` agree.

/** V8 settings for the hall-server process, used by `npm start` and by the hall and rating benchmarks alike, and meant
 * for real deployments too. The hall's live heap is 12–20 MB.
 * - `--max-semi-space-size=4`: with V8's default young generation (16 MB semi-spaces) garbage piles up to 50+ MB
 *   between collections.
 * - `--heap-growing-percent=40`: a full collection once the old generation has grown 40 % past what was live after the
 *   last one. V8's own factor for a small heap lets promoted garbage grow it to twice its live size under a busy
 *   hour (hall.rss_mb 138 against 117 with it, at the same CPU time and call-to-board latency).
 * `--optimize-for-size` would save another 10 MB but costs 20–30 % more CPU per request, which a 60-pad rating burst
 * feels directly (rating.submit_p99_ms). */
export const HALL_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=4', '--heap-growing-percent=40'];

/** glibc malloc settings for the hall-server process (environment variables, read when the process starts).
 * - `MALLOC_MMAP_THRESHOLD_`: blocks of 128 KB and more are always mapped on their own and given back to the system
 *   when freed. Without it glibc raises the threshold to the largest block freed so far, so after the pack's files
 *   are read at start (each a few hundred KB) every later block of that size lands in the main heap, which never
 *   shrinks: 30+ MB stayed resident for good after the start.
 * - `MALLOC_ARENA_MAX`: two arenas instead of eight per core for the few threads the hall has (SQLite checkpoints,
 *   the pack worker, libuv's pool), each of which otherwise keeps its own free memory. */
export const HALL_PROCESS_ENV: Readonly<Record<string, string>> = {
  MALLOC_MMAP_THRESHOLD_: '131072',
  MALLOC_ARENA_MAX: '2',
};

/** The command line a deployment runs the bundle with (printed by `--help`). */
export function hallCommandLine(bundle: string): string {
  const env = Object.entries(HALL_PROCESS_ENV).map(([name, value]) => `${name}=${value}`).join(' ');
  return `${env} node ${HALL_NODE_FLAGS.join(' ')} ${bundle}`;
}
