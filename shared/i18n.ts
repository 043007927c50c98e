/** The languages samla speaks. A network lists its own, in order of preference. */
export const languages = ['sv', 'nb', 'en'] as const;
export type Language = (typeof languages)[number];

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}
