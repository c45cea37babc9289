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

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

type Sortable = Pick<Article, 'headline' | 'readingMinutes' | 'wordCount'>;

export function sortArticles<T extends Sortable>(articles: readonly T[], order: SortOrder): T[] {
  const sorted = [...articles];
  if (order === 'headline') sorted.sort((a, b) => collator.compare(a.headline, b.headline));
  if (order === 'reading-time') sorted.sort((a, b) => a.readingMinutes - b.readingMinutes || a.wordCount - b.wordCount);
  return sorted;
}
