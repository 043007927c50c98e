/**
 * Child process of the bench: drives the local HTTP API with autocannon, out of the process that serves
 * it, so the load generator does not queue on the handlers' event loop. Takes the runs as JSON in argv,
 * answers with their results over IPC.
 */
import autocannon from 'autocannon';

export interface LoadRun {
  readonly name: string;
  readonly method: 'GET' | 'POST';
  readonly path: string;
  /** For POST: a JSON body whose "email" is made unique per request. */
  readonly body?: Record<string, unknown>;
  readonly seconds: number;
  readonly connections: number;
}

export interface LoadOutcome {
  readonly name: string;
  readonly requestsPerSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly total: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly timeouts: number;
}

const { url, runs } = JSON.parse(process.argv[2] ?? '{}') as { url: string; runs: LoadRun[] };
const outcomes: LoadOutcome[] = [];
let counter = 0;
for (const run of runs) {
  const result = await autocannon({
    url,
    connections: run.connections,
    duration: run.seconds,
    requests: [
      {
        method: run.method,
        path: run.path,
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        ...(run.body === undefined
          ? {}
          : {
              setupRequest: (request) => {
                counter += 1;
                const email = `load-${process.pid}-${counter}@skola.example`;
                return { ...request, body: JSON.stringify({ ...run.body, email }) };
              },
            }),
      },
    ],
  });
  outcomes.push({
    name: run.name,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  });
}
process.send?.(outcomes, () => process.exit(0));
