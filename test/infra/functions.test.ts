import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../infra/constructs/function.ts';
import { type Access, access, workflowArnVariable } from '../../infra/functions.ts';
import { functionNames, functionTriggers } from '../../shared/functions.ts';
import { routes } from '../../shared/http/routes.ts';

describe('the function registry (shared/functions.ts)', () => {
  it('names every folder under functions/ with a handler, and nothing else', () => {
    const folders = readdirSync(join(projectRoot, 'functions'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    for (const folder of folders)
      expect(existsSync(join(projectRoot, 'functions', folder, 'handler.ts')), folder).toBe(true);
    expect([...functionNames].sort()).toEqual([...folders].sort());
  });

  it('says http for exactly the functions that serve a route', () => {
    const routed = new Set(routes.map((route) => route.fn));
    for (const fn of functionNames) expect('http' in functionTriggers[fn], fn).toBe(routed.has(fn));
  });

  it('gives every function an access entry', () => {
    expect(Object.keys(access).sort()).toEqual([...functionNames].sort());
  });

  it("names a started workflow's ARN as shared/config.ts reads it", () => {
    const config = readFileSync(join(projectRoot, 'shared', 'config.ts'), 'utf8');
    const started = new Set(Object.values(access).flatMap((entry: Access) => entry.starts ?? []));
    expect(started.size).toBeGreaterThan(0);
    for (const workflow of started)
      expect(config, workflow).toContain(`requireEnv('${workflowArnVariable(workflow)}')`);
  });
});
