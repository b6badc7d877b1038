import { defineConfig } from 'vitest/config';

// Four projects: fast pure unit tests beside the code, integration tests (real SQLite, real serialport over
// pseudo-terminals, real HTTP/WebSocket), the region's tests against a throwaway PostgreSQL 15 cluster, and browser
// tests (real Chromium) that run one file at a time.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['{protocol,kiosk-app,device-bridge,hall-server,region-server,server-shared,content,scripts}/**/*.test.{ts,tsx}'],
          environment: 'node',
          // A ceiling for a hung test, not a measure: some unit tests zip, hash and validate whole packs, which on a
          // machine another CPU-heavy job keeps busy takes well over vitest's default 5 s.
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'region',
          include: ['tests/region/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/region/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          // A ceiling for a hung test, not a measure: the tests wait on states, and on a machine another CPU-heavy job
          // keeps busy a whole flow in Chromium can take minutes.
          testTimeout: 240_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
