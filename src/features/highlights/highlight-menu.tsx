import { useEffect, useRef } from 'react';
import type { Highlight } from '../../domain/highlights/highlight.ts';
import { FloatingPanel, type DocumentBox } from '../../ui/floating-panel.tsx';

const QUOTE_PREVIEW_LENGTH = 40;

function preview(quote: string): string {
  return quote.length > QUOTE_PREVIEW_LENGTH ? `${quote.slice(0, QUOTE_PREVIEW_LENGTH).trimEnd()}…` : quote;
}

/**
 * Actions for the highlight(s) under a pressed mark. Where highlights overlap, each is listed by
 * its quote so the reader picks which one to act on. Escape or a press elsewhere closes it.
 */
export function HighlightMenu({
  anchor,
  highlights,
  onRemove,
  onClose,
}: {
  anchor: DocumentBox;
  highlights: readonly Highlight[];
  onRemove: (id: string) => void;
  onClose: () => void;
}) {
  const panelRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    panelRef.current?.querySelector('button')?.focus();
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    const onPointerDown = (event: PointerEvent) => {
      if (!panelRef.current?.contains(event.target as Node)) onClose();
    };
    document.addEventListener('keydown', onKeyDown);
    document.addEventListener('pointerdown', onPointerDown);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('pointerdown', onPointerDown);
    };
  }, [onClose]);

  return (
    <FloatingPanel anchor={anchor} placement="below" className="z-50" role="group" aria-label="Highlight options">
      <div ref={panelRef} className="flex flex-col gap-1 rounded-lg border border-stone-300 bg-white p-1 shadow-lg dark:border-stone-600 dark:bg-stone-800">
        {highlights.map((highlight) => (
          <button
            key={highlight.id}
            type="button"
            onClick={() => onRemove(highlight.id)}
            className="min-h-11 rounded-md px-3 text-start text-sm font-medium text-red-800 hover:bg-red-50 dark:text-red-300 dark:hover:bg-red-950"
          >
            Remove highlight{highlights.length > 1 ? `: “${preview(highlight.quote.exact)}”` : ''}
          </button>
        ))}
      </div>
    </FloatingPanel>
  );
}
