import { Logger } from '@aws-lambda-powertools/logger';

/**
 * One structured logger for every function. Nothing personal goes in: log ids, codes and counts, never
 * an email address, a name, a token or a request body.
 */
export const logger = new Logger({ serviceName: 'samla' });

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
