import type { Article } from './article.ts';

/** Case- and accent-insensitive form used on both sides of a match ("Élysée" finds "elysee"). */
export function foldForSearch(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

export type SortOrder = 'file' | 'headline' | 'reading-time';

export const SORT_ORDERS: readonly { value: SortOrder; label: string }[] = [
  { value: 'file', label: 'Original order' },
  { value: 'headline', label: 'Headline A–Z' },
  { value: 'reading-time', label: 'Shortest read first' },
];

export function isSortOrder(value: string | null): value is SortOrder {
  return SORT_ORDERS.some((order) => order.value === value);
}

/**
 * Substring search over headline and body: every word of the query must appear somewhere.
 * The folded text of each article is computed once per article list, not on every keystroke.
 */
export function createArticleFilter(articles: readonly Article[]): (query: string) => Article[] {
  const haystacks = articles.map((a) => foldForSearch(`${a.headline}\n${a.paragraphs.join('\n')}`));
  return (query) => {
    const terms = foldForSearch(query).split(/\s+/u).filter(Boolean);
    if (terms.length === 0) return [...articles];
    return articles.filter((_, index) => terms.every((term) => haystacks[index]?.includes(term)));
  };
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

type Sortable = Pick<Article, 'headline' | 'readingMinutes' | 'wordCount'>;

export function sortArticles<T extends Sortable>(articles: readonly T[], order: SortOrder): T[] {
  const sorted = [...articles];
  if (order === 'headline') sorted.sort((a, b) => collator.compare(a.headline, b.headline));
  if (order === 'reading-time') sorted.sort((a, b) => a.readingMinutes - b.readingMinutes || a.wordCount - b.wordCount);
  return sorted;
}
