import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { type LambdaHandler, moduleLoader } from '../../infra/local/lambda.ts';

/** Debian's Chromium: `.ci/run` installs it; playwright-core never downloads a browser of its own. */
export const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Chromium for the end-to-end tests, headless and quiet, or a clear message when it is missing. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium is needed at ${executablePath}: apt-get install -y --no-install-recommends chromium`,
    );
  }
  return chromium.launch({
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/**
 * Handler modules as the local stack loads them, except that the meeting workflow's evaluation-close
 * step waits until `release()`: with the workflow's waits shortened, the evaluation would close seconds
 * after it opens and race the browser. Everything else runs as it does in AWS.
 */
export function holdEvaluationClose(): {
  loadHandler: (entry: string) => Promise<LambdaHandler>;
  release: () => void;
} {
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  const modules = moduleLoader();
  const loadHandler = async (entry: string): Promise<LambdaHandler> => {
    const handler = await modules(entry);
    if (entry !== 'functions/meeting-steps/handler.ts') return handler;
    return async (event, context) => {
      if ((event as { reminder?: { kind?: string } }).reminder?.kind === 'evaluation-close') await released;
      return handler(event, context);
    };
  };
  return { loadHandler, release: () => release() };
}
