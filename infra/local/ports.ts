import { createServer } from 'node:net';

/**
 * A problem with this machine, not with samla (no Java, a port in use). Its message is one line that
 * says what to do; `npm start` prints it alone and exits 1 instead of dumping a stack trace.
 */
export class LocalSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LocalSetupError';
  }
}

function tryListen(port: number, host: string): Promise<'free' | 'taken' | 'unsupported'> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', (error: NodeJS.ErrnoException) => {
      // A machine without IPv6 cannot have the port taken on IPv6 either.
      resolve(error.code === 'EADDRINUSE' || error.code === 'EACCES' ? 'taken' : 'unsupported');
    });
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve('free')));
  });
}

/**
 * True when nothing listens on the port. DynamoDB Local binds every interface, so the wildcard
 * addresses are checked too: a process on 0.0.0.0 would otherwise go unnoticed until Java fails.
 */
export async function isPortFree(port: number): Promise<boolean> {
  for (const host of ['127.0.0.1', '0.0.0.0', '::']) {
    if ((await tryListen(port, host)) === 'taken') return false;
  }
  return true;
}

export async function assertPortFree(port: number, what: string, envVar: string): Promise<void> {
  if (!(await isPortFree(port))) {
    throw new LocalSetupError(`Port ${port} (${what}) is taken: stop what uses it or set ${envVar}`);
  }
}

/** A port the OS considers free right now (tests pick ports at run time, never the npm start ones). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen({ port: 0, host: '127.0.0.1' }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('No free port'))));
    });
  });
}
