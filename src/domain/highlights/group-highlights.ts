import type { Article } from '../articles/article.ts';
import { articleText } from '../articles/article-text.ts';
import type { Highlight } from './highlight.ts';
import { anchorQuote } from './anchoring/anchor-highlight.ts';

export interface ArticleGroup {
  article: Article;
  highlights: Highlight[];
}

/**
 * Where each highlight is in its article's current text: its start offset, or null for an orphan
 * (its article is gone, or its passage can no longer be found). The costly step: run it when the
 * highlights or articles change, not on every keystroke of a search.
 */
export function locateHighlights(highlights: readonly Highlight[], articles: readonly Article[]): Map<string, number | null> {
  const articleById = new Map(articles.map((a) => [a.id, a]));
  const texts = new Map<string, string>();
  const located = new Map<string, number | null>();
  for (const highlight of highlights) {
    const article = articleById.get(highlight.articleId);
    if (!article) {
      located.set(highlight.id, null);
      continue;
    }
    let text = texts.get(article.id);
    if (text === undefined) {
      text = articleText(article.paragraphs);
      texts.set(article.id, text);
    }
    located.set(highlight.id, anchorQuote(text, highlight.quote, highlight.position)?.start ?? null);
  }
  return located;
}

/**
 * Highlights grouped by article, and the orphans. By default groups follow the articles' order
 * and each group the text; with `keepGivenOrder` (a list sorted by time) groups and items keep
 * the order given. `located` comes from `locateHighlights`.
 */
export function groupLocatedHighlights(
  highlights: readonly Highlight[],
  articles: readonly Article[],
  located: ReadonlyMap<string, number | null>,
  keepGivenOrder = false,
): { groups: ArticleGroup[]; orphans: Highlight[] } {
  const articleById = new Map(articles.map((a, index) => [a.id, { article: a, index }]));
  const placed = new Map<string, { highlight: Highlight; start: number }[]>();
  const orphans: Highlight[] = [];
  for (const highlight of highlights) {
    const start = located.get(highlight.id);
    const known = articleById.get(highlight.articleId);
    if (start === null || start === undefined || !known) orphans.push(highlight);
    else placed.set(known.article.id, [...(placed.get(known.article.id) ?? []), { highlight, start }]);
  }
  const entries = [...placed];
  if (!keepGivenOrder) {
    entries.sort(([a], [b]) => (articleById.get(a)?.index ?? 0) - (articleById.get(b)?.index ?? 0));
    for (const [, items] of entries) items.sort((x, y) => x.start - y.start);
  }
  const groups = entries.map(([id, items]) => ({ article: (articleById.get(id) as { article: Article }).article, highlights: items.map((p) => p.highlight) }));
  return { groups, orphans };
}

