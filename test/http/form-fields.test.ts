import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { email, optionalSingleLine, singleLine } from '../../shared/http/form-fields.ts';

const problems = (schema: z.ZodMiniType, value: unknown) => {
  const result = z.safeParse(schema, value);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
};

describe('the public forms’ field types', () => {
  it('turn what a paste brings along unseen into spaces, and still refuse a line break', () => {
    expect(z.parse(singleLine(120), 'Anna\tLindqvist')).toBe('Anna Lindqvist');
    expect(z.parse(singleLine(120), 'Ekskolan\u2028')).toBe('Ekskolan');
    expect(z.parse(singleLine(120), 'Rektor\u0085för F–6')).toBe('Rektor för F–6');
    expect(z.parse(optionalSingleLine(120), '\t')).toBe('');
    expect(problems(singleLine(120), 'Anna\nLindqvist')).toEqual(['single_line']);
    expect(problems(singleLine(120), 'Anna\u0007')).toEqual(['single_line']);
    expect(problems(singleLine(120), '\t')).not.toEqual([]);
  });

  it('read an address with a Swedish domain as Chrome sends it, whichever browser typed it', () => {
    expect(z.parse(email, ' Anna@Skövde.se ')).toBe('anna@xn--skvde-kua.se');
    expect(z.parse(email, 'anna@xn--skvde-kua.se')).toBe('anna@xn--skvde-kua.se');
    expect(z.parse(email, 'Anna+natverk@Skola.se')).toBe('anna+natverk@skola.se');
    for (const refused of ['anna@', 'anna', 'anna@skö de.se', '@skola.se'])
      expect(problems(email, refused), refused).toEqual(['invalid_email']);
  });
});
