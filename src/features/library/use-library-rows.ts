import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { CorpusClient } from '../../data/corpus/corpus-client.ts';
import type { ArticleEntry } from '../../domain/articles/corpus-layout.ts';
import type { SortOrder } from '../../domain/articles/sort-articles.ts';
import type { ArticleHit, ListQuery } from '../../domain/search/search-index.ts';
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
  /** Fetches what rows `from`..`to` need (list pages in browse mode). */
  request(from: number, to: number): void;
  status: 'ready' | 'loading' | 'error';
  error: Error | null;
  retry: () => void;
  /** Changes when fetched pages arrive, so the list re-renders. */
  version?: number;
};

// Results of recent searches, so going back to a searched list shows it at once, where it was.
const recentResults = new Map<string, ArticleHit[]>();
const RECENT_LIMIT = 8;
const NO_TERMS: readonly string[] = [];

function remember(key: string, hits: ArticleHit[]) {
  recentResults.delete(key);
  recentResults.set(key, hits);
  if (recentResults.size > RECENT_LIMIT) recentResults.delete(recentResults.keys().next().value as string);
}

/**
 * The list's rows. Browsing (no words, no status filter) reads the static list pages of the chosen
 * order, fetched as rows come into view; searching or filtering asks the search index, which
 * answers with whole entries. The previous answer stays on screen while the next one is computed.
 */
export function useLibraryRows(corpus: CorpusClient, search: ArticleSearch | null, request: ListQuery | null, sort: SortOrder): LibraryRows {
  const key = request ? JSON.stringify(request) : null;
  const [answer, setAnswer] = useState<{ key: string; hits: ArticleHit[] } | null>(null);
  const [failure, setFailure] = useState<{ key: string; error: Error } | null>(null);
  const [attempt, setAttempt] = useState(0);
  const version = useSyncExternalStore(corpus.subscribe, corpus.getVersion, corpus.getVersion);
  const pageErrors = useRef(new Map<number, Error>());
  const [pageError, setPageError] = useState<Error | null>(null);

  useEffect(() => {
    if (!key || !request || !search) return;
    if (recentResults.has(key)) return;
    let live = true;
    search.query(request).then(
      (hits) => {
        remember(key, hits);
        if (live) setAnswer({ key, hits });
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
  }, [key, search, attempt]);

  const retry = useCallback(() => {
    setFailure(null);
    pageErrors.current.clear();
    setPageError(null);
    setAttempt((n) => n + 1);
  }, []);

  const pageSize = corpus.manifest.pageSize;
  const browseRequest = useCallback(
    (from: number, to: number) => {
      for (let page = Math.floor(from / pageSize); page <= Math.floor(to / pageSize); page += 1) {
        if (corpus.peekListPage(sort, page) || pageErrors.current.has(page)) continue;
        corpus.loadListPage(sort, page).catch((error: unknown) => {
          pageErrors.current.set(page, error instanceof Error ? error : new Error(String(error)));
          setPageError(pageErrors.current.get(page) ?? null);
        });
      }
    },
    // `attempt` lets a retry ask again for pages that failed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [corpus, sort, pageSize, attempt],
  );

  if (!key) {
    return {
      count: corpus.manifest.total,
      row: (index) => ({ entry: corpus.peekListPage(sort, Math.floor(index / pageSize))?.[index % pageSize], terms: NO_TERMS }),
      request: browseRequest,
      status: pageError ? 'error' : 'ready',
      error: pageError,
      retry,
      version,
    };
  }
  const recent = recentResults.get(key);
  const current = answer?.key === key || recent !== undefined;
  const hits = (answer?.key === key ? answer.hits : recent) ?? answer?.hits ?? [];
  const failed = failure?.key === key ? failure.error : null;
  return {
    count: hits.length,
    row: (index) => ({ entry: hits[index]?.entry, terms: hits[index]?.terms ?? NO_TERMS }),
    request: () => {},
    status: failed ? 'error' : current ? 'ready' : 'loading',
    error: failed,
    retry,
  };
}
