import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Context } from 'aws-lambda';
import { LOCAL_ACCOUNT } from './template.ts';

/** The repository root: handler entries (`functions/<fn>/handler.ts`) are relative to it. */
export const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');

export type LambdaHandler = (event: unknown, context: Context) => unknown;

/** Turns an entry such as `functions/confirm/handler.ts` into its `handler`; tests inject their own. */
export type HandlerLoader = (entry: string) => Promise<LambdaHandler>;

export const entryFor = (fn: string) => `functions/${fn}/handler.ts`;

/**
 * Imports the module once, as a Lambda container would, so module-level clients are shared between
 * invocations. Imported lazily: the environment must be in place before the first import.
 */
export function moduleLoader(root = repoRoot): HandlerLoader {
  const cache = new Map<string, Promise<LambdaHandler>>();
  return (entry) => {
    let loaded = cache.get(entry);
    if (loaded === undefined) {
      loaded = import(pathToFileURL(resolve(root, entry)).href).then((module: Record<string, unknown>) => {
        const handler = module.handler;
        if (typeof handler !== 'function')
          throw new Error(`${entry} does not export a function named handler`);
        return handler as LambdaHandler;
      });
      // A failed import (syntax error while editing) should be retried on the next request.
      loaded.catch(() => cache.delete(entry));
      cache.set(entry, loaded);
    }
    return loaded;
  };
}

/** A Lambda context as the Node.js runtime passes it; the deprecated callbacks are not supported. */
export function lambdaContext(functionName: string, timeoutSeconds = 30): Context {
  const deadline = Date.now() + timeoutSeconds * 1000;
  const unsupported = () => {
    throw new Error('context.done/succeed/fail are not supported: return or throw from the handler');
  };
  const requestId = randomUUID();
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:${LOCAL_ACCOUNT}:function:${functionName}`,
    memoryLimitInMB: '1024',
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: `${new Date().toISOString().slice(0, 10).replaceAll('-', '/')}/[$LATEST]${requestId.replaceAll('-', '')}`,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: unsupported,
    fail: unsupported,
    succeed: unsupported,
  };
}
