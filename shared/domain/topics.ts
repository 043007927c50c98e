import type { Language } from '../i18n.ts';

/**
 * The topics members name when they register ("Ange gärna ämnen du önskar behandla", seed 002), tallied so
 * coordinators see which questions many people share: Forum Bygga Skola forms a group when members share a
 * question (seed 000). Near-duplicates are folded by case, spacing, punctuation and a light stemmer for
 * sv, nb and en, enough for "Skolans ekonomi", "skolans  ekonomi!" and "skolors ekonomi" to meet.
 */

const suffixesByLanguage: Record<Language, readonly string[]> = {
  // sv: definite plural and genitive forms, and the definite "-n" ("ekonomin", "mentorn").
  sv: [
    'ornas',
    'arnas',
    'ernas',
    'orna',
    'arna',
    'erna',
    'ens',
    'ets',
    'ans',
    'ors',
    'ars',
    'ers',
    'en',
    'et',
    'an',
    'or',
    'ar',
    'er',
    'na',
    's',
    'a',
    'e',
    'n',
  ],
  nb: ['enes', 'anes', 'ene', 'ane', 'ens', 'ets', 'en', 'et', 'er', 'ar', 'a', 'e', 's'],
  en: ['ies', 'ing', 'es', 'ed', 's'],
};

/**
 * One list for every language, longest first. A topic is folded the same whoever names it: the
 * registrant's language says nothing about the topic's ("Rekrytering" from an English-speaking member
 * is Swedish), and a stem that depended on it split one topic into several.
 */
const suffixes: readonly string[] = [...new Set(Object.values(suffixesByLanguage).flat())].sort(
  (a, b) => b.length - a.length,
);

/** Stems shorter than this are left alone: "rum", "tid" and "ai" must not lose their meaning. */
const minStem = 4;

/**
 * Endings come off until none is left, so a word meets its inflections by whichever ending they start
 * from ("rekryteringen" → "rekrytering" → …, the same path "rekrytering" takes).
 */
function stem(word: string): string {
  let current = word;
  for (;;) {
    const suffix = suffixes.find((s) => current.endsWith(s) && current.length - s.length >= minStem);
    if (suffix === undefined) return current;
    const base = current.slice(0, -suffix.length);
    current = suffix === 'ies' ? `${base}y` : base;
  }
}

/**
 * The key a topic is counted under: words lower-cased, stripped of punctuation, stemmed, in order. The
 * same for every language (see `suffixes`).
 */
export function topicKey(topic: string): string {
  return topic
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, ' ')
    .split(/\s+/)
    .filter((word) => word !== '')
    .map(stem)
    .join(' ');
}

export interface TopicSource {
  /** Who named the topic (a registration id): counted once per topic however they wrote it. */
  personId: string;
  topics: readonly string[];
  language: Language;
}

export interface TopicTally {
  key: string;
  /** The wording most people used (the first one seen on a tie). */
  label: string;
  people: string[];
  /** A group's title or question already covers it: no need to propose one. */
  covered: boolean;
  /** The groups whose title or question covers it (the `groupId` of each text that does), each once. */
  coveredBy: string[];
}

/**
 * Topics by how many people named them, most first, with the people behind each. `groupTexts` are the
 * titles and questions of open groups: a topic whose words all appear in one of them is covered (by that
 * text's group, when it names one).
 */
export function tallyTopics(
  sources: readonly TopicSource[],
  groupTexts: readonly { text: string; language: Language; groupId?: string }[],
): TopicTally[] {
  const byKey = new Map<string, { people: Set<string>; wordings: Map<string, number> }>();
  for (const source of sources) {
    for (const topic of source.topics) {
      const key = topicKey(topic);
      if (key === '') continue;
      const entry = byKey.get(key) ?? { people: new Set<string>(), wordings: new Map<string, number>() };
      entry.people.add(source.personId);
      const wording = topic.trim().replace(/\s+/g, ' ');
      entry.wordings.set(wording, (entry.wordings.get(wording) ?? 0) + 1);
      byKey.set(key, entry);
    }
  }
  const groupWords = groupTexts.map(({ text, groupId }) => ({
    groupId,
    words: new Set(topicKey(text).split(' ')),
  }));
  return [...byKey.entries()]
    .map(([key, { people, wordings }]) => {
      const [label = key] = [...wordings.entries()].sort((a, b) => b[1] - a[1]).map(([w]) => w);
      const words = key.split(' ');
      const covering = groupWords.filter((group) => words.every((word) => group.words.has(word)));
      return {
        key,
        label,
        people: [...people],
        covered: covering.length > 0,
        coveredBy: [...new Set(covering.flatMap((group) => group.groupId ?? []))],
      };
    })
    .sort((a, b) => b.people.length - a.people.length || a.label.localeCompare(b.label, 'sv'));
}
