import { createContext, use, type ReactNode } from 'react';
import type { SearchHit, SearchQuery } from '../../domain/search/search-index-reader.ts';

/** What the list needs of full-text search: warm it up, and ask it. */
export interface ArticleSearch {
  prepare(): void;
  query(request: SearchQuery): Promise<SearchHit[]>;
  /** Whether the index is loaded ('idle' | 'loading' | 'ready' | 'error'), when the search can tell. */
  getStatus?(): string;
  subscribe?(listener: () => void): () => void;
}

const SearchContext = createContext<ArticleSearch | null>(null);

export function SearchProvider({ search, children }: { search: ArticleSearch | null; children: ReactNode }) {
  return <SearchContext value={search}>{children}</SearchContext>;
}

/** Null while prerendering: the built list has no query. */
export function useArticleSearch(): ArticleSearch | null {
  return use(SearchContext);
}
