// One throwaway PostgreSQL 15 cluster for the region's integration tests; each test file makes its own database.
import type { TestProject } from 'vitest/node';
import { startThrowawayPostgres } from '../support/postgres.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const postgres = await startThrowawayPostgres();
  project.provide('postgresUrl', postgres.url);
  return () => postgres.destroy();
}
