import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { LIST_PAGE_SIZE } from '../../domain/articles/corpus-layout.ts';
import { ArticleListRow, type ArticleListProps } from './article-list-row.tsx';

// The virtualizer is loaded only when the reader comes near the end of the rows at hand: the first
// view of the list needs none, and a reader who opens an article from the first page never pays for it.
const VirtualArticleList = lazy(() => import('./virtual-article-list.tsx'));

/** More rows than a screen shows below the search box (three to five on a phone): what the plain list asks for before the virtualizer. */
const FIRST_SCREEN_ROWS = 8;

/** How far below the screen the last row at hand may be when the virtualizer is sent for: a screen and a half. */
const NEAR_END_MARGIN = '0px 0px 150% 0px';

// Once sent for, every list of this visit is virtualized from its first render: a list left
// scrolled past its first page and come back to needs its full height at once, so that the
// restored scroll position lands on the same row.
let virtualizerWanted = false;

/**
 * The articles as one ordered list. The prerendered page (and the moment before the virtualizer
 * arrives) draws the first rows as they are; then only the rows near the screen are in the
 * document, and each tells assistive technology its place in the whole list.
 */
export function ArticleList(props: ArticleListProps) {
  const [wanted, setWanted] = useState(virtualizerWanted);
  const onNearEnd = useCallback(() => {
    virtualizerWanted = true;
    setWanted(true);
  }, []);
  // A list that fits in one page stays as it is: nothing to save, and no swap of its rows under a
  // reader's pointer or focus while the virtualizer takes over.
  if (!props.virtual || props.count <= LIST_PAGE_SIZE) return <PlainArticleList {...props} />;
  if (!wanted) return <PlainArticleList {...props} onNearEnd={onNearEnd} />;
  return (
    <Suspense fallback={<PlainArticleList {...props} />}>
      <VirtualArticleList {...props} />
    </Suspense>
  );
}

/** The rows already at hand (the first page), as they are: what is prerendered, and shown until the virtualizer arrives. */
function PlainArticleList({ count, row, renderRow, onRange, onNearEnd }: ArticleListProps & { onNearEnd?: () => void }) {
  const listRef = useRef<HTMLOListElement>(null);
  const shown = Math.min(count, LIST_PAGE_SIZE);
  // The first page of an order other than the file's, or of a search, is not carried by the app:
  // ask for a screenful of it, as the virtualizer would (a search pays per file of rows it shows).
  // The rest comes with the virtualizer, sent for when the reader nears the end of these.
  useEffect(() => {
    if (shown > 0) onRange(0, Math.min(shown, FIRST_SCREEN_ROWS) - 1);
  }, [shown, onRange]);
  // The last row coming near the screen (scrolled to, or reached with `j`), or already above it
  // (a position restored on reload), sends for the rest of the list.
  useEffect(() => {
    const last = listRef.current?.lastElementChild;
    if (!onNearEnd || !last) return;
    // A browser that cannot tell gets the whole list at once, as before.
    if (typeof IntersectionObserver === 'undefined') return onNearEnd();
    const observer = new IntersectionObserver(
      ([entry]) => {
        if (entry && (entry.isIntersecting || entry.boundingClientRect.top < 0)) {
          observer.disconnect();
          onNearEnd();
        }
      },
      { rootMargin: NEAR_END_MARGIN },
    );
    observer.observe(last);
    return () => observer.disconnect();
  }, [onNearEnd, shown]);
  return (
    <ol ref={listRef} aria-label="Articles" className="mt-4 divide-y divide-stone-200 dark:divide-stone-700">
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
