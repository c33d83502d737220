import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * The browser suite: one Navet server (child process, fresh data dir) for the whole run,
 * one Chromium per test file. Build the UI first (`vite build`); this config builds nothing.
 */
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['test/browser/**/*.test.ts'],
    globalSetup: ['test/browser/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 90_000,
    hookTimeout: 180_000,
    // No retries: a flaky browser test is a bug to fix, not to hide.
    retry: 0,
    // A poll waits as long as a locator does (page.setDefaultTimeout): on a loaded CI machine a
    // sign-in (argon2, /me, the page's first query) takes longer than vitest's default second.
    expect: { poll: { timeout: 10_000 } },
  },
});
