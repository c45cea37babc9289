import type { Article } from '../articles/article.ts';
import { articleText } from '../articles/article-text.ts';
import type { Highlight } from './highlight.ts';
import { anchorQuote } from './text-quote.ts';

export interface ArticleGroup {
  article: Article;
  highlights: Highlight[];
}

/**
 * Highlights grouped by article, and the orphans: those whose article is gone or whose passage
 * can no longer be found in it. By default groups follow the articles' order and each group the
 * text; with `keepGivenOrder` (a list sorted by time) groups and items keep the order given.
 */
export function groupHighlights(
  highlights: readonly Highlight[],
  articles: readonly Article[],
  keepGivenOrder = false,
): { groups: ArticleGroup[]; orphans: Highlight[] } {
  const articleById = new Map(articles.map((a, index) => [a.id, { article: a, index }]));
  const texts = new Map<string, string>();
  const placed = new Map<string, { highlight: Highlight; start: number }[]>();
  const orphans: Highlight[] = [];
  for (const highlight of highlights) {
    const known = articleById.get(highlight.articleId);
    if (!known) {
      orphans.push(highlight);
      continue;
    }
    let text = texts.get(known.article.id);
    if (text === undefined) {
      text = articleText(known.article.paragraphs);
      texts.set(known.article.id, text);
    }
    const span = anchorQuote(text, highlight.quote, highlight.position);
    if (!span) orphans.push(highlight);
    else placed.set(known.article.id, [...(placed.get(known.article.id) ?? []), { highlight, start: span.start }]);
  }
  const entries = [...placed];
  if (!keepGivenOrder) {
    entries.sort(([a], [b]) => (articleById.get(a)?.index ?? 0) - (articleById.get(b)?.index ?? 0));
    for (const [, items] of entries) items.sort((x, y) => x.start - y.start);
  }
  const groups = entries.map(([id, items]) => ({ article: (articleById.get(id) as { article: Article }).article, highlights: items.map((p) => p.highlight) }));
  return { groups, orphans };
}

export function countHighlightsByArticle(highlights: readonly Highlight[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const highlight of highlights) counts.set(highlight.articleId, (counts.get(highlight.articleId) ?? 0) + 1);
  return counts;
}
