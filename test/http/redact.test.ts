import { describe, expect, it } from 'vitest';
import { redact, redactError } from '../../shared/logger.ts';

describe('redact', () => {
  it('masks addresses and link tokens, and keeps the rest readable', () => {
    const text =
      'Email address is not verified. The following identities failed the check in region EU-NORTH-1: Anna.Lindqvist@ekskolan.se, ola@skole.no /v1/confirm/UF07vMiVEazQOuMjKQ58ZJQ4akuWGxtRlMUao1RcXO4';
    const masked = redact(text);
    expect(masked).not.toMatch(/ekskolan|skole\.no|UF07vMi/);
    expect(masked).toContain('<address>, <address>');
    expect(masked).toContain('/v1/confirm/<token>');
    expect(masked).toContain('failed the check in region EU-NORTH-1');
  });

  it('masks an error in place and keeps its name, so retry rules still see it', () => {
    const error = Object.assign(new Error('rejected: x@y.se'), { name: 'MessageRejected' });
    expect(redactError(error)).toBe(error);
    expect(error.name).toBe('MessageRejected');
    expect(error.message).toBe('rejected: <address>');
    expect(error.stack).not.toContain('x@y.se');
  });
});
