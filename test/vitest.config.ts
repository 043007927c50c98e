import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // See infra/local/runtime.ts: the SDK's Node 22 notice, once per process, would bury the test output.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    root: fileURLToPath(new URL('..', import.meta.url)),
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    setupFiles: ['test/support/logs-through-console.ts'],
    // Separate processes: each test file sets process.env for its own handlers and local stack.
    pool: 'forks',
    // vitest's default, one fewer than the cores, is a single worker on a 2-core CI machine; the files
    // spend much of their time waiting on DynamoDB Local, the workflows and the inbox, so three share two
    // cores well (the whole run measured 706 s with one worker, 372 s with three).
    maxWorkers: Math.max(3, availableParallelism() - 1),
    // Integration tests wait for DynamoDB Local, workflows and the inbox; unit tests finish far sooner.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    teardownTimeout: 15_000,
    // A flaky test is a bug to fix, not to retry.
    retry: 0,
    // The handlers' structured logs are shown for a failing test only: that is where they help.
    silent: 'passed-only',
  },
});
