import { paragraphStarts } from '../articles/article-text.ts';
import { segmentSentences } from './sentences.ts';

/** The headline is read first; it is not part of the article text, so it has its own coordinates. */
export const HEADLINE = -1;

/** One utterance: a sentence of the headline or of a paragraph. */
export interface QueuedSentence {
  /** HEADLINE, or the paragraph's index. */
  paragraph: number;
  /** Offsets in the article text (for paragraphs) or in the headline (for the headline). */
  start: number;
  end: number;
  text: string;
}

export interface ListenableArticle {
  headline: string;
  paragraphs: readonly string[];
  lang?: string | undefined;
}

/** Everything to read, in order: the headline's sentences, then each paragraph's. */
export function buildListeningQueue(article: ListenableArticle): QueuedSentence[] {
  const queue: QueuedSentence[] = [];
  for (const span of segmentSentences(article.headline, article.lang)) {
    queue.push({ paragraph: HEADLINE, start: span.start, end: span.end, text: article.headline.slice(span.start, span.end) });
  }
  const starts = paragraphStarts(article.paragraphs);
  article.paragraphs.forEach((paragraph, index) => {
    const offset = starts[index] ?? 0;
    for (const span of segmentSentences(paragraph, article.lang)) {
      queue.push({ paragraph: index, start: offset + span.start, end: offset + span.end, text: paragraph.slice(span.start, span.end) });
    }
  });
  return queue;
}

/** The first sentence of paragraph `paragraph` (or of the first paragraph after it that has one). */
export function firstSentenceOfParagraph(queue: readonly QueuedSentence[], paragraph: number): number {
  const index = queue.findIndex((sentence) => sentence.paragraph >= paragraph);
  return index === -1 ? Math.max(0, queue.length - 1) : index;
}

/** The paragraph sentence holding article text offset `offset`, or the next one after it. */
export function sentenceAtOffset(queue: readonly QueuedSentence[], offset: number): number {
  const index = queue.findIndex((sentence) => sentence.paragraph !== HEADLINE && sentence.end > offset);
  return index === -1 ? Math.max(0, queue.length - 1) : index;
}
