import { describe, expect, it } from 'vitest';
import { articleText } from '../articles/article-text.ts';
import { buildListeningQueue, firstSentenceOfParagraph, HEADLINE, sentenceAtOffset } from './listening-queue.ts';

const article = {
  headline: 'Harbour town votes to keep its museum open',
  paragraphs: ['The council voted on Tuesday. Dr. Ames agreed.', 'Supporters filled the hall.', 'The museum needs funding. Or it closes.'],
  lang: 'en',
};

describe('buildListeningQueue', () => {
  const queue = buildListeningQueue(article);

  it('reads the headline, then each paragraph sentence by sentence', () => {
    expect(queue.map((s) => [s.paragraph, s.text])).toEqual([
      [HEADLINE, 'Harbour town votes to keep its museum open'],
      [0, 'The council voted on Tuesday.'],
      [0, 'Dr. Ames agreed.'],
      [1, 'Supporters filled the hall.'],
      [2, 'The museum needs funding.'],
      [2, 'Or it closes.'],
    ]);
  });

  it('places each paragraph sentence at its offsets in the article text, where highlights live', () => {
    const text = articleText(article.paragraphs);
    for (const sentence of queue.filter((s) => s.paragraph !== HEADLINE)) expect(text.slice(sentence.start, sentence.end)).toBe(sentence.text);
  });

  it('finds where to start from a paragraph or a saved offset', () => {
    expect(firstSentenceOfParagraph(queue, 2)).toBe(4);
    expect(firstSentenceOfParagraph(queue, 0)).toBe(1);
    expect(firstSentenceOfParagraph(queue, 99)).toBe(5);
    const text = articleText(article.paragraphs);
    expect(sentenceAtOffset(queue, text.indexOf('Dr. Ames'))).toBe(2);
    expect(sentenceAtOffset(queue, text.indexOf('Or it'))).toBe(5);
    expect(sentenceAtOffset(queue, 0)).toBe(1);
  });
});
