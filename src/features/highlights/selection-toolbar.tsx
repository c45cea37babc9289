import type { MouseEvent, Ref } from 'react';
import { HIGHLIGHT_COLOR_LABELS, HIGHLIGHT_COLORS, type HighlightColor } from '../../domain/highlights/highlight.ts';
import { FloatingPanel } from '../../ui/floating-panel.tsx';
import type { TextSelection } from './use-text-selection.ts';

// Below a touch selection, far enough to clear the selection handles and the system's own menu above it.
const TOUCH_GAP = 28;

/** Keeps the selection: pressing a button would otherwise collapse it before the click lands. */
function keepSelection(event: MouseEvent) {
  event.preventDefault();
}

const buttonClass =
  'inline-flex min-h-11 min-w-11 items-center justify-center gap-2 rounded-md px-2 text-sm font-medium text-white hover:bg-stone-700 dark:text-stone-900 dark:hover:bg-stone-300';

export interface SelectionToolbarProps {
  selection: TextSelection;
  lastColor: HighlightColor;
  onHighlight: (color: HighlightColor, withNote: boolean) => void;
  ref?: Ref<HTMLDivElement>;
}

/** The buttons that float by a selection: one per colour (the last used first) and one that adds a note. */
export function SelectionToolbar({ selection, lastColor, onHighlight, ref }: SelectionToolbarProps) {
  const colors = [lastColor, ...HIGHLIGHT_COLORS.filter((c) => c !== lastColor)];
  return (
    <FloatingPanel
      anchor={selection.box}
      placement={selection.touch ? 'below' : 'above'}
      gap={selection.touch ? TOUCH_GAP : 8}
      className="z-50 select-none"
      data-testid="selection-toolbar"
    >
      <div ref={ref} role="group" aria-label="Highlight the selection" className="on-dark flex items-center gap-0.5 rounded-lg bg-stone-900 p-1 shadow-lg dark:bg-stone-100">
        {colors.map((color) => (
          <button key={color} type="button" aria-label={`Highlight ${HIGHLIGHT_COLOR_LABELS[color].toLowerCase()}`} onMouseDown={keepSelection} onClick={() => onHighlight(color, false)} className={buttonClass}>
            <span className="swatch size-6" data-color={color} aria-hidden="true" />
            {color === lastColor && <span aria-hidden="true">Highlight</span>}
          </button>
        ))}
        <button type="button" aria-label="Highlight with a note" onMouseDown={keepSelection} onClick={() => onHighlight(lastColor, true)} className={buttonClass}>
          Note
        </button>
      </div>
    </FloatingPanel>
  );
}
