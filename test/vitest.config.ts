import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // See infra/local/runtime.ts: the SDK's Node 22 notice, once per process, would bury the test output.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    root: fileURLToPath(new URL('..', import.meta.url)),
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    // Separate processes: each test file sets process.env for its own handlers and local stack.
    pool: 'forks',
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
