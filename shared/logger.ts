import type { MiddlewareObj } from '@middy/core';
import type { Context } from 'aws-lambda';

/*
 * One structured logger for every function: a JSON object per line, with `level` and `timestamp`, which
 * Lambda's JSON log format takes as it is and filters by the function's application log level. Nothing
 * personal goes in: log ids, codes and counts, never an email address, a name, a token or a request body.
 *
 * Written to the process's streams rather than through the global console: Lambda's console would wrap
 * the line as a string in its own JSON (and vitest's would take it away from the stream the log test
 * watches). The request id, which Lambda's console would have added, comes from logContext() instead.
 * The field names are those of Powertools Logger, which samla used before: queries keep working.
 */

const levels = { TRACE: 6, DEBUG: 8, INFO: 12, WARN: 16, ERROR: 20, CRITICAL: 24, FATAL: 24, SILENT: 28 };
type LevelName = keyof typeof levels;

function levelFrom(...names: (string | undefined)[]): number {
  for (const name of names) {
    const upper = name?.trim().toUpperCase();
    if (upper && Object.hasOwn(levels, upper)) return levels[upper as LevelName];
  }
  return levels.INFO;
}

/*
 * Read once, on import (tests set it before they import a handler). Lambda's application log level (the
 * function's logging config) comes first: Lambda drops finer lines anyway. Locally POWERTOOLS_LOG_LEVEL,
 * the name `npm start` has always read (README), or LOG_LEVEL.
 */
const threshold = levelFrom(
  process.env.AWS_LAMBDA_LOG_LEVEL,
  process.env.POWERTOOLS_LOG_LEVEL,
  process.env.LOG_LEVEL,
);

export type LogAttributes = Readonly<Record<string, unknown>>;

/** The invocation's: set by logContext() for each one. */
let invocation: LogAttributes = {};
/** appendKeys(): until the next invocation starts. */
let keys: Record<string, unknown> = {};
/** Provisioned concurrency initialises ahead of any request, so its first invocation waited for nothing. */
let coldStart = process.env.AWS_LAMBDA_INITIALIZATION_TYPE !== 'provisioned-concurrency';

/** An error as a log field: what Powertools wrote (its own fields too, e.g. an SDK error's $metadata). */
function errorFields(error: Error): Record<string, unknown> {
  const { name, message, stack, cause, ...own } = error as Error & Record<string, unknown>;
  return {
    name,
    location:
      /\(([^()]*?):(\d+?):(\d+?)\)$/m
        .exec(stack ?? '')
        ?.slice(1, 3)
        .join(':') ?? '',
    message,
    stack,
    ...(cause === undefined ? {} : { cause: cause instanceof Error ? errorFields(cause) : cause }),
    ...own,
  };
}

function replacer(_key: string, value: unknown): unknown {
  if (value instanceof Error) return errorFields(value);
  if (typeof value === 'bigint') return value.toString();
  return value;
}

function write(
  level: Exclude<LevelName, 'SILENT' | 'FATAL' | 'CRITICAL' | 'TRACE'>,
  message: string,
  extra?: Error | LogAttributes,
): void {
  if (levels[level] < threshold) return;
  const entry = {
    level,
    message,
    timestamp: new Date().toISOString(),
    service: 'samla',
    ...invocation,
    ...keys,
    ...(extra instanceof Error ? { error: errorFields(extra) } : extra),
  };
  let line: string;
  try {
    line = JSON.stringify(entry, replacer);
  } catch {
    // A circular value: the line goes out without the extras rather than not at all.
    line = JSON.stringify({ level, message, timestamp: entry.timestamp, service: 'samla', ...invocation });
  }
  (levels[level] >= levels.WARN ? process.stderr : process.stdout).write(`${line}\n`);
}

export const logger = {
  debug: (message: string, extra?: Error | LogAttributes) => write('DEBUG', message, extra),
  info: (message: string, extra?: Error | LogAttributes) => write('INFO', message, extra),
  warn: (message: string, extra?: Error | LogAttributes) => write('WARN', message, extra),
  error: (message: string, extra?: Error | LogAttributes) => write('ERROR', message, extra),
  /** Keys for every later line of this invocation (logContext() clears them when the next one starts). */
  appendKeys(more: LogAttributes): void {
    keys = { ...keys, ...more };
  },
};

/**
 * A middy middleware for every handler: names the function, the request and whether this is the
 * environment's first invocation on each line, and forgets the keys of the invocation before, so none
 * leaks into the next.
 */
export function logContext<TEvent = unknown, TResult = unknown>(): MiddlewareObj<
  TEvent,
  TResult,
  Error,
  Context
> {
  return {
    before: ({ context }) => {
      keys = {};
      invocation = {
        cold_start: coldStart,
        function_name: context.functionName,
        function_memory_size: context.memoryLimitInMB,
        function_request_id: context.awsRequestId,
        ...(process.env._X_AMZN_TRACE_ID ? { xray_trace_id: process.env._X_AMZN_TRACE_ID } : {}),
      };
      coldStart = false;
    },
  };
}

const emailAddress = /[^\s<>"'@,;:()]+@[^\s<>"'@,;:()]+\.[A-Za-z]{2,}/g;
const linkToken = /\/v1\/[a-z-]+\/[A-Za-z0-9_-]{43}/g;

/** Text from elsewhere (an SES error names the rejected address) with addresses and link tokens masked. */
export function redact(text: string): string {
  return text
    .replace(emailAddress, '<address>')
    .replace(linkToken, (path) => `${path.slice(0, path.lastIndexOf('/'))}/<token>`);
}

/** Masks an error's message and stack in place, so whoever logs it later (the runtime too) logs no address. */
export function redactError<E>(error: E): E {
  if (error instanceof Error) {
    error.message = redact(error.message);
    if (error.stack) error.stack = redact(error.stack);
  }
  return error;
}
