import { describe, expect, it } from 'vitest';
import { articleText, PARAGRAPH_SEPARATOR, paragraphStarts } from './article-text.ts';

describe('articleText', () => {
  it('joins paragraphs with a single newline', () => {
    expect(PARAGRAPH_SEPARATOR).toBe('\n');
    expect(articleText(['One.', 'Two.', 'Three.'])).toBe('One.\nTwo.\nThree.');
  });

  it('is empty for no paragraphs and the paragraph itself for one', () => {
    expect(articleText([])).toBe('');
    expect(articleText(['Only.'])).toBe('Only.');
  });
});

describe('paragraphStarts', () => {
  it('gives the offset of each paragraph in the article text', () => {
    expect(paragraphStarts(['One.', 'Two!', 'Three?'])).toEqual([0, 5, 10]);
  });

  it('points every start at its paragraph in articleText', () => {
    const paragraphs = ['Zürich —', '', '“quoted”', 'مرحبا', '🎉 emoji'];
    const text = articleText(paragraphs);
    paragraphStarts(paragraphs).forEach((start, index) => {
      const paragraph = paragraphs[index] ?? '';
      expect(text.slice(start, start + paragraph.length)).toBe(paragraph);
    });
  });

  it('is empty for no paragraphs', () => {
    expect(paragraphStarts([])).toEqual([]);
  });
});
