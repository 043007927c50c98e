/*
 * Imported first by public-routes.test.ts, before anything that loads shared/logger.ts: the functions'
 * one logger reads its level when it is made. Ten thousand requests' info lines would bury the report;
 * warnings and errors (an unexpected error is one) still show.
 */
process.env.POWERTOOLS_LOG_LEVEL = 'WARN';
