import type { Highlight } from './highlight.ts';

export function countHighlightsByArticle(highlights: readonly Highlight[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const highlight of highlights) counts.set(highlight.articleId, (counts.get(highlight.articleId) ?? 0) + 1);
  return counts;
}
