import { useLayoutEffect, useRef, useState, type HTMLAttributes, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

export interface DocumentBox {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

const EDGE_MARGIN = 8;

/**
 * A panel placed above or below a box given in document coordinates, kept inside the viewport's
 * width so it never causes horizontal scrolling. Rendered into <body> to escape any overflow clip.
 */
export function FloatingPanel({
  anchor,
  placement,
  gap = 8,
  children,
  ...rest
}: { anchor: DocumentBox; placement: 'above' | 'below'; gap?: number; children: ReactNode } & HTMLAttributes<HTMLDivElement>) {
  const ref = useRef<HTMLDivElement>(null);
  const [position, setPosition] = useState<{ top: number; left: number } | null>(null);
  const { top, bottom, left, right } = anchor;

  useLayoutEffect(() => {
    const panel = ref.current;
    if (!panel) return;
    const { width, height } = panel.getBoundingClientRect();
    const viewportLeft = window.scrollX;
    const viewportRight = viewportLeft + document.documentElement.clientWidth;
    const centred = (left + right) / 2 - width / 2;
    const x = Math.max(viewportLeft + EDGE_MARGIN, Math.min(centred, viewportRight - width - EDGE_MARGIN));
    const above = top - height - gap;
    const y = placement === 'above' && above >= window.scrollY + EDGE_MARGIN ? above : bottom + gap;
    setPosition({ top: y, left: x });
  }, [top, bottom, left, right, placement, gap]);

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
