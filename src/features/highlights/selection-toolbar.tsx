import type { MouseEvent } from 'react';
import { FloatingPanel } from '../../ui/floating-panel.tsx';
import type { TextSelection } from './use-text-selection.ts';

// Below a touch selection, far enough to clear the selection handles and the system's own menu above it.
const TOUCH_GAP = 28;

/** Keeps the selection: pressing a button would otherwise collapse it before the click lands. */
function keepSelection(event: MouseEvent) {
  event.preventDefault();
}

export function SelectionToolbar({ selection, onHighlight }: { selection: TextSelection; onHighlight: () => void }) {
  return (
    <FloatingPanel
      anchor={selection.box}
      placement={selection.touch ? 'below' : 'above'}
      gap={selection.touch ? TOUCH_GAP : 8}
      className="z-50 select-none rounded-lg bg-stone-900 p-1 shadow-lg dark:bg-stone-100"
      data-testid="selection-toolbar"
    >
      <button
        type="button"
        onMouseDown={keepSelection}
        onClick={onHighlight}
        className="min-h-11 rounded-md px-4 text-base font-medium text-white hover:bg-stone-700 dark:text-stone-900 dark:hover:bg-stone-300"
      >
        Highlight
      </button>
    </FloatingPanel>
  );
}
