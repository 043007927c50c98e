import type { Language } from '../i18n.ts';

/**
 * The topics members name when they register ("Ange gärna ämnen du önskar behandla", seed 002), tallied so
 * coordinators see which questions many people share: Forum Bygga Skola forms a group when members share a
 * question (seed 000). Near-duplicates are folded by case, spacing, punctuation and a light stemmer for
 * sv, nb and en, enough for "Skolans ekonomi", "skolans  ekonomi!" and "skolors ekonomi" to meet.
 */

const suffixes: Record<Language, readonly string[]> = {
  // Longest first: definite plural and genitive forms before the short endings.
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
  ],
  nb: ['enes', 'anes', 'ene', 'ane', 'ens', 'ets', 'en', 'et', 'er', 'ar', 'a', 'e', 's'],
  en: ['ies', 'ing', 'es', 'ed', 's'],
};

/** Stems shorter than this are left alone: "rum", "tid" and "ai" must not lose their meaning. */
const minStem = 4;

function stem(word: string, language: Language): string {
  for (const suffix of suffixes[language]) {
    if (word.endsWith(suffix) && word.length - suffix.length >= minStem) {
      const base = word.slice(0, -suffix.length);
      return language === 'en' && suffix === 'ies' ? `${base}y` : base;
    }
  }
  return word;
}

/** The key a topic is counted under: words lower-cased, stripped of punctuation, stemmed, in order. */
export function topicKey(topic: string, language: Language): string {
  return topic
    .toLocaleLowerCase(language === 'en' ? 'en' : language === 'nb' ? 'nb' : 'sv')
    .replace(/[^\p{L}\p{N}\s-]/gu, ' ')
    .split(/\s+/)
    .filter((word) => word !== '')
    .map((word) => stem(word, language))
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
}

/**
 * Topics by how many people named them, most first, with the people behind each. `groupTexts` are the
 * titles and questions of open groups: a topic whose words all appear in one of them is covered.
 */
export function tallyTopics(
  sources: readonly TopicSource[],
  groupTexts: readonly { text: string; language: Language }[],
): TopicTally[] {
  const byKey = new Map<string, { people: Set<string>; wordings: Map<string, number> }>();
  for (const source of sources) {
    for (const topic of source.topics) {
      const key = topicKey(topic, source.language);
      if (key === '') continue;
      const entry = byKey.get(key) ?? { people: new Set<string>(), wordings: new Map<string, number>() };
      entry.people.add(source.personId);
      const wording = topic.trim().replace(/\s+/g, ' ');
      entry.wordings.set(wording, (entry.wordings.get(wording) ?? 0) + 1);
      byKey.set(key, entry);
    }
  }
  const groupWords = groupTexts.map(({ text, language }) => new Set(topicKey(text, language).split(' ')));
  return [...byKey.entries()]
    .map(([key, { people, wordings }]) => {
      const [label = key] = [...wordings.entries()].sort((a, b) => b[1] - a[1]).map(([w]) => w);
      const words = key.split(' ');
      return {
        key,
        label,
        people: [...people],
        covered: groupWords.some((set) => words.every((word) => set.has(word))),
      };
    })
    .sort((a, b) => b.people.length - a.people.length || a.label.localeCompare(b.label, 'sv'));
}
