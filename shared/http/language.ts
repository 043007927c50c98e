import { isLanguage, type Language } from '../i18n.ts';

/** Norwegian is asked for as nb, no or nn; samla writes Bokmål for all three. */
const aliases: Record<string, Language> = { sv: 'sv', nb: 'nb', no: 'nb', nn: 'nb', en: 'en' };

/**
 * The best of `offered` for an Accept-Language header (RFC 9110 weights), or undefined when the header
 * names none of them.
 */
export function fromAcceptLanguage(
  header: string | undefined,
  offered: readonly Language[],
): Language | undefined {
  if (!header) return undefined;
  const wanted = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q ? Number(q.slice(2)) : 1;
      return {
        primary: tag.toLowerCase().split('-')[0] ?? '',
        weight: Number.isFinite(weight) ? weight : 0,
        index,
      };
    })
    .filter((entry) => entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const { primary } of wanted) {
    const language = aliases[primary];
    if (language && offered.includes(language)) return language;
  }
  return undefined;
}

/** The request's language: an explicit `language` field wins, then Accept-Language, then the fallback. */
export function requestLanguage(
  explicit: unknown,
  acceptLanguage: string | undefined,
  offered: readonly Language[],
  fallback: Language,
): Language {
  if (isLanguage(explicit) && offered.includes(explicit)) return explicit;
  return fromAcceptLanguage(acceptLanguage, offered) ?? fallback;
}
