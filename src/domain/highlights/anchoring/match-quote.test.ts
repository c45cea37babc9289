import { describe, expect, it } from 'vitest';
import { approximateMatches, exactMatches, keepsBoundaries, MATCH_WEIGHTS, quoteBoundaries, scoreMatch, similarity, type QuoteContext } from './match-quote.ts';

const noContext: QuoteContext = { prefix: '', suffix: '', hint: 0 };

describe('similarity', () => {
  it('is 1 for equal strings and for a pattern found inside the text', () => {
    expect(similarity('same words', 'same words')).toBe(1);
    expect(similarity('xx abc yy', 'abc')).toBe(1);
  });

  it('falls by one share of the pattern per edit', () => {
    expect(similarity('abcdefghij', 'abcdefghiX')).toBeCloseTo(0.9);
    expect(similarity('abcdefghij', 'abXdefghiX')).toBeCloseTo(0.8);
  });

  it('is 0 for nothing alike and for an empty text, 1 for an empty pattern', () => {
    expect(similarity('xyz', 'abc')).toBe(0);
    expect(similarity('', 'abc')).toBe(0);
    expect(similarity('anything', '')).toBe(1);
  });

  it('stays between 0 and 1 when the text is much shorter than the pattern', () => {
    const value = similarity('a', 'a much longer pattern');
    expect(value).toBeGreaterThanOrEqual(0);
    expect(value).toBeLessThan(0.1);
  });
});

describe('scoreMatch', () => {
  const text = 'before QUOTE after';
  const match = { start: 7, end: 12, errors: 0 };

  it('scores 1 for an exact match with its stored context, at its old place', () => {
    expect(scoreMatch(text, match, 5, { prefix: 'before ', suffix: ' after', hint: 7 })).toEqual({
      start: 7,
      end: 12,
      quoteScore: 1,
      contextScore: 1,
      score: 1,
    });
  });

  it('takes one share of the quote off the quote score per error', () => {
    expect(scoreMatch(text, { ...match, errors: 1 }, 5, { prefix: 'before ', suffix: ' after', hint: 7 }).quoteScore).toBeCloseTo(0.8);
  });

  it('averages how alike the text before and after is to the stored prefix and suffix', () => {
    const scored = scoreMatch(text, match, 5, { prefix: 'zzzzzz ', suffix: ' after', hint: 7 });
    expect(scored.contextScore).toBeGreaterThanOrEqual(0.5);
    expect(scored.contextScore).toBeLessThan(0.75);
  });

  it('treats empty stored context as a sign the quote touched the start or the end of the text', () => {
    expect(scoreMatch('QUOTE', { start: 0, end: 5, errors: 0 }, 5, noContext).contextScore).toBe(1);
    expect(scoreMatch(text, match, 5, noContext).contextScore).toBe(0.5);
  });

  it('weighs the quote most and the old position least', () => {
    expect(MATCH_WEIGHTS.quote).toBeGreaterThan(MATCH_WEIGHTS.prefix + MATCH_WEIGHTS.position);
    expect(MATCH_WEIGHTS.position).toBeLessThan(Math.min(MATCH_WEIGHTS.prefix, MATCH_WEIGHTS.suffix));
    const near = scoreMatch(text, match, 5, { prefix: 'before ', suffix: ' after', hint: 7 });
    const far = scoreMatch(text, match, 5, { prefix: 'before ', suffix: ' after', hint: 18 });
    expect(near.score - far.score).toBeGreaterThan(0);
    const total = Object.values(MATCH_WEIGHTS).reduce((sum, weight) => sum + weight, 0);
    expect(near.score - far.score).toBeLessThanOrEqual(MATCH_WEIGHTS.position / total);
  });
});

describe('exactMatches', () => {
  it('finds every occurrence, overlapping ones included', () => {
    expect(exactMatches('aaaa', 'aa', noContext).map((m) => m.start).sort()).toEqual([0, 1, 2]);
  });

  it('ranks occurrences by their context, best first', () => {
    const text = 'in Iraq today. Troops in Iraq stayed. Later in Iraq again.';
    const ranked = exactMatches(text, 'in Iraq', { prefix: 'Troops ', suffix: ' stayed', hint: 0 });
    expect(ranked[0]?.start).toBe(text.indexOf('Troops in Iraq') + 'Troops '.length);
    expect(ranked.map((m) => m.score)).toEqual([...ranked.map((m) => m.score)].sort((a, b) => b - a));
  });

  it('finds nothing when the quote is not there', () => {
    expect(exactMatches('some text', 'absent', noContext)).toEqual([]);
  });
});

describe('approximateMatches', () => {
  it('finds a lightly edited quote within the allowed errors', () => {
    const text = 'Troops in Iraq will stay for now.';
    const [best] = approximateMatches(text, 'Troops in Iraq would stay', 5, noContext);
    expect(best?.start).toBe(0);
    expect(best?.quoteScore).toBeLessThan(1);
    expect(best?.quoteScore).toBeGreaterThanOrEqual(1 - 5 / 25);
  });

  it('finds nothing that needs more edits than allowed', () => {
    expect(approximateMatches('completely different', 'Troops in Iraq', 2, noContext)).toEqual([]);
  });
});

describe('word boundaries', () => {
  it('knows a quote taken as whole words from one taken from inside a word', () => {
    expect(quoteBoundaries('a', 'perceived as ', ' hero')).toEqual({ start: true, end: true });
    expect(quoteBoundaries('erro', 'act of t', 'rism')).toEqual({ start: false, end: false });
    expect(quoteBoundaries('a', '', '')).toEqual({ start: true, end: true });
  });

  it('skips exact occurrences that split a word when the quote did not', () => {
    const text = 'an act of international terrorism, a hero';
    const whole = quoteBoundaries('a', 'as ', ' hero');
    expect(exactMatches(text, 'a', noContext, whole).map((m) => m.start)).toEqual([text.indexOf('a hero')]);
    expect(exactMatches(text, 'a', noContext).length).toBeGreaterThan(1);
  });

  it('treats letters with accents and digits as parts of words', () => {
    const whole = { start: true, end: true };
    expect(keepsBoundaries('café', 0, 3, whole)).toBe(false);
    expect(keepsBoundaries('Zürich', 0, 1, whole)).toBe(false);
    expect(keepsBoundaries('30km north', 0, 2, whole)).toBe(false);
    expect(keepsBoundaries('(a) b', 1, 2, whole)).toBe(true);
  });
});
