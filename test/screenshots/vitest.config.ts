import { defineConfig } from 'vitest/config';
import base from '../vitest.config.ts';

/**
 * `npm run console:screenshots`: the README's pictures of the console, made with the tests' local
 * services (the same global setup) but outside `npm test`, which includes test/**\/*.test.ts only.
 * The include is replaced, not merged: mergeConfig would append it to the tests'.
 */
export default defineConfig({
  test: {
    ...base.test,
    include: ['test/screenshots/console.screens.ts'],
    // Seeding waits for emails and workflows; the photographs themselves take seconds.
    testTimeout: 240_000,
    // The handlers' logs (a line per email) would bury vitest's report; a failure still shows its error.
    // The level is read when the logger is made, on import: the stack's own env comes too late for it.
    env: { ...base.test?.env, POWERTOOLS_LOG_LEVEL: 'WARN' },
    silent: true,
  },
});
