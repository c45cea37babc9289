import { describe, expect, it } from 'vitest';
import { isWellFormedText } from '../highlights/well-formed-text.ts';
import { limitSearchQuery, MAX_QUERY_CHARACTERS, MAX_QUERY_WORDS, queryLimitNote } from './query-limits.ts';

const wordsIn = (text: string): string[] => text.split(/[^\p{L}\p{M}\p{N}]+/u).filter(Boolean);

describe('limitSearchQuery', () => {
  it('leaves an ordinary query exactly as typed', () => {
    expect(limitSearchQuery('  Élysée palace, “Friday”  ')).toEqual({ text: '  Élysée palace, “Friday”  ', limit: null });
  });

  it('keeps the first characters of a 20,000-character query, and says so', () => {
    const limited = limitSearchQuery('x'.repeat(20_000));
    expect(limited.text.length).toBeLessThanOrEqual(MAX_QUERY_CHARACTERS);
    expect(limited.limit).toBe('characters');
  });

  it('keeps the first words of a 500-word query, and says so', () => {
    const query = Array.from({ length: 500 }, (_, n) => `w${n}`).join(' ');
    const limited = limitSearchQuery(query);
    expect(wordsIn(limited.text)).toEqual(wordsIn(query).slice(0, MAX_QUERY_WORDS));
    expect(limited.limit).toBe('words');
  });

  it('bounds the words and characters of any input, long words and punctuation included', () => {
    const inputs = ['a.'.repeat(10_000), 'ab '.repeat(7_000), `${'é'.repeat(300)} ${'字'.repeat(300)}`, '-'.repeat(20_000), '😀 '.repeat(5_000)];
    for (const input of inputs) {
      const { text } = limitSearchQuery(input);
      expect(text.length).toBeLessThanOrEqual(MAX_QUERY_CHARACTERS);
      expect(wordsIn(text).length).toBeLessThanOrEqual(MAX_QUERY_WORDS);
    }
  });

  it('never cuts a character in half', () => {
    const { text } = limitSearchQuery('😀'.repeat(MAX_QUERY_CHARACTERS));
    expect(text).toBe('😀'.repeat(MAX_QUERY_CHARACTERS / 2));
    expect(isWellFormedText(text)).toBe(true);
  });

  it('has a note for each limit, naming the number', () => {
    expect(queryLimitNote('words')).toBe(`Only the first ${MAX_QUERY_WORDS} words are searched.`);
    expect(queryLimitNote('characters')).toBe(`Only the first ${MAX_QUERY_CHARACTERS} characters are searched.`);
  });
});
