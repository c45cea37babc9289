import { lazy, Suspense, useEffect } from 'react';
import { LIST_PAGE_SIZE } from '../../domain/articles/corpus-layout.ts';
import { ArticleListRow, type ArticleListProps } from './article-list-row.tsx';

// The virtualizer is loaded after the page shows: the first page of the list needs none.
const VirtualArticleList = lazy(() => import('./virtual-article-list.tsx'));

/**
 * The articles as one ordered list. The prerendered page (and the moment before the virtualizer
 * arrives) draws the first rows as they are; then only the rows near the screen are in the
 * document, and each tells assistive technology its place in the whole list.
 */
export function ArticleList(props: ArticleListProps) {
  // A list that fits in one page stays as it is: nothing to save, and no swap of its rows under a
  // reader's pointer or focus while the virtualizer takes over.
  if (!props.virtual || props.count <= LIST_PAGE_SIZE) return <PlainArticleList {...props} />;
  return (
    <Suspense fallback={<PlainArticleList {...props} />}>
      <VirtualArticleList {...props} />
    </Suspense>
  );
}

/** The rows already at hand (the first page), as they are: what is prerendered, and shown until the virtualizer arrives. */
function PlainArticleList({ count, row, renderRow, onRange }: ArticleListProps) {
  const shown = Math.min(count, LIST_PAGE_SIZE);
  // The first page of an order other than the file's is not carried by the app: ask for it.
  useEffect(() => {
    if (shown > 0) onRange(0, shown - 1);
  }, [shown, onRange]);
  return (
    <ol aria-label="Articles" className="mt-4 divide-y divide-stone-200 dark:divide-stone-700">
      {Array.from({ length: shown }, (_, index) => {
        const current = row(index);
        return current.entry ? (
          <ArticleListRow key={current.entry.id} index={index} count={count}>
            {renderRow(current, index)}
          </ArticleListRow>
        ) : null;
      })}
    </ol>
  );
}
