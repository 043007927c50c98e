import { describe, expect, it } from 'vitest';
import { tallyTopics, topicKey } from '../../shared/domain/topics.ts';

describe('topicKey', () => {
  it('folds case, spacing, punctuation and common Swedish endings', () => {
    const key = topicKey('Skolans ekonomi');
    expect(topicKey('  skolans   EKONOMI! ')).toBe(key);
    expect(topicKey('Skolors ekonomi')).toBe(topicKey('skolor ekonomi'));
    expect(topicKey('Rekryteringen')).toBe(topicKey('rekrytering'));
  });

  it('folds Norwegian and English endings too, and leaves short words alone', () => {
    expect(topicKey('Skolebyggene')).toBe(topicKey('skolebygg'));
    expect(topicKey('Facilities')).toBe(topicKey('facility'));
    expect(topicKey('Tid')).toBe('tid');
    expect(topicKey('AI')).toBe('ai');
  });

  it('keeps different questions apart', () => {
    expect(topicKey('Skolans ekonomi')).not.toBe(topicKey('Skolans lokaler'));
  });
});

describe('tallyTopics', () => {
  const sources = [
    { personId: 'a', topics: ['Skolans ekonomi', 'Rekrytering'], language: 'sv' as const },
    { personId: 'b', topics: ['Skolans  ekonomi', 'Lokaler'], language: 'sv' as const },
    { personId: 'c', topics: ['Skolans ekonomi!', 'skolans ekonomi'], language: 'sv' as const },
    { personId: 'd', topics: ['Rekryteringen'], language: 'sv' as const },
  ];

  it('counts each person once per topic, most shared first, with the commonest wording as label', () => {
    const tally = tallyTopics(sources, []);
    expect(tally.map((t) => [t.label, t.people.length])).toEqual([
      ['Skolans ekonomi', 3],
      ['Rekrytering', 2],
      ['Lokaler', 1],
    ]);
    expect(tally[0]?.people.sort()).toEqual(['a', 'b', 'c']);
  });

  it('marks a topic covered when an open group’s title or question holds all its words', () => {
    const tally = tallyTopics(sources, [
      { text: 'Hur klarar vi skolans ekonomi när eleverna blir färre?', language: 'sv' },
    ]);
    expect(tally.find((t) => t.label === 'Skolans ekonomi')?.covered).toBe(true);
    expect(tally.find((t) => t.label === 'Rekrytering')?.covered).toBe(false);
  });

  it('says which groups cover a topic, each once, from the ids their texts carry', () => {
    const tally = tallyTopics(sources, [
      { text: 'Skolans ekonomi', language: 'sv', groupId: 'g1' },
      { text: 'Hur klarar vi skolans ekonomi när eleverna blir färre?', language: 'sv', groupId: 'g1' },
      { text: 'Rekrytering av lärare', language: 'sv', groupId: 'g2' },
      { text: 'Ekonomi för skolans ledning', language: 'sv', groupId: 'g3' },
      { text: 'Skolans ekonomi i stort', language: 'sv' },
    ]);
    expect(tally.find((t) => t.label === 'Skolans ekonomi')?.coveredBy).toEqual(['g1', 'g3']);
    expect(tally.find((t) => t.label === 'Rekrytering')?.coveredBy).toEqual(['g2']);
    expect(tally.find((t) => t.label === 'Lokaler')).toMatchObject({ covered: false, coveredBy: [] });
  });
});

describe('topics named by members of different languages (issue 20.5)', () => {
  // The walk's sample: the same Swedish topics from Swedish-, English- and Norwegian-speaking members.
  const mixed = [
    { personId: 'sv1', topics: ['Rekrytering', 'Skolans ekonomi'], language: 'sv' as const },
    { personId: 'en1', topics: ['Rekrytering', 'skolans ekonomi'], language: 'en' as const },
    { personId: 'sv2', topics: ['rekrytering!', 'skolans ekonomin'], language: 'sv' as const },
    { personId: 'nb1', topics: ['Rekrytering', 'Rekrutteringen'], language: 'nb' as const },
    { personId: 'en2', topics: ['Recruiting'], language: 'en' as const },
  ];

  it('are counted under one key, whoever names them: Rekrytering 3 → 4, Skolans ekonomi 1 → 3', () => {
    const tally = tallyTopics(mixed, [{ text: 'Skolans ekonomi', language: 'en' }]);
    const count = (label: string) => tally.find((t) => t.label === label)?.people.length;
    expect(count('Rekrytering')).toBe(4);
    expect(count('Skolans ekonomi')).toBe(3);
    // Covered by the group whatever language the group was written in.
    expect(tally.find((t) => t.label === 'Skolans ekonomi')?.covered).toBe(true);
  });

  it('fold the README’s own example', () => {
    expect(topicKey('skolans ekonomin')).toBe(topicKey('Skolans ekonomi'));
    expect(topicKey('Rekrytering')).toBe(topicKey('rekryteringen'));
  });
});
