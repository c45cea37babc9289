import { useDeferredValue, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { Article } from '../../domain/articles/article.ts';
import { createArticleFilter, isSortOrder, sortArticles, SORT_ORDERS, type SortOrder } from '../../domain/articles/filter-articles.ts';
import { ArticleListItem } from './article-list-item.tsx';

export interface LibraryPageProps {
  articles: readonly Article[];
  highlightCounts: ReadonlyMap<string, number>;
}

/** Every article, filtered as the reader types and sorted as they choose; both live in the URL. */
export function LibraryPage({ articles, highlightCounts }: LibraryPageProps) {
  const [searchParams, setSearchParams] = useSearchParams();
  const query = searchParams.get('q') ?? '';
  const sortParam = searchParams.get('sort');
  const sort: SortOrder = isSortOrder(sortParam) ? sortParam : 'file';
  const deferredQuery = useDeferredValue(query);

  const filter = useMemo(() => createArticleFilter(articles), [articles]);
  const shown = useMemo(() => sortArticles(filter(deferredQuery), sort), [filter, deferredQuery, sort]);

  const updateParam = (name: string, value: string, fallback: string) => {
    setSearchParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value && value !== fallback) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true, preventScrollReset: true },
    );
  };

  const trimmedQuery = query.trim();
  return (
    <div className="mx-auto max-w-3xl px-4 py-8">
      <title>Broadsheet</title>
      <h1 className="text-3xl font-bold tracking-tight">Articles</h1>
      <search className="mt-6 flex flex-col gap-3 sm:flex-row sm:items-end">
        <div className="flex flex-1 flex-col gap-1">
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
        <div className="flex flex-col gap-1">
          <label htmlFor="article-sort" className="text-sm font-medium">
            Sort by
          </label>
          <select id="article-sort" value={sort} onChange={(event) => updateParam('sort', event.target.value, 'file')} className="field">
            {SORT_ORDERS.map((order) => (
              <option key={order.value} value={order.value}>
                {order.label}
              </option>
            ))}
          </select>
        </div>
      </search>

      <p role="status" className="mt-4 text-sm text-stone-600 dark:text-stone-400">
        {shown.length === 0 && trimmedQuery
          ? `No articles match “${trimmedQuery}”.`
          : `${shown.length} article${shown.length === 1 ? '' : 's'}${trimmedQuery ? ` match “${trimmedQuery}”` : ''}`}
      </p>

      {articles.length === 0 && (
        <p className="mt-6">
          There are no articles yet. Add plain-text files to the <code>seeds/</code> folder and build again.
        </p>
      )}

      <ol className="mt-4 divide-y divide-stone-200 dark:divide-stone-700" aria-label="Articles">
        {shown.map((article) => (
          <ArticleListItem key={article.id} article={article} highlightCount={highlightCounts.get(article.id) ?? 0} />
        ))}
      </ol>
    </div>
  );
}
