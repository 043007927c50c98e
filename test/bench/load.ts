/**
 * Requests per second and p99 through the local HTTP API (gateway and handlers in this process, as npm
 * start runs them) under a bounded load on the loopback: a fixed number of connections for a fixed time,
 * from autocannon in a child process. Each run is preceded by a short warm-up whose numbers are dropped.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { LoadOutcome, LoadRun } from './load-client.ts';

export type { LoadOutcome, LoadRun } from './load-client.ts';

export async function measureLoad(apiUrl: string, runs: readonly LoadRun[]): Promise<LoadOutcome[]> {
  const withWarmups = runs.flatMap((run) => [
    { ...run, name: `${run.name} (warm-up)`, seconds: Math.min(2, run.seconds) },
    run,
  ]);
  const seconds = withWarmups.reduce((sum, run) => sum + run.seconds, 0);
  const child = fork(
    fileURLToPath(new URL('./load-client.ts', import.meta.url)),
    [JSON.stringify({ url: apiUrl, runs: withWarmups })],
    { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] },
  );
  const killer = setTimeout(() => child.kill('SIGKILL'), (seconds + 30) * 1000);
  try {
    const outcomes = await new Promise<LoadOutcome[]>((resolve, reject) => {
      child.once('message', (message) => resolve(message as LoadOutcome[]));
      child.once('exit', (code) =>
        reject(new Error(`the load client exited (code ${code}) without results`)),
      );
    });
    return outcomes.filter((outcome) => !outcome.name.endsWith('(warm-up)'));
  } finally {
    clearTimeout(killer);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  }
}
