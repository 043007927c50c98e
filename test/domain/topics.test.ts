import { describe, expect, it } from 'vitest';
import { tallyTopics, topicKey } from '../../shared/domain/topics.ts';

describe('topicKey', () => {
  it('folds case, spacing, punctuation and common Swedish endings', () => {
    const key = topicKey('Skolans ekonomi', 'sv');
    expect(topicKey('  skolans   EKONOMI! ', 'sv')).toBe(key);
    expect(topicKey('Skolors ekonomi', 'sv')).toBe(topicKey('skolor ekonomi', 'sv'));
    expect(topicKey('Rekryteringen', 'sv')).toBe(topicKey('rekrytering', 'sv'));
  });

  it('folds Norwegian and English endings too, and leaves short words alone', () => {
    expect(topicKey('Skolebyggene', 'nb')).toBe(topicKey('skolebygg', 'nb'));
    expect(topicKey('Facilities', 'en')).toBe(topicKey('facility', 'en'));
    expect(topicKey('Tid', 'sv')).toBe('tid');
    expect(topicKey('AI', 'en')).toBe('ai');
  });

  it('keeps different questions apart', () => {
    expect(topicKey('Skolans ekonomi', 'sv')).not.toBe(topicKey('Skolans lokaler', 'sv'));
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
});
