import type { Article } from '../articles/article.ts';
import { articleText } from '../articles/article-text.ts';
import type { Highlight } from './highlight.ts';
import { anchorQuote } from './text-quote.ts';

export interface ArticleGroup {
  article: Article;
  highlights: Highlight[];
}

/** Highlights grouped by article in article order, each group in text order; the rest are orphans. */
export function groupHighlights(
  highlights: readonly Highlight[],
  articles: readonly Article[],
): { groups: ArticleGroup[]; orphans: Highlight[] } {
  const byArticle = new Map<string, Highlight[]>();
  for (const highlight of highlights) byArticle.set(highlight.articleId, [...(byArticle.get(highlight.articleId) ?? []), highlight]);

  const groups: ArticleGroup[] = [];
  const orphans: Highlight[] = [];
  for (const article of articles) {
    const own = byArticle.get(article.id);
    if (!own) continue;
    byArticle.delete(article.id);
    const text = articleText(article.paragraphs);
    const placed: { highlight: Highlight; start: number }[] = [];
    for (const highlight of own) {
      const span = anchorQuote(text, highlight.quote, highlight.position);
      if (span) placed.push({ highlight, start: span.start });
      else orphans.push(highlight);
    }
    if (placed.length > 0) groups.push({ article, highlights: placed.sort((a, b) => a.start - b.start).map((p) => p.highlight) });
  }
  for (const rest of byArticle.values()) orphans.push(...rest);
  return { groups, orphans };
}


export function countHighlightsByArticle(highlights: readonly Highlight[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const highlight of highlights) counts.set(highlight.articleId, (counts.get(highlight.articleId) ?? 0) + 1);
  return counts;
}
