import type { TextSpan } from '../highlight.ts';

/**
 * Maps between DOM ranges and offsets in the article's text. Each paragraph element carries
 * `data-text-start`, its offset in `articleText()`; its text content is exactly the paragraph,
 * however many <mark> elements split it. Nothing here reads layout, so it works in any DOM.
 */
export const PARAGRAPH_SELECTOR = '[data-text-start]';

function paragraphsOf(root: Element): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(PARAGRAPH_SELECTOR)];
}

function startOf(paragraph: HTMLElement): number {
  return Number(paragraph.dataset.textStart);
}

/** -1: the boundary point is before the paragraph, 0: inside it, 1: after it. */
function compare(paragraph: HTMLElement, node: Node, offset: number): number {
  const range = paragraph.ownerDocument.createRange();
  range.selectNodeContents(paragraph);
  return range.comparePoint(node, offset);
}

function offsetWithin(paragraph: HTMLElement, node: Node, offset: number): number {
  const range = paragraph.ownerDocument.createRange();
  range.setStart(paragraph, 0);
  range.setEnd(node, offset);
  return range.toString().length;
}

/**
 * The text span a range covers, clamped to the article's paragraphs (a selection that starts in
 * the headline starts at the first paragraph). Null when it covers no paragraph text.
 */
export function spanFromRange(root: Element, range: Range): TextSpan | null {
  const paragraphs = paragraphsOf(root);
  let start: number | null = null;
  for (const p of paragraphs) {
    const where = compare(p, range.startContainer, range.startOffset);
    if (where === 1) continue;
    start = where === -1 ? startOf(p) : startOf(p) + offsetWithin(p, range.startContainer, range.startOffset);
    break;
  }
  let end: number | null = null;
  for (const p of [...paragraphs].reverse()) {
    const where = compare(p, range.endContainer, range.endOffset);
    if (where === -1) continue;
    end = where === 1 ? startOf(p) + (p.textContent ?? '').length : startOf(p) + offsetWithin(p, range.endContainer, range.endOffset);
    break;
  }
  if (start === null || end === null || end <= start) return null;
  return { start, end };
}

function boundaryAt(paragraph: HTMLElement, offset: number): { node: Node; offset: number } {
  const walker = paragraph.ownerDocument.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
  let remaining = offset;
  let last: Text | null = null;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if (remaining <= node.data.length) return { node, offset: remaining };
    remaining -= node.data.length;
    last = node;
  }
  return last ? { node: last, offset: last.data.length } : { node: paragraph, offset: 0 };
}

/**
 * The DOM range for a text span, or null when the span lies outside the rendered paragraphs: the
 * inverse of `spanFromRange`, so a span read from any selection can be checked by turning it back.
 */
export function rangeFromSpan(root: Element, span: TextSpan): Range | null {
  const paragraphs = paragraphsOf(root);
  const holding = (offset: number, preferNext: boolean) => {
    const candidates = preferNext ? paragraphs : [...paragraphs].reverse();
    return candidates.find((p) => {
      const start = startOf(p);
      const end = start + (p.textContent ?? '').length;
      return preferNext ? offset < end : offset > start;
    });
  };
  const first = holding(span.start, true);
  const last = holding(span.end, false);
  if (!first || !last) return null;
  const startPoint = boundaryAt(first, Math.max(0, span.start - startOf(first)));
  const endPoint = boundaryAt(last, Math.min((last.textContent ?? '').length, span.end - startOf(last)));
  const range = root.ownerDocument.createRange();
  range.setStart(startPoint.node, startPoint.offset);
  range.setEnd(endPoint.node, endPoint.offset);
  return range;
}
