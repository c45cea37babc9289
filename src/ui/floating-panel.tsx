import { useLayoutEffect, useRef, useState, type HTMLAttributes, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

export interface DocumentBox {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

const EDGE_MARGIN = 8;

/** The box of an element or range in document coordinates (what scrolls with the page). */
export function documentBox(element: Element | Range): DocumentBox {
  const rect = element.getBoundingClientRect();
  return { top: rect.top + window.scrollY, bottom: rect.bottom + window.scrollY, left: rect.left + window.scrollX, right: rect.right + window.scrollX };
}

/**
 * A panel placed above or below a box in document coordinates, kept inside the viewport's width so
 * it never causes horizontal scrolling. Rendered into <body> to escape any overflow clip. The anchor
 * may be an element, measured after each render (it may only just have been drawn).
 */
export function FloatingPanel({
  anchor,
  placement,
  gap = 8,
  children,
  ...rest
}: { anchor: DocumentBox | (() => Element | null); placement: 'above' | 'below'; gap?: number; children: ReactNode } & HTMLAttributes<HTMLDivElement>) {
  const ref = useRef<HTMLDivElement>(null);
  const [position, setPosition] = useState<{ top: number; left: number } | null>(null);

  useLayoutEffect(() => {
    const panel = ref.current;
    const element = typeof anchor === 'function' ? anchor() : null;
    const box = typeof anchor === 'function' ? (element ? documentBox(element) : null) : anchor;
    if (!panel || !box) return;
    const { top, bottom, left, right } = box;
    const { width, height } = panel.getBoundingClientRect();
    const viewportLeft = window.scrollX;
    const viewportRight = viewportLeft + document.documentElement.clientWidth;
    const centred = (left + right) / 2 - width / 2;
    const x = Math.max(viewportLeft + EDGE_MARGIN, Math.min(centred, viewportRight - width - EDGE_MARGIN));
    const above = top - height - gap;
    const y = placement === 'above' && above >= window.scrollY + EDGE_MARGIN ? above : bottom + gap;
    // Only a real move re-renders (an element anchor is a new function on every render).
    setPosition((current) => (current && current.top === y && current.left === x ? current : { top: y, left: x }));
  }, [anchor, gap, placement]);

  return createPortal(
    <div
      ref={ref}
      {...rest}
      // Transparent rather than hidden until placed: a hidden element cannot take focus, and menus focus their first item.
      style={{ position: 'absolute', top: position?.top ?? 0, left: position?.left ?? 0, opacity: position ? 1 : 0 }}
    >
      {children}
    </div>,
    document.body,
  );
}
