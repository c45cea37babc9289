import { useEffect, useState, type RefObject } from 'react';
import type { TextSpan } from '../../domain/highlights/highlight.ts';
import { spanFromRange } from '../../domain/highlights/anchoring/dom-text-position.ts';
import { documentBox } from '../../ui/floating-panel.tsx';

export interface TextSelection {
  span: TextSpan;
  /** Where the selection is on screen, in document coordinates. */
  box: { top: number; bottom: number; left: number; right: number };
  /** The selection was made by touch: the button goes below it, clear of the phone's own menu. */
  touch: boolean;
}

function prefersTouch(lastPointer: string | null): boolean {
  if (lastPointer) return lastPointer === 'touch' || lastPointer === 'pen';
  return window.matchMedia?.('(pointer: coarse)').matches ?? false;
}

/** The span of the document's current selection inside `root`, read now; null when there is none. */
export function selectedSpan(root: HTMLElement): TextSpan | null {
  const current = document.getSelection();
  if (!current || current.rangeCount === 0 || current.isCollapsed) return null;
  const range = current.getRangeAt(0);
  return range.intersectsNode(root) ? spanFromRange(root, range) : null;
}

/**
 * Follows the document's selection inside `rootRef`. It listens to `selectionchange`, which fires
 * for mouse, keyboard and touch alike (a long-press selection fires no mouse events), and waits
 * for the mouse button to be released so the button does not chase a drag.
 */
export function useTextSelection(rootRef: RefObject<HTMLElement | null>): [TextSelection | null, () => void] {
  const [selection, setSelection] = useState<TextSelection | null>(null);

  useEffect(() => {
    let frame = 0;
    let mouseDown = false;
    let lastPointer: string | null = null;

    const read = () => {
      frame = 0;
      const root = rootRef.current;
      const span = root && !mouseDown ? selectedSpan(root) : null;
      if (!span) {
        setSelection(null);
        return;
      }
      setSelection({
        span,
        box: documentBox((document.getSelection() as Selection).getRangeAt(0)),
        touch: prefersTouch(lastPointer),
      });
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(read);
    };
    const onPointerDown = (event: PointerEvent) => {
      lastPointer = event.pointerType;
      mouseDown = event.pointerType === 'mouse' && event.button === 0;
    };
    const onPointerUp = () => {
      if (!mouseDown) return;
      mouseDown = false;
      schedule();
    };

    document.addEventListener('selectionchange', schedule);
    document.addEventListener('pointerdown', onPointerDown, true);
    document.addEventListener('pointerup', onPointerUp, true);
    window.addEventListener('resize', schedule);
    // A passage selected while the page was still loading its script is offered at once.
    schedule();
    return () => {
      if (frame) cancelAnimationFrame(frame);
      document.removeEventListener('selectionchange', schedule);
      document.removeEventListener('pointerdown', onPointerDown, true);
      document.removeEventListener('pointerup', onPointerUp, true);
      window.removeEventListener('resize', schedule);
    };
  }, [rootRef]);

  return [selection, () => setSelection(null)];
}
