import type { ReactNode } from 'react';
import type { LibraryRow } from './use-library-rows.ts';

// What the plain list and the virtualized list share, in a module of its own so neither imports the other.

export interface ArticleListProps {
  /** Names this list's layout (its order and query) for the measurements kept across visits. */
  layoutKey: string;
  count: number;
  row: (index: number) => LibraryRow;
  /** Asks for the data of rows about to be shown. */
  onRange: (from: number, to: number) => void;
  renderRow: (row: LibraryRow, index: number) => ReactNode;
  /** False before hydration: the rows the page was prerendered with, drawn in full. */
  virtual: boolean;
}

/** One article's place in the list, told to assistive technology ("3 of 3,000"). */
export function ArticleListRow({ index, count, measure, children }: { index: number; count: number; measure?: (element: HTMLLIElement | null) => void; children: ReactNode }) {
  return (
    <li ref={measure} data-index={index} aria-posinset={index + 1} aria-setsize={count} className="py-5">
      {children}
    </li>
  );
}
