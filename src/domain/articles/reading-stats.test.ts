import { describe, expect, it } from 'vitest';
import { countWords, excerptOf, readingMinutes, WORDS_PER_MINUTE } from './reading-stats.ts';

const words = (count: number): string => Array.from({ length: count }, (_, i) => `word${i}`).join(' ');

describe('countWords', () => {
  it('counts whitespace-separated words across paragraphs', () => {
    expect(countWords(['The quick brown fox.', 'Jumps  over\tthe lazy dog'])).toBe(9);
  });

  it('does not count lone punctuation as a word', () => {
    expect(countWords(['Wait — what? … “ ” - !'])).toBe(2);
  });

  it('counts numbers and abbreviations as words', () => {
    expect(countWords(['In 2020, 70 U.S. soldiers left.'])).toBe(6);
  });

  it('counts words in non-Latin alphabets', () => {
    expect(countWords(['الاقتصاد ينتعش بعد القرار', 'הממשלה אישרה'])).toBe(6);
  });

  it('does not count Chinese and Japanese characters as words', () => {
    expect(countWords(['東京で会議が開かれた'])).toBe(0);
    expect(countWords(['Tokyo 東京 summit'])).toBe(2);
  });

  it('gives 0 for no paragraphs or empty ones', () => {
    expect(countWords([])).toBe(0);
    expect(countWords(['', '   '])).toBe(0);
  });
});

describe('readingMinutes', () => {
  it('is at least one minute, even for an empty article', () => {
    expect(readingMinutes([])).toBe(1);
    expect(readingMinutes(['Short.'])).toBe(1);
  });

  it(`reads ${WORDS_PER_MINUTE} words a minute, rounded to the nearest minute`, () => {
    expect(WORDS_PER_MINUTE).toBe(230);
    expect(readingMinutes([words(230 * 3)])).toBe(3);
    expect(readingMinutes([words(230 * 3 + 114)])).toBe(3);
    expect(readingMinutes([words(230 * 3 + 116)])).toBe(4);
  });

  it('counts words in every paragraph', () => {
    expect(readingMinutes([words(230), words(230), words(230), words(230)])).toBe(4);
  });

  it('reads Chinese and Japanese at 500 characters a minute', () => {
    expect(readingMinutes(['東'.repeat(1500)])).toBe(3);
  });

  it('adds Latin words and CJK characters together', () => {
    expect(readingMinutes([words(460), '東'.repeat(1000)])).toBe(4);
  });
});

describe('excerptOf', () => {
  it('is the whole first paragraph when it is short enough', () => {
    expect(excerptOf(['First paragraph.', 'Second paragraph.'])).toBe('First paragraph.');
  });

  it('is empty when there are no paragraphs', () => {
    expect(excerptOf([])).toBe('');
  });

  it('keeps a first paragraph of exactly the maximum length whole', () => {
    const paragraph = 'a'.repeat(220);
    expect(excerptOf([paragraph])).toBe(paragraph);
  });

  it('cuts a long first paragraph at a word boundary and adds an ellipsis', () => {
    const paragraph = 'alpha beta gamma delta epsilon zeta eta theta';
    const excerpt = excerptOf([paragraph], 20);
    expect(excerpt).toBe('alpha beta gamma…');
  });

  it('drops punctuation left dangling at the cut', () => {
    expect(excerptOf(['Alpha beta, gamma delta epsilon zeta eta theta'], 12)).toBe('Alpha beta…');
    expect(excerptOf(['One two three. Four five six seven eight'], 15)).toBe('One two three…');
  });

  it('cuts mid-word when the last space is too early', () => {
    expect(excerptOf(['a supercalifragilisticexpialidocious word'], 20)).toBe('a supercalifragilist…');
  });

  it('never exceeds the maximum length plus the ellipsis', () => {
    const paragraph = 'Members of the international coalition gathered to fight Islamic State have suspended operations in Iraq after the targeted assassination of a top Iranian general, with Germany and others pulling back their troops.';
    for (const max of [10, 50, 100, 150]) {
      const excerpt = excerptOf([paragraph], max);
      expect(excerpt.endsWith('…')).toBe(true);
      expect(excerpt.length).toBeLessThanOrEqual(max + 1);
      expect(paragraph.startsWith(excerpt.slice(0, -1))).toBe(true);
    }
  });
});
