import type { TestStack } from './local-stack.ts';

/** Until no workflow is between its steps: each waits, or has ended. Then nothing writes on its own. */
export async function quiesce(stack: TestStack, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const busy = stack.sfn
      .listExecutions()
      .filter((e) => e.status === 'RUNNING' && !/^Wait/.test(e.currentState ?? ''));
    if (busy.length === 0) return;
    if (Date.now() > deadline) throw new Error(`${busy.length} workflow executions still busy`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
