import { describe, expect, it } from 'vitest';
import type { TextPositionSelector, TextQuoteSelector } from '../highlight.ts';
import { anchorQuote } from './anchor-highlight.ts';
import { describeSpan, QUOTE_CONTEXT_LENGTH, trimSpan } from './text-quote.ts';

const position = (start: number, end: number): TextPositionSelector => ({ type: 'TextPositionSelector', start, end });
const quote = (exact: string, prefix = '', suffix = ''): TextQuoteSelector => ({ type: 'TextQuoteSelector', exact, prefix, suffix });

describe('trimSpan', () => {
  const text = 'First paragraph.\n  Second paragraph.  ';

  it('leaves a span that starts and ends on text unchanged', () => {
    expect(trimSpan(text, { start: 0, end: 5 })).toEqual({ start: 0, end: 5 });
  });

  it('moves the start past leading whitespace and line breaks', () => {
    expect(trimSpan(text, { start: 16, end: 25 })).toEqual({ start: 19, end: 25 });
  });

  it('moves the end back before trailing whitespace and line breaks', () => {
    expect(trimSpan(text, { start: 6, end: 19 })).toEqual({ start: 6, end: 16 });
  });

  it('gives null for a span of only whitespace', () => {
    expect(trimSpan(text, { start: 16, end: 19 })).toBeNull();
  });

  it('gives null for an empty or reversed span', () => {
    expect(trimSpan(text, { start: 4, end: 4 })).toBeNull();
    expect(trimSpan(text, { start: 8, end: 2 })).toBeNull();
  });

  it('clamps a span that runs past either end of the text', () => {
    expect(trimSpan('abc', { start: -5, end: 99 })).toEqual({ start: 0, end: 3 });
    expect(trimSpan('abc', { start: 10, end: 20 })).toBeNull();
  });

  it('trims Unicode whitespace such as no-break and ideographic spaces', () => {
    expect(trimSpan('\u00a0word\u3000', { start: 0, end: 6 })).toEqual({ start: 1, end: 5 });
  });
});

describe('describeSpan', () => {
  it('stores the exact text and the position', () => {
    expect(describeSpan('The cat sat on the mat.', { start: 4, end: 7 })).toEqual({
      quote: { type: 'TextQuoteSelector', exact: 'cat', prefix: 'The ', suffix: ' sat on the mat.' },
      position: { type: 'TextPositionSelector', start: 4, end: 7 },
    });
  });

  it(`keeps ${QUOTE_CONTEXT_LENGTH} characters of context on each side`, () => {
    expect(QUOTE_CONTEXT_LENGTH).toBe(32);
    const before = 'b'.repeat(50);
    const after = 'a'.repeat(50);
    const { quote: described } = describeSpan(`${before}QUOTE${after}`, { start: 50, end: 55 });
    expect(described.exact).toBe('QUOTE');
    expect(described.prefix).toBe('b'.repeat(32));
    expect(described.suffix).toBe('a'.repeat(32));
  });

  it('keeps shorter context at the start and end of the text', () => {
    const { quote: described } = describeSpan('Hello world', { start: 0, end: 11 });
    expect(described).toEqual({ type: 'TextQuoteSelector', exact: 'Hello world', prefix: '', suffix: '' });
  });

  it('takes context across paragraph breaks', () => {
    const { quote: described } = describeSpan('One.\nTwo.\nThree.', { start: 5, end: 9 });
    expect(described.prefix).toBe('One.\n');
    expect(described.suffix).toBe('\nThree.');
  });
});

describe('anchorQuote', () => {
  it('accepts the stored position when the text there is still the quote', () => {
    const text = 'The cat sat. The cat ran.';
    // The position is checked first and, with its context unchanged, holds even though "cat" repeats.
    expect(anchorQuote(text, quote('cat', 'The ', ' sat. The cat ran.'), position(4, 7))).toEqual({ start: 4, end: 7 });
  });

  it('finds the quote again after text was inserted before it', () => {
    const original = 'The minister resigned on Friday.';
    const { quote: stored, position: at } = describeSpan(original, { start: 13, end: 21 });
    const changed = `Breaking: ${original}`;
    expect(anchorQuote(changed, stored, at)).toEqual({ start: 23, end: 31 });
    expect(changed.slice(23, 31)).toBe('resigned');
  });

  it('finds the quote again after text was removed before it', () => {
    const original = 'Update (corrected): the minister resigned on Friday.';
    const { quote: stored, position: at } = describeSpan(original, { start: 33, end: 41 });
    const changed = original.replace('Update (corrected): ', '');
    expect(anchorQuote(changed, stored, at)).toEqual({ start: 13, end: 21 });
  });

  it('tells a repeated phrase apart by its context', () => {
    const original = 'Troops stay in Iraq for now. Germany said troops stay in Jordan too.';
    const second = original.lastIndexOf('troops stay');
    const { quote: stored, position: at } = describeSpan(original, { start: second, end: second + 'troops stay'.length });
    // A paragraph is added at the top, so the stored position no longer holds.
    const changed = `New: troops stay home, officials said.\n${original}`;
    const span = anchorQuote(changed, stored, at);
    expect(span).toEqual({ start: changed.lastIndexOf('troops stay'), end: changed.lastIndexOf('troops stay') + 11 });
  });

  it('prefers the occurrence with more matching context over the nearer one', () => {
    const text = 'xx cat yy ---------------------------------------- aa cat bb';
    const stored = quote('cat', 'aa ', ' bb');
    expect(anchorQuote(text, stored, position(0, 3))).toEqual({ start: text.lastIndexOf('cat'), end: text.lastIndexOf('cat') + 3 });
  });

  it('breaks a tie between identical repeated passages by closeness to the stored position', () => {
    const line = 'The chorus sings the very same line again.';
    const original = Array.from({ length: 5 }, () => line).join('\n');
    const occurrence = (text: string, n: number) => {
      let at = -1;
      for (let i = 0; i <= n; i += 1) at = text.indexOf('very same line', at + 1);
      return at;
    };
    // Lines 1 to 3 have the same 32 characters of context on both sides; only the position tells them apart.
    const changed = `Intro.\n${original}`;
    for (const n of [1, 2, 3]) {
      const start = occurrence(original, n);
      const { quote: stored, position: at } = describeSpan(original, { start, end: start + 'very same line'.length });
      expect(changed.slice(at.start, at.end)).not.toBe(stored.exact);
      expect(anchorQuote(changed, stored, at)).toEqual({ start: occurrence(changed, n), end: occurrence(changed, n) + 'very same line'.length });
    }
  });

  it('finds overlapping occurrences of a quote', () => {
    const text = 'aaaa';
    expect(anchorQuote(text, quote('aa', 'a', 'a'), position(9, 11))).toEqual({ start: 1, end: 3 });
  });

  it('gives null when the quote is no longer in the text', () => {
    expect(anchorQuote('The minister stayed.', quote('resigned', 'minister ', '.'), position(13, 21))).toBeNull();
  });

  it('gives null for an empty text', () => {
    expect(anchorQuote('', quote('word'), position(0, 4))).toBeNull();
  });
});
