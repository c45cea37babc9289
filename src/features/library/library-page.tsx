import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { useHydrated } from '../../ui/use-hydrated.ts';
import { SelectField } from '../../ui/select-field.tsx';
import { AppLink } from '../../ui/app-link.tsx';
import { useDeferredValue, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { Article } from '../../domain/articles/article.ts';
import { createArticleFilter, isSortOrder, sortArticles, SORT_ORDERS, type SortOrder } from '../../domain/articles/filter-articles.ts';
import { continueReadingId, isReadingStatus, READING_STATUS_LABELS, readingStatus, type ReadingProgress } from '../../domain/reading/reading-progress.ts';
import { paths } from '../../config/paths.ts';
import { shortenHeadline } from '../../domain/articles/shorten-headline.ts';
import { ArticleListItem } from './article-list-item.tsx';
import { useListKeys } from './use-list-keys.ts';

export interface LibraryPageProps {
  articles: readonly Article[];
  highlightCounts: ReadonlyMap<string, number>;
  /** Where the reader is in each article: drives the status, the filter and "Continue reading". */
  reading?: ReadingProgress;
  onSetRead?: (articleId: string, read: boolean) => void;
}

/** Every article, filtered as the reader types and sorted as they choose; both live in the URL. */
export function LibraryPage({ articles, highlightCounts, reading = {}, onSetRead = () => {} }: LibraryPageProps) {
  const [urlParams, setSearchParams] = useSearchParams();
  // The prerendered list has no query; the URL's is applied once the page has hydrated.
  const hydrated = useHydrated();
  const searchParams = hydrated ? urlParams : new URLSearchParams();
  const query = searchParams.get('q') ?? '';
  const sortParam = searchParams.get('sort');
  const sort: SortOrder = isSortOrder(sortParam) ? sortParam : 'file';
  const statusParam = searchParams.get('status');
  const statusFilter = isReadingStatus(statusParam) ? statusParam : null;
  const deferredQuery = useDeferredValue(query);
  useListKeys();

  const filter = useMemo(() => createArticleFilter(articles), [articles]);
  const shown = useMemo(() => {
    const matching = sortArticles(filter(deferredQuery), sort);
    return statusFilter ? matching.filter((a) => readingStatus(reading[a.id]) === statusFilter) : matching;
  }, [filter, deferredQuery, sort, statusFilter, reading]);
  const continueId = useMemo(() => continueReadingId(reading, new Set(articles.map((a) => a.id))), [reading, articles]);
  const continueArticle = continueId ? articles.find((a) => a.id === continueId) : undefined;

  const updateParam = (name: string, value: string, fallback: string) => {
    setSearchParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value && value !== fallback) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true, preventScrollReset: true, flushSync: true },
    );
  };

  const trimmedQuery = query.trim();
  useDocumentTitle('Broadsheet');
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
      <search data-needs-js className="mt-6 grid grid-cols-2 items-end gap-2 sm:grid-cols-[1fr_auto_auto] sm:gap-3">
        <div className="col-span-2 flex min-w-0 flex-col gap-1 sm:col-span-1">
          <label htmlFor="article-search" className="text-sm font-medium">
            Search articles
          </label>
          <input
            id="article-search"
            type="search"
            value={query}
            onChange={(event) => updateParam('q', event.target.value, '')}
            placeholder="Words in a headline or the text"
            autoComplete="off"
            className="field w-full"
          />
        </div>
        <SelectField label="Sort by" value={sort} options={SORT_ORDERS} onChange={(value) => updateParam('sort', value, 'file')} />
        <SelectField
          label="Show"
          value={statusFilter ?? ''}
          options={[{ value: '', label: 'All articles' }, ...(['unread', 'in-progress', 'read'] as const).map((status) => ({ value: status, label: READING_STATUS_LABELS[status] }))]}
          onChange={(value) => updateParam('status', value, '')}
        />
      </search>

      <p role="status" className="mt-4 text-sm text-stone-600 dark:text-stone-400">
        {shown.length === 0 && trimmedQuery
          ? `No articles match “${trimmedQuery}”.`
          : shown.length === 0 && statusFilter
            ? `No ${READING_STATUS_LABELS[statusFilter].toLowerCase()} articles.`
          : `${shown.length} article${shown.length === 1 ? '' : 's'}${trimmedQuery ? ` match “${trimmedQuery}”` : ''}`}
      </p>

      {articles.length === 0 && (
        <p className="mt-6">
          There are no articles yet. Add plain-text files to the <code>seeds/</code> folder and build again.
        </p>
      )}

      <ol className="mt-4 divide-y divide-stone-200 dark:divide-stone-700" aria-label="Articles">
        {shown.map((article) => (
          <ArticleListItem
            key={article.id}
            article={article}
            highlightCount={highlightCounts.get(article.id) ?? 0}
            status={readingStatus(reading[article.id])}
            progress={reading[article.id]}
            onSetRead={(read) => onSetRead(article.id, read)}
          />
        ))}
      </ol>
    </div>
  );
}
