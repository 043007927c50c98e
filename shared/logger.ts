import { Logger } from '@aws-lambda-powertools/logger';

/**
 * One structured logger for every function. Nothing personal goes in: log ids, codes and counts, never
 * an email address, a name, a token or a request body.
 */
export const logger = new Logger({ serviceName: 'samla' });
