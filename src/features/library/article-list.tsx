import { useWindowVirtualizer, type VirtualItem } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import type { LibraryRow } from './use-library-rows.ts';

const ESTIMATED_ROW_HEIGHT = 170;
const OVERSCAN = 6;
/** At most the first page of the list is in the built HTML. */
const PRERENDERED_ROWS = 50;

// Row heights measured per list (order and query), so going back to a list lays it out exactly as
// it was left and the browser's restored scroll position lands on the same article.
const measurements = new Map<string, VirtualItem[]>();

export interface ArticleListProps {
  /** Names this list's layout (its order and query) for the measurements kept across visits. */
  layoutKey: string;
  count: number;
  row: (index: number) => LibraryRow;
  /** Asks for the data of rows about to be shown. */
  onRange: (from: number, to: number) => void;
  renderRow: (row: LibraryRow, index: number) => ReactNode;
  /** Before hydration: the rows the page was prerendered with, drawn in full. */
  virtual: boolean;
}

/**
 * The articles as one ordered list, of which only the rows near the screen are in the document
 * (window scrolling, so the page scrolls as any other). Each row tells assistive technology its
 * place in the whole list, which stays a list: rows are its items, in order, with no gaps.
 */
export function ArticleList({ layoutKey, count, row, onRange, renderRow, virtual }: ArticleListProps) {
  const listRef = useRef<HTMLOListElement>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  const virtualizer = useWindowVirtualizer<HTMLLIElement>({
    count,
    estimateSize: () => ESTIMATED_ROW_HEIGHT,
    overscan: OVERSCAN,
    scrollMargin,
    enabled: virtual,
    initialMeasurementsCache: measurements.get(layoutKey) ?? [],
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

  const items = virtual ? virtualizer.getVirtualItems() : [];
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

  if (!virtual) {
    return (
      <ol ref={listRef} aria-label="Articles" className="mt-4 divide-y divide-stone-200 dark:divide-stone-700">
        {Array.from({ length: Math.min(count, PRERENDERED_ROWS) }, (_, index) => {
          const current = row(index);
          return current.entry ? (
            <ListRow key={current.entry.id} index={index} count={count}>
              {renderRow(current, index)}
            </ListRow>
          ) : null;
        })}
      </ol>
    );
  }

  const before = items[0] ? items[0].start - virtualizer.options.scrollMargin : 0;
  const after = items.length ? virtualizer.getTotalSize() - ((items.at(-1)?.end ?? 0) - virtualizer.options.scrollMargin) : 0;
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
          <ListRow key={item.key} index={item.index} count={count} measure={virtualizer.measureElement}>
            {current.entry ? renderRow(current, item.index) : <RowPlaceholder />}
          </ListRow>
        );
      })}
    </ol>
  );
}

function ListRow({ index, count, measure, children }: { index: number; count: number; measure?: (element: HTMLLIElement | null) => void; children: ReactNode }) {
  return (
    <li ref={measure} data-index={index} aria-posinset={index + 1} aria-setsize={count} className="py-5">
      {children}
    </li>
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
