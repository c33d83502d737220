import { defineConfig } from 'vitest/config';

/** The crash suite (npm run test:faults): not part of `npm test`; needs the PostgreSQL server. */
export default defineConfig({
  test: {
    include: ['test/faults/**/*.faults.ts'],
    pool: 'forks',
    maxWorkers: 1,
    testTimeout: 900_000,
    hookTimeout: 300_000,
  },
});
