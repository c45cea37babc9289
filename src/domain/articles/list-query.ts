import type { SearchHit } from '../search/search-index-reader.ts';
import type { SortOrder } from './sort-articles.ts';

/** A request for the list: free text (empty for every article), an order, and id filters. */
export interface ListQuery {
  text: string;
  /** 'relevance' keeps the search ranking (ties in file order); it is file order for an empty text. */
  sort: SortOrder | 'relevance';
  /** Keep only these ids. */
  only?: readonly string[];
  /** Drop these ids. */
  except?: readonly string[];
}

/**
 * The list filtered without searching: every position of `order` (positions in the chosen sort
 * order) that is in `only` (when given) and not in `except`, as rows without matched words.
 */
export function filterOrder(order: readonly number[], only?: readonly number[], except?: readonly number[]): SearchHit[] {
  const kept = only ? new Set(only) : null;
  const dropped = new Set(except ?? []);
  const hits: SearchHit[] = [];
  for (const position of order) if ((!kept || kept.has(position)) && !dropped.has(position)) hits.push({ position, terms: [] });
  return hits;
}
