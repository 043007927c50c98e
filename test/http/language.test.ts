import { describe, expect, it } from 'vitest';
import { fromAcceptLanguage, requestLanguage } from '../../shared/http/language.ts';

describe('fromAcceptLanguage', () => {
  const all = ['sv', 'nb', 'en'] as const;

  it('honours weights and order', () => {
    expect(fromAcceptLanguage('en;q=0.5, sv-SE;q=0.9', all)).toBe('sv');
    expect(fromAcceptLanguage('de, en-GB, sv', all)).toBe('en');
  });

  it('reads every Norwegian tag as Bokmål', () => {
    expect(fromAcceptLanguage('nn-NO', all)).toBe('nb');
    expect(fromAcceptLanguage('no', all)).toBe('nb');
  });

  it('ignores languages the network does not offer and zero weights', () => {
    expect(fromAcceptLanguage('nb, en', ['sv', 'en'])).toBe('en');
    expect(fromAcceptLanguage('sv;q=0, de', all)).toBeUndefined();
    expect(fromAcceptLanguage(undefined, all)).toBeUndefined();
  });
});

describe('requestLanguage', () => {
  it('prefers an explicit language the network offers, then the header, then the fallback', () => {
    expect(requestLanguage('nb', 'en', ['sv', 'nb', 'en'], 'sv')).toBe('nb');
    expect(requestLanguage('nb', 'en', ['sv', 'en'], 'sv')).toBe('en');
    expect(requestLanguage('xx', undefined, ['sv', 'en'], 'sv')).toBe('sv');
  });
});
