import { expect, it } from 'vitest';
import type { Language } from '../../shared/i18n.ts';

/** What gives English away on a page: phrases of the English copy and words only English uses. */
export interface EnglishMarks {
  readonly phrases: readonly string[];
  readonly words: RegExp;
  /** How many of the phrases the English pages must show at least, so that the check can fail. */
  readonly atLeast: number;
}

/**
 * The two tests that nothing English is left on the Swedish and Norwegian pages: the marks are found
 * on the English ones (`where`, e.g. "English pages"), and none of them on the others.
 */
export function itShowsNoEnglish(
  where: string,
  allText: (language: Language) => string,
  marks: EnglishMarks,
): void {
  it(`finds English phrases on ${where} (the check can fail)`, () => {
    const english = allText('en');
    expect(marks.phrases.filter((phrase) => english.includes(phrase)).length).toBeGreaterThan(marks.atLeast);
    expect(english).toMatch(marks.words);
  });

  it.each(['sv', 'nb'] as const)('in %s', (language) => {
    const text = allText(language);
    for (const phrase of marks.phrases) expect(text).not.toContain(phrase);
    expect(text).not.toMatch(marks.words);
  });
}
