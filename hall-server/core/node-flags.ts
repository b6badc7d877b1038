// The hall-server's V8 and C-library settings, kept here so the launcher, the benchmarks and `--help` agree.

/** V8 settings for the hall-server process, used by `npm start` and by the hall and rating benchmarks alike, and meant
 * for real deployments too. The hall's live heap is about 12 MB; with V8's default young generation (16 MB
 * semi-spaces) garbage piles up to 50+ MB between collections. 4 MB semi-spaces keep resident memory near 115 MB under
 * the hall benchmark's load. `--optimize-for-size` would save another 10 MB but costs 20–30 % more CPU per request,
 * which a 60-pad rating burst feels directly (rating.submit_p99_ms). */
export const HALL_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=4'];

/** glibc malloc settings for the hall-server process (environment variables, read when the process starts). Measured
 * with the hall benchmark, these take its resident memory from ≈ 147 to ≈ 133 MB after the run and from ≈ 114 to
 * ≈ 104 MB at start: by default glibc raises its mmap threshold after the first large block is freed, so the pack's
 * files (read and validated at start, ≈ 26 MB of buffers) and request bodies end up in the brk heap, which is never
 * given back while anything above them lives; a fixed threshold keeps blocks over 128 KiB in their own mappings, returned
 * to the system when freed. Two arenas instead of one per thread: the hall's threads (libuv pool, the WAL checkpoint and
 * pack threads) allocate little, and each arena keeps its own free memory. */
export const HALL_PROCESS_ENV: Readonly<Record<string, string>> = {
  MALLOC_ARENA_MAX: '2',
  MALLOC_MMAP_THRESHOLD_: '131072',
  MALLOC_TRIM_THRESHOLD_: '131072',
};
