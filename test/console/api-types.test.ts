import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateConsoleTypes, schemaFile } from '../../infra/tools/console-types.ts';

describe('the console’s API types', () => {
  it('are what the current routes generate (else: npm run console:types)', async () => {
    const generated = await generateConsoleTypes();
    expect(generated).toContain('"/v1/admin/networks/{networkId}"');
    expect(
      readFileSync(schemaFile, 'utf8') === generated,
      `${schemaFile} is out of date: npm run console:types`,
    ).toBe(true);
  });
});
