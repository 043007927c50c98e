/** The languages samla speaks. A network lists its own, in order of preference. */
export const languages = ['sv', 'nb', 'en'] as const;
export type Language = (typeof languages)[number];

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

const pluralRules = Object.fromEntries(
  languages.map((language) => [language, new Intl.PluralRules(language)]),
) as Record<Language, Intl.PluralRules>;

/**
 * The word form for a count in a language, chosen by Intl.PluralRules rather than `n === 1`: a form is
 * given for each category the language has (`other` always), so "1 have not answered" cannot happen.
 * A form may be a message key rather than the words (the console's bundles).
 */
export function plural<Form extends string>(
  language: Language,
  n: number,
  forms: Partial<Record<Intl.LDMLPluralRule, Form>> & { other: Form },
): Form {
  return forms[pluralRules[language].select(n)] ?? forms.other;
}
