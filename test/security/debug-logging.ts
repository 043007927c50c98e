/*
 * Imported first by logs.test.ts, before anything that loads shared/logger.ts: the functions' one
 * logger reads its level when it is made, and handlers go back to that level on every invocation.
 * DEBUG, because what an operator may turn on while looking into a problem must be clean too.
 */
process.env.POWERTOOLS_LOG_LEVEL = 'DEBUG';
