import { describe, expect, it } from 'vitest';
import { json, jsonText } from '../../shared/http/responses.ts';

describe('JSON answers', () => {
  const value = {
    error: {
      code: 'invalid_request',
      fields: { '<script>fuzz()</script>': 'Unknown field.', 'a&b': '\u2028' },
    },
  };

  it('carry no markup: <, >, & and the line separators as \\u escapes', () => {
    const text = jsonText(value);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(text).toContain('\\u003cscript\\u003e');
  });

  it('parse back to the same value, in json() too', () => {
    expect(JSON.parse(jsonText(value))).toEqual(value);
    expect(JSON.parse(json(400, value).body ?? '')).toEqual(value);
  });
});
