import { useWindowVirtualizer, type VirtualItem } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { ArticleListRow, type ArticleListProps } from './article-list-row.tsx';

const ESTIMATED_ROW_HEIGHT = 170;
const OVERSCAN = 6;

// Row heights measured per list (order and query), so going back to a list lays it out exactly as
// it was left and the browser's restored scroll position lands on the same article.
const measurements = new Map<string, VirtualItem[]>();

/**
 * The list once hydrated: only the rows near the screen are in the document (window scrolling, so
 * the page scrolls as any other). It stays a list: rows are its items, in order, with no gaps.
 */
export default function VirtualArticleList({ layoutKey, count, row, onRange, renderRow }: ArticleListProps) {
  const listRef = useRef<HTMLOListElement>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  const virtualizer = useWindowVirtualizer<HTMLLIElement>({
    count,
    estimateSize: () => ESTIMATED_ROW_HEIGHT,
    overscan: OVERSCAN,
    scrollMargin,
    initialMeasurementsCache: measurements.get(layoutKey) ?? [],
    // The window's size from the first render, so the rows on screen are drawn at once and the
    // list never shows a frame without them while the virtualizer takes over.
    initialRect: { width: window.innerWidth, height: window.innerHeight },
  });

  // The list starts below the controls, whose height changes (a "Continue reading" box, wrapping).
  useLayoutEffect(() => {
    const list = listRef.current;
    if (!list) return;
    const update = () => setScrollMargin(list.getBoundingClientRect().top + window.scrollY);
    update();
    const observer = new ResizeObserver(update);
    if (list.parentElement) observer.observe(list.parentElement);
    return () => observer.disconnect();
  }, []);

  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? -1;
  useEffect(() => {
    if (last >= first) onRange(first, last);
  }, [first, last, onRange]);

  useEffect(
    () => () => {
      measurements.set(layoutKey, virtualizer.takeSnapshot());
    },
    [layoutKey, virtualizer],
  );

  // Before its first measurement the virtualizer draws no rows: the list still takes its full
  // height, so a scroll position restored on going back is not cut short by a short page.
  const margin = virtualizer.options.scrollMargin;
  const before = items[0] ? items[0].start - margin : 0;
  const after = virtualizer.getTotalSize() - (items.at(-1) ? (items.at(-1)?.end ?? 0) - margin : 0);
  return (
    <ol
      ref={listRef}
      aria-label="Articles"
      className="mt-4 divide-y divide-stone-200 dark:divide-stone-700"
      // Space for the rows not drawn keeps the scrollbar true to the whole list.
      style={{ paddingTop: before, paddingBottom: Math.max(0, after) }}
    >
      {items.map((item) => {
        const current = row(item.index);
        return (
          <ArticleListRow key={item.key} index={item.index} count={count} measure={virtualizer.measureElement}>
            {current.entry ? renderRow(current, item.index) : <RowPlaceholder />}
          </ArticleListRow>
        );
      })}
    </ol>
  );
}

function RowPlaceholder() {
  return (
    <div aria-busy="true" className="animate-pulse motion-reduce:animate-none">
      <span className="sr-only">Loading…</span>
      <div className="h-6 w-3/4 rounded bg-stone-200 dark:bg-stone-700" />
      <div className="mt-3 h-4 w-full rounded bg-stone-200 dark:bg-stone-700" />
      <div className="mt-2 h-4 w-5/6 rounded bg-stone-200 dark:bg-stone-700" />
    </div>
  );
}
