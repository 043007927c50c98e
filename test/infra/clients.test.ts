import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { functionNames } from '../../shared/functions.ts';
import { bundleFunction } from '../bench/bundles.ts';

describe('the AWS clients a function bundles', () => {
  // shared/clients marks each client pure: a function that imports a module for one helper while the
  // module's other exports call another service (membership.ts → the meeting workflow's start) must not
  // build that service's client at every cold start.
  it('are only those it sends a command with', async () => {
    const unused: Record<string, readonly string[]> = {};
    const used: Record<string, readonly string[]> = {};
    for (const fn of functionNames) {
      // Not written: esbuild only names the output after the path.
      const { sdk: use } = await bundleFunction(fn, join(tmpdir(), `${fn}.mjs`), false);
      if (use.unusedClients.length > 0) unused[fn] = use.unusedClients;
      used[fn] = Object.keys(use.commands);
    }
    expect(unused).toEqual({});
    // And the clients still go where their commands are: the functions that start workflows keep SFN.
    expect(used['register-interest']).toContain('client-sfn');
    expect(used['admin-meetings']).toContain('client-sfn');
    expect(used['meeting-steps']).toContain('client-ses');
  }, 120_000);
});
