import { foldForSearch } from '../articles/sort-articles.ts';
import { HIGHLIGHT_COLORS, type Highlight, type HighlightColor } from './highlight.ts';

export const HIGHLIGHT_SORTS = [
  { value: 'newest', label: 'Newest first' },
  { value: 'oldest', label: 'Oldest first' },
  { value: 'article', label: 'Article order' },
] as const;
export type HighlightSort = (typeof HIGHLIGHT_SORTS)[number]['value'];

export function isHighlightSort(value: string | null): value is HighlightSort {
  return HIGHLIGHT_SORTS.some((sort) => sort.value === value);
}

export function isHighlightColor(value: string | null): value is HighlightColor {
  return HIGHLIGHT_COLORS.includes(value as HighlightColor);
}

export interface HighlightFilter {
  query: string;
  color: HighlightColor | null;
  articleId: string | null;
}

/** Highlights whose quote or note contains every word of the query, of the colour and article chosen. */
export function filterHighlights(highlights: readonly Highlight[], filter: HighlightFilter): Highlight[] {
  const terms = foldForSearch(filter.query).split(/\s+/u).filter(Boolean);
  return highlights.filter((h) => {
    if (filter.color && h.color !== filter.color) return false;
    if (filter.articleId && h.articleId !== filter.articleId) return false;
    if (terms.length === 0) return true;
    const haystack = foldForSearch(`${h.quote.exact}\n${h.note}`);
    return terms.every((term) => haystack.includes(term));
  });
}

/**
 * Orders highlights: by time made, or by article (in the articles' order) and then by where the
 * passage is in the text. `articleOrder` gives each article's index; unknown articles go last.
 */
export function sortHighlights(highlights: readonly Highlight[], sort: HighlightSort, articleOrder: ReadonlyMap<string, number>): Highlight[] {
  const time = (h: Highlight) => Date.parse(h.createdAt);
  const sorted = [...highlights];
  if (sort === 'newest') sorted.sort((a, b) => time(b) - time(a));
  else if (sort === 'oldest') sorted.sort((a, b) => time(a) - time(b));
  else {
    const rank = (h: Highlight) => articleOrder.get(h.articleId) ?? Number.MAX_SAFE_INTEGER;
    sorted.sort((a, b) => rank(a) - rank(b) || a.position.start - b.position.start);
  }
  return sorted;
}
