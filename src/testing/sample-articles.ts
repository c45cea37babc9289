import type { Article } from '../domain/articles/article.ts';
import { createHighlightStorage } from '../domain/highlights/highlight-storage.ts';
import { createHighlightStore } from '../domain/highlights/highlight-store.ts';

function article(id: string, slug: string, headline: string, paragraphs: string[], readingMinutes = 1): Article {
  return { id, slug, headline, paragraphs, excerpt: paragraphs[0] ?? '', wordCount: paragraphs.join(' ').split(/\s+/).length, readingMinutes };
}

/** Three small articles for component tests: plain English, accented text and a longer read. */
export const sampleArticles: Article[] = [
  article('001', 'coalition-pauses-operations', 'Coalition pauses operations in Iraq', [
    'Members of the coalition have suspended operations.',
    'Germany will pause all military missions, it announced late on Friday.',
    'Sweden has 70 soldiers in the country.',
  ]),
  article('002', 'cafe-opens-in-montreal', 'Café opens in Montréal', ['A new café opened its doors on Élysée street.', 'Queues formed early.'], 1),
  article('003', 'long-read-on-harbours', 'A long read on harbours', ['Harbours have shaped trade for centuries.'], 12),
];

/** A highlight store over jsdom's localStorage, as the app builds it. */
export function createTestHighlightStore() {
  return createHighlightStore(createHighlightStorage(() => window.localStorage));
}
