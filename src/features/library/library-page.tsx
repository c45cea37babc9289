import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { pageTitle } from '../../config/app.ts';
import { useHydrated } from '../../ui/use-hydrated.ts';
import { SelectField } from '../../ui/select-field.tsx';
import { AppLink } from '../../ui/app-link.tsx';
import { useCallback, useDeferredValue, useMemo, useSyncExternalStore } from 'react';
import { useSearchParams } from 'react-router-dom';
import { SORT_ORDERS, type SortOrder } from '../../domain/articles/sort-articles.ts';
import { continueReadingCandidates, READING_STATUS_LABELS, readingStatus, type ReadingProgress, type ReadingStatus } from '../../domain/reading/reading-progress.ts';
import { limitSearchQuery, queryLimitNote } from '../../domain/search/query-limits.ts';
import type { ListQuery } from '../../domain/articles/list-query.ts';
import { parseLibraryParams, paths, withParam, type LibraryParams } from '../../config/paths.ts';
import { shortenHeadline } from '../../domain/articles/shorten-headline.ts';
import { useArticleEntries, useCorpus } from '../../data/corpus/corpus-context.tsx';
import { ArticleList } from './article-list.tsx';
import { ArticleListItem } from './article-list-item.tsx';
import { useArticleSearch } from '../../data/search/search-context.tsx';
import { useLibraryRows, type LibraryRow } from './use-library-rows.ts';
import { useListKeys } from './use-list-keys.ts';

const RELEVANCE = { value: 'relevance', label: 'Best match' } as const;
const CONTINUE_CANDIDATES = 5;

/** The ids a reading-status filter keeps or drops: only what this browser has read is known here. */
function statusFilter(reading: ReadingProgress, status: ReadingStatus): Pick<ListQuery, 'only' | 'except'> {
  const ids = (wanted: (s: ReadingStatus) => boolean) => Object.keys(reading).filter((id) => wanted(readingStatus(reading[id])));
  return status === 'unread' ? { except: ids((s) => s !== 'unread') } : { only: ids((s) => s === status) };
}

export interface LibraryPageProps {
  highlightCounts: ReadonlyMap<string, number>;
  /** Where the reader is in each article: drives the status, the filter and "Continue reading". */
  reading?: ReadingProgress;
  onSetRead?: (articleId: string, read: boolean) => void;
  /** The reader is about to open an article: a chance to fetch it ahead. */
  onArticleIntent?: (slug: string) => void;
}

const noSubscription = () => () => {};
const idleStatus = () => 'idle';

/**
 * Every article, searched as the reader types and sorted as they choose; both live in the URL.
 * The list's pages and the search index are fetched when needed, so it opens as fast with ten
 * thousand articles as with ten.
 */
export function LibraryPage({ highlightCounts, reading = {}, onSetRead = () => {}, onArticleIntent }: LibraryPageProps) {
  const corpus = useCorpus();
  const search = useArticleSearch();
  const [urlParams, setSearchParams] = useSearchParams();
  // Shown on the search landmark, so a test (or a script) can wait for the index rather than a time.
  const indexStatus = useSyncExternalStore(search?.subscribe ?? noSubscription, search?.getStatus ?? idleStatus, idleStatus);
  // The prerendered list has no query; the URL's is applied once the page has hydrated.
  const hydrated = useHydrated();
  const searchParams = hydrated ? urlParams : new URLSearchParams();
  const { q: query, sort: sortParam, status: statusFilterValue } = parseLibraryParams(searchParams);
  // Past the limits the worker would grind for seconds: only the first words are searched, and the page says so.
  const typedQuery = useDeferredValue(query).trim();
  const limitedQuery = useMemo(() => limitSearchQuery(typedQuery), [typedQuery]);
  const deferredQuery = limitedQuery.text;
  const queryLimit = limitedQuery.limit;
  const searching = deferredQuery !== '';
  // With words to look for, the best matches come first unless the reader chose an order.
  const sort: SortOrder | 'relevance' = sortParam ?? (searching ? 'relevance' : 'file');
  useListKeys();

  const request = useMemo((): ListQuery | null => {
    if (!searching && !statusFilterValue) return null;
    return { text: deferredQuery, sort, ...(statusFilterValue ? statusFilter(reading, statusFilterValue) : {}) };
    // The reading state matters here only through the status filter.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [deferredQuery, searching, sort, statusFilterValue, statusFilterValue ? reading : null]);
  const rows = useLibraryRows(corpus, search, request, sort === 'relevance' ? 'file' : sort);

  // The most recent unfinished article still in the collection (one may have been removed since).
  const continueCandidates = useMemo(() => continueReadingCandidates(reading, CONTINUE_CANDIDATES), [reading]);
  const continueEntries = useArticleEntries(continueCandidates);
  const continueId = continueCandidates.find((id) => continueEntries.has(id));
  const continueArticle = continueId ? continueEntries.get(continueId) : undefined;

  const updateParam = (name: keyof LibraryParams, value: string, fallback: string) => {
    setSearchParams((previous) => withParam<LibraryParams>(previous, name, value, fallback), { replace: true, preventScrollReset: true, flushSync: true });
  };

  const renderRow = useCallback(
    ({ entry, terms }: LibraryRow) =>
      entry && (
        <ArticleListItem
          article={entry}
          terms={terms}
          highlightCount={highlightCounts.get(entry.id) ?? 0}
          status={readingStatus(reading[entry.id])}
          progress={reading[entry.id]}
          onSetRead={(read) => onSetRead(entry.id, read)}
          onIntent={onArticleIntent && (() => onArticleIntent(entry.slug))}
        />
      ),
    [highlightCounts, reading, onSetRead, onArticleIntent],
  );

  let status: string;
  if (rows.status === 'error') status = `${searching ? 'Search' : 'The list'} could not be loaded: ${rows.error?.message ?? 'unknown error'}`;
  else if (rows.status === 'loading') status = searching ? `Searching for “${deferredQuery}”…` : 'Loading…';
  else if (rows.count === 0 && searching) status = `No articles match “${deferredQuery}”.`;
  else if (rows.count === 0 && statusFilterValue) status = `No ${READING_STATUS_LABELS[statusFilterValue].toLowerCase()} articles.`;
  else status = `${rows.count.toLocaleString('en')} article${rows.count === 1 ? '' : 's'}${searching ? ` match “${deferredQuery}”` : ''}`;

  useDocumentTitle(pageTitle());
  return (
    <div className="mx-auto max-w-3xl px-4 py-8">
      <h1 className="text-3xl font-bold tracking-tight">Articles</h1>
      {continueArticle && (
        <section aria-labelledby="continue-reading" className="mt-6 rounded-lg border border-stone-300 p-4 dark:border-stone-600">
          <h2 id="continue-reading" className="text-sm font-semibold tracking-wide text-stone-600 uppercase dark:text-stone-400">
            Continue reading
          </h2>
          <p dir="auto" className="mt-1 font-serif text-lg font-semibold">
            <AppLink to={paths.article.getHref(continueArticle.slug)} className="headline-link">
              {shortenHeadline(continueArticle.headline)}
            </AppLink>
          </p>
          <p className="text-sm text-stone-600 dark:text-stone-400">
            {Math.round((reading[continueArticle.id]?.progress ?? 0) * 100)}% read ·{' '}
            {Math.max(1, Math.ceil(continueArticle.readingMinutes * (1 - (reading[continueArticle.id]?.progress ?? 0))))} min left
          </p>
        </section>
      )}
      <search data-needs-js data-search-index={indexStatus} className="mt-6 grid grid-cols-2 items-end gap-2 sm:grid-cols-[1fr_auto_auto] sm:gap-3">
        <div className="col-span-2 flex min-w-0 flex-col gap-1 sm:col-span-1">
          <label htmlFor="article-search" className="text-sm font-medium">
            Search articles
          </label>
          <input
            id="article-search"
            type="search"
            value={query}
            onFocus={() => search?.prepare()}
            onChange={(event) => updateParam('q', event.target.value, '')}
            placeholder="Words in a headline or the text"
            autoComplete="off"
            className="field w-full"
            {...(queryLimit ? { 'aria-describedby': 'article-search-limit' } : {})}
          />
          {queryLimit && (
            <p id="article-search-limit" className="text-sm text-stone-600 dark:text-stone-400">
              {queryLimitNote(queryLimit)}
            </p>
          )}
        </div>
        <SelectField
          label="Sort by"
          value={sort}
          options={searching ? [RELEVANCE, ...SORT_ORDERS] : SORT_ORDERS}
          onChange={(value) => updateParam('sort', value, searching ? RELEVANCE.value : 'file')}
        />
        <SelectField
          label="Show"
          value={statusFilterValue ?? ''}
          options={[{ value: '', label: 'All articles' }, ...(['unread', 'in-progress', 'read'] as const).map((status) => ({ value: status, label: READING_STATUS_LABELS[status] }))]}
          onChange={(value) => updateParam('status', value, '')}
        />
      </search>

      <div className="mt-4 flex flex-wrap items-center gap-x-3 text-sm text-stone-600 dark:text-stone-400">
        <p role="status">{status}</p>
        {rows.status === 'error' && (
          <button type="button" onClick={rows.retry} className="min-h-11 font-medium underline underline-offset-2 hover:no-underline">
            Try again
          </button>
        )}
      </div>

      {corpus.manifest.total === 0 && (
        <p className="mt-6">
          There are no articles yet. Add plain-text files to the <code>seeds/</code> folder and build again.
        </p>
      )}

      <ArticleList
        layoutKey={request ? JSON.stringify(request) : sort}
        count={rows.count}
        row={rows.row}
        onRange={rows.request}
        renderRow={renderRow}
        virtual={hydrated}
      />
    </div>
  );
}
