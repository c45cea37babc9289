import { describe, expect, it } from 'vitest';
import { foldString, foldWhitespace, originalSpan } from './folded-text.ts';

describe('foldWhitespace', () => {
  it('leaves text without whitespace runs as it is, each character mapped to itself', () => {
    expect(foldWhitespace('ab c')).toEqual({ text: 'ab c', toOriginal: [0, 1, 2, 3, 4] });
  });

  it('folds every run of whitespace, line breaks and tabs included, to one space', () => {
    expect(foldWhitespace('a  b\n\tc')).toEqual({ text: 'a b c', toOriginal: [0, 1, 3, 4, 6, 7] });
  });

  it('folds Unicode spaces: no-break, ideographic, line separator', () => {
    expect(foldWhitespace('a\u00a0\u3000b\u2028c').text).toBe('a b c');
  });

  it('keeps one space for whitespace at either end rather than trimming it', () => {
    expect(foldWhitespace('\n\n a \n')).toEqual({ text: ' a ', toOriginal: [0, 3, 4, 6] });
  });

  it('maps the end of the folded text to the end of the original', () => {
    const original = 'one   two\n\nthree';
    const folded = foldWhitespace(original);
    expect(folded.toOriginal).toHaveLength(folded.text.length + 1);
    expect(folded.toOriginal.at(-1)).toBe(original.length);
  });

  it('maps every folded character to the same character, or whitespace to whitespace, in ascending order', () => {
    const original = 'Paragraph one.\n  Paragraph\ttwo 😀 עברית.';
    const { text, toOriginal } = foldWhitespace(original);
    for (let i = 0; i < text.length; i += 1) {
      const mapped = original[toOriginal[i] ?? -1] ?? '';
      if (text[i] === ' ') expect(mapped).toMatch(/\s/u);
      else expect(mapped).toBe(text[i]);
      if (i > 0) expect(toOriginal[i]).toBeGreaterThan(toOriginal[i - 1] ?? Infinity);
    }
  });

  it('gives an empty text with only the end mapped for an empty string', () => {
    expect(foldWhitespace('')).toEqual({ text: '', toOriginal: [0] });
  });
});

describe('originalSpan', () => {
  it('maps a folded span back to the original characters, whitespace runs inside it included', () => {
    const original = 'one   two\n\nthree';
    const folded = foldWhitespace(original);
    const start = folded.text.indexOf('two');
    const span = originalSpan(folded, folded.text.indexOf('one'), start + 3);
    expect(original.slice(span.start, span.end)).toBe('one   two');
    const across = originalSpan(folded, start, folded.text.length);
    expect(original.slice(across.start, across.end)).toBe('two\n\nthree');
  });

  it('ends right after the last folded character, not after the whole whitespace run it stands for', () => {
    const folded = foldWhitespace('a   b');
    expect(originalSpan(folded, 0, 2)).toEqual({ start: 0, end: 2 });
  });

  // BUG (latent: anchorHighlight never asks for an empty span): the branch meant for an empty span
  // uses the offset before `end`, so it gives an end before the start.
  it('maps an empty folded span to an empty original span at the same place', () => {
    expect(originalSpan(foldWhitespace('abc'), 1, 1)).toEqual({ start: 1, end: 1 });
  });
});

describe('foldString', () => {
  it('folds whitespace runs to one space', () => {
    expect(foldString('a \n\t b')).toBe('a b');
  });

  it('keeps a single space at either end, so stored context stays next to the quote', () => {
    expect(foldString('  quote \n ')).toBe(' quote ');
  });

  it('folds the same way as foldWhitespace', () => {
    const value = ' Paragraph one.\n\n  Paragraph\u00a0two. ';
    expect(foldString(value)).toBe(foldWhitespace(value).text);
  });
});
