import type { Context } from 'aws-lambda';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type LoggerModule = typeof import('../../shared/logger.ts');

/** The logger as a function would load it: fresh, with this level in the environment. */
async function freshLogger(level: string | undefined): Promise<LoggerModule> {
  vi.resetModules();
  vi.stubEnv('AWS_LAMBDA_LOG_LEVEL', undefined);
  vi.stubEnv('LOG_LEVEL', undefined);
  vi.stubEnv('POWERTOOLS_LOG_LEVEL', level);
  return import('../../shared/logger.ts');
}

const lines: { stream: 'stdout' | 'stderr'; entry: Record<string, unknown> }[] = [];
beforeEach(() => {
  lines.length = 0;
  for (const stream of ['stdout', 'stderr'] as const)
    vi.spyOn(process[stream], 'write').mockImplementation((chunk: string | Uint8Array) => {
      for (const line of String(chunk)
        .split('\n')
        .filter((text) => text.startsWith('{')))
        lines.push({ stream, entry: JSON.parse(line) as Record<string, unknown> });
      return true;
    });
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

function invoke(module: LoggerModule, awsRequestId: string): void {
  const context = { functionName: 'confirm', memoryLimitInMB: '512', awsRequestId } as Context;
  module.logContext().before?.({ event: {}, context, response: null, error: null, internal: {} });
}

describe('logger', () => {
  it('writes one JSON object per line, with level, message, service and the extras', async () => {
    const { logger } = await freshLogger(undefined);
    logger.info('email sent', { dedupeKey: 'k' });
    expect(lines).toEqual([
      {
        stream: 'stdout',
        entry: expect.objectContaining({
          level: 'INFO',
          message: 'email sent',
          service: 'samla',
          dedupeKey: 'k',
        }),
      },
    ]);
    expect(Date.parse(String(lines[0]?.entry.timestamp))).not.toBeNaN();
  });

  it('leaves out what is below the level from the environment, and writes warnings and errors to stderr', async () => {
    const { logger } = await freshLogger('warn');
    logger.debug('d');
    logger.info('i');
    logger.warn('w');
    logger.error('e');
    expect(lines.map(({ stream, entry }) => [stream, entry.level])).toEqual([
      ['stderr', 'WARN'],
      ['stderr', 'ERROR'],
    ]);
  });

  it('names the function, the request and the cold start, and forgets the keys of the invocation before', async () => {
    const module = await freshLogger('DEBUG');
    invoke(module, 'request-1');
    module.logger.appendKeys({ route: 'POST /v1/confirm/{token}' });
    module.logger.debug('first');
    invoke(module, 'request-2');
    module.logger.debug('second');
    const [first, second] = lines.map(({ entry }) => entry);
    expect(first).toMatchObject({
      function_name: 'confirm',
      function_request_id: 'request-1',
      cold_start: true,
      route: 'POST /v1/confirm/{token}',
    });
    expect(second).toMatchObject({ function_request_id: 'request-2', cold_start: false });
    expect(second).not.toHaveProperty('route');
  });

  it('writes an error as its name, message and stack under `error`', async () => {
    const { logger, redactError } = await freshLogger(undefined);
    const error = Object.assign(new Error('rejected: anna@skolan.se'), { name: 'MessageRejected' });
    logger.error('unexpected error', redactError(error));
    const entry = lines[0]?.entry;
    expect(entry?.error).toMatchObject({ name: 'MessageRejected', message: 'rejected: <address>' });
    expect(JSON.stringify(entry)).not.toContain('anna@skolan.se');
  });
});
