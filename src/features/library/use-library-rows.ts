import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { CorpusClient } from '../../data/corpus/corpus-client.ts';
import type { ArticleEntry } from '../../domain/articles/corpus-layout.ts';
import type { SortOrder } from '../../domain/articles/sort-articles.ts';
import { filterOrder, type ListQuery } from '../../domain/articles/list-query.ts';
import type { SearchHit } from '../../domain/search/search-index-reader.ts';
import type { ArticleSearch } from '../../data/search/search-context.tsx';
import { SupersededQueryError } from '../../data/search/search-client.ts';

/** One row of the list: an entry (with the words a search matched), or a place still being fetched. */
export interface LibraryRow {
  entry: ArticleEntry | undefined;
  terms: readonly string[];
}

export type LibraryRows = {
  count: number;
  row(index: number): LibraryRow;
  /** Fetches what rows `from`..`to` need (list pages). */
  request(from: number, to: number): void;
  status: 'ready' | 'loading' | 'error';
  error: Error | null;
  retry: () => void;
  /** Changes when fetched pages arrive, so the list re-renders. */
  version?: number;
};

// Results of recent searches, so going back to a searched list shows it at once, where it was.
const recentResults = new Map<string, SearchHit[]>();
const RECENT_LIMIT = 8;
const NO_TERMS: readonly string[] = [];

function remember(key: string, hits: SearchHit[]) {
  recentResults.delete(key);
  recentResults.set(key, hits);
  if (recentResults.size > RECENT_LIMIT) recentResults.delete(recentResults.keys().next().value as string);
}

/**
 * The positions a list request shows, in order. Ids of the status filters become positions through
 * the small id files; words go to the search index; a filter without words reads the sort
 * order's file and never the index.
 */
async function answer(corpus: CorpusClient, search: ArticleSearch | null, request: ListQuery): Promise<SearchHit[]> {
  const ids = [...(request.only ?? []), ...(request.except ?? [])];
  const entries = ids.length ? await corpus.loadEntries(ids) : new Map<string, ArticleEntry>();
  const positions = (list: readonly string[] | undefined) => list?.flatMap((id) => entries.get(id)?.position ?? []);
  const only = positions(request.only);
  const except = positions(request.except);
  if (request.text.trim() !== '') {
    if (!search) throw new Error('Search is unavailable.');
    return search.query({ text: request.text, sort: request.sort, ...(only ? { only } : {}), ...(except ? { except } : {}) });
  }
  return filterOrder(await corpus.loadOrder(request.sort === 'relevance' ? 'file' : request.sort), only, except);
}

/**
 * The list's rows. Browsing (no words, no status filter) reads the static list pages of the chosen
 * order, fetched as rows come into view; searching or filtering gives positions, whose entries are
 * read from small entry files as their rows come into view. The previous answer stays
 * on screen while the next one is computed.
 */
export function useLibraryRows(corpus: CorpusClient, search: ArticleSearch | null, request: ListQuery | null, sort: SortOrder): LibraryRows {
  const key = request ? JSON.stringify(request) : null;
  const [answered, setAnswered] = useState<{ key: string; hits: SearchHit[] } | null>(null);
  const [failure, setFailure] = useState<{ key: string; error: Error } | null>(null);
  const [attempt, setAttempt] = useState(0);
  const version = useSyncExternalStore(corpus.subscribe, corpus.getVersion, corpus.getVersion);
  const pageErrors = useRef(new Map<string, Error>());
  const [pageError, setPageError] = useState<Error | null>(null);

  useEffect(() => {
    if (!key || !request) return;
    if (recentResults.has(key)) return;
    let live = true;
    answer(corpus, search, request).then(
      (hits) => {
        remember(key, hits);
        if (!live) return;
        setAnswered({ key, hits });
        // Asked again (back online, say), a query that failed before shows its answer.
        setFailure((previous) => (previous?.key === key ? null : previous));
      },
      (error: unknown) => {
        // A newer query replaced this one in the worker's queue: its own answer is on the way.
        if (error instanceof SupersededQueryError) return;
        if (live) setFailure({ key, error: error instanceof Error ? error : new Error(String(error)) });
      },
    );
    return () => {
      live = false;
    };
    // `request` is described by `key`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, search, corpus, attempt]);

  const retry = useCallback(() => {
    setFailure(null);
    pageErrors.current.clear();
    setPageError(null);
    setAttempt((n) => n + 1);
  }, []);

  const pageSize = corpus.manifest.pageSize;
  const loadPage = useCallback(
    (order: SortOrder, page: number) => {
      const pageKey = `${order}/${page}`;
      if (corpus.peekListPage(order, page) || pageErrors.current.has(pageKey)) return;
      corpus.loadListPage(order, page).catch((error: unknown) => {
        pageErrors.current.set(pageKey, error instanceof Error ? error : new Error(String(error)));
        setPageError(pageErrors.current.get(pageKey) ?? null);
      });
    },
    // `attempt` lets a retry ask again for pages that failed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [corpus, attempt],
  );

  const loadEntry = (position: number) => {
    const entryKey = `entry/${position}`;
    if (corpus.peekPosition(position) || pageErrors.current.has(entryKey)) return;
    corpus.loadPosition(position).catch((error: unknown) => {
      pageErrors.current.set(entryKey, error instanceof Error ? error : new Error(String(error)));
      setPageError(pageErrors.current.get(entryKey) ?? null);
    });
  };

  if (!key) {
    return {
      count: corpus.manifest.total,
      row: (index) => ({ entry: corpus.peekListPage(sort, Math.floor(index / pageSize))?.[index % pageSize], terms: NO_TERMS }),
      request: (from, to) => {
        for (let page = Math.floor(from / pageSize); page <= Math.floor(to / pageSize); page += 1) loadPage(sort, page);
      },
      status: pageError ? 'error' : 'ready',
      error: pageError,
      retry,
      version,
    };
  }
  const recent = recentResults.get(key);
  const current = answered?.key === key || recent !== undefined;
  const hits = (answered?.key === key ? answered.hits : recent) ?? answered?.hits ?? [];
  const failed = failure?.key === key ? failure.error : pageError;
  return {
    count: hits.length,
    row: (index) => {
      const hit = hits[index];
      return { entry: hit && corpus.peekPosition(hit.position), terms: hit?.terms ?? NO_TERMS };
    },
    request: (from, to) => {
      for (let index = Math.max(0, from); index <= to && index < hits.length; index += 1) loadEntry(hits[index]?.position ?? 0);
    },
    status: failed ? 'error' : current ? 'ready' : 'loading',
    error: failed,
    retry,
    version,
  };
}
