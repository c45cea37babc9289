import { afterEach, describe, expect, it } from 'vitest';
import { articleText, paragraphStarts } from '../../articles/article-text.ts';
import { PARAGRAPH_SELECTOR, rangeFromSpan, spanFromRange } from './dom-text-position.ts';

/** A paragraph as rendered: plain text runs and <mark> runs. */
type Piece = string | { mark: string };

const PARAGRAPHS: Piece[][] = [
  ['First paragraph here.'],
  ['Second has a ', { mark: 'marked' }, ' word ', { mark: 'and' }, { mark: ' two' }, ' inside.'],
  [{ mark: 'Third' }, ' starts marked, ends ', { mark: 'marked' }],
  ['Fourth — “quoted” مرحبا.'],
];
const plain = (pieces: Piece[]) => pieces.map((p) => (typeof p === 'string' ? p : p.mark)).join('');
const TEXT = articleText(PARAGRAPHS.map(plain));

const mounted: Element[] = [];
afterEach(() => {
  for (const element of mounted.splice(0)) element.remove();
});

/**
 * <div><h1>headline</h1><p data-text-start="0">…</p><p data-text-start="N">…<mark>…</mark>…</p>…</div>,
 * optionally with whitespace text between the elements and a footer after them, as hand-written HTML has.
 */
function render(options: { whitespace?: boolean } = {}): HTMLDivElement {
  const root = document.createElement('div');
  const gap = () => {
    if (options.whitespace) root.append(document.createTextNode('\n  '));
  };
  const h1 = document.createElement('h1');
  h1.textContent = 'The headline';
  root.append(h1);
  const starts = paragraphStarts(PARAGRAPHS.map(plain));
  PARAGRAPHS.forEach((pieces, index) => {
    gap();
    const p = document.createElement('p');
    p.dataset.textStart = String(starts[index]);
    for (const piece of pieces) {
      if (typeof piece === 'string') p.append(document.createTextNode(piece));
      else {
        const mark = document.createElement('mark');
        mark.textContent = piece.mark;
        p.append(mark);
      }
    }
    root.append(p);
  });
  gap();
  const footer = document.createElement('footer');
  footer.textContent = 'Footer text';
  root.append(footer);
  document.body.append(root);
  mounted.push(root);
  return root;
}

function rangeBetween(startNode: Node, startOffset: number, endNode: Node, endOffset: number): Range {
  const range = document.createRange();
  range.setStart(startNode, startOffset);
  range.setEnd(endNode, endOffset);
  return range;
}

function paragraphAt(root: Element, index: number): HTMLElement {
  const p = root.querySelectorAll<HTMLElement>(PARAGRAPH_SELECTOR)[index];
  if (!p) throw new Error(`no paragraph ${index}`);
  return p;
}

function textNodes(root: Node): Text[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  return nodes;
}

/** Whether `text[offset]` is the newline between two paragraphs. */
const isSeparator = (offset: number) => TEXT[offset] === '\n';

describe('rangeFromSpan and spanFromRange', () => {
  it.each([false, true])('round-trip every span that starts and ends on paragraph text (whitespace between elements: %s)', (whitespace) => {
    const root = render({ whitespace });
    let checked = 0;
    for (let start = 0; start < TEXT.length; start += 1) {
      if (isSeparator(start)) continue;
      for (let end = start + 1; end <= TEXT.length; end += 1) {
        if (isSeparator(end - 1)) continue;
        const range = rangeFromSpan(root, { start, end });
        if (!range) throw new Error(`no range for ${start}-${end}`);
        expect(range.toString().replace(/\n {2}/g, '')).toBe(TEXT.slice(start, end).replaceAll('\n', ''));
        expect(spanFromRange(root, range)).toEqual({ start, end });
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(2000);
    // Exhaustive (every span): seconds on a busy machine, more than the default 5 s timeout.
  }, 30_000);

  it('round-trips from the DOM side: a range between two points of paragraph text maps to the span of the same text', () => {
    const root = render();
    const points = [...root.querySelectorAll(PARAGRAPH_SELECTOR)]
      .flatMap((p) => textNodes(p))
      .flatMap((node) => Array.from({ length: node.data.length + 1 }, (_, offset) => ({ node, offset })));
    let checked = 0;
    for (let i = 0; i < points.length; i += 3) {
      for (let j = i; j < points.length; j += 5) {
        const a = points[i];
        const b = points[j];
        if (!a || !b) continue;
        const range = rangeBetween(a.node, a.offset, b.node, b.offset);
        const span = spanFromRange(root, range);
        if (!span) continue;
        expect(TEXT.slice(span.start, span.end).replaceAll('\n', '')).toBe(range.toString());
        const back = rangeFromSpan(root, span);
        expect(back?.toString().replace(/\n {2}/g, '')).toBe(TEXT.slice(span.start, span.end).replaceAll('\n', ''));
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(500);
  });
});

describe('spanFromRange', () => {
  it('measures offsets through <mark> elements', () => {
    const root = render();
    const second = paragraphAt(root, 1);
    const mark = second.querySelector('mark');
    if (!mark?.firstChild) throw new Error('no mark');
    const range = rangeBetween(mark.firstChild, 2, mark.firstChild, 6);
    const start = TEXT.indexOf('marked') + 2;
    expect(spanFromRange(root, range)).toEqual({ start, end: start + 4 });
    expect(TEXT.slice(start, start + 4)).toBe('rked');
  });

  it('accepts element boundary points, such as just before and after a <mark>', () => {
    const root = render();
    const second = paragraphAt(root, 1);
    const mark = second.querySelector('mark');
    if (!mark) throw new Error('no mark');
    const index = [...second.childNodes].indexOf(mark);
    const start = TEXT.indexOf('marked');
    expect(spanFromRange(root, rangeBetween(second, index, second, index + 1))).toEqual({ start, end: start + 'marked'.length });
  });

  it('clamps a selection that starts in the headline to the start of the first paragraph', () => {
    const root = render();
    const h1Text = root.querySelector('h1')?.firstChild;
    const firstText = paragraphAt(root, 0).firstChild;
    if (!h1Text || !firstText) throw new Error('missing nodes');
    expect(spanFromRange(root, rangeBetween(h1Text, 4, firstText, 5))).toEqual({ start: 0, end: 5 });
  });

  it('ends a range that ends between two paragraphs at the end of the first of them', () => {
    for (const whitespace of [false, true]) {
      const root = render({ whitespace });
      const second = paragraphAt(root, 1);
      const firstText = paragraphAt(root, 0).firstChild;
      if (!firstText) throw new Error('missing node');
      const between = [...root.childNodes].indexOf(second); // the point just before the second paragraph
      const firstLength = plain(PARAGRAPHS[0] ?? []).length;
      expect(spanFromRange(root, rangeBetween(firstText, 6, root, between))).toEqual({ start: 6, end: firstLength });
    }
  });

  it('starts a range that starts between two paragraphs at the start of the second', () => {
    const root = render({ whitespace: true });
    const second = paragraphAt(root, 1);
    const gap = second.previousSibling;
    const secondText = second.firstChild;
    if (!gap || !secondText) throw new Error('missing nodes');
    const secondStart = Number(second.dataset.textStart);
    expect(spanFromRange(root, rangeBetween(gap, 1, secondText, 6))).toEqual({ start: secondStart, end: secondStart + 6 });
  });

  it('clamps a selection that runs past the last paragraph to the end of the text', () => {
    const root = render();
    const lastText = paragraphAt(root, 3).firstChild;
    const footerText = root.querySelector('footer')?.firstChild;
    if (!lastText || !footerText) throw new Error('missing nodes');
    expect(spanFromRange(root, rangeBetween(lastText, 2, footerText, 3))).toEqual({ start: TEXT.lastIndexOf('\n') + 3, end: TEXT.length });
  });

  it('gives the whole text for a range around the whole root', () => {
    const root = render({ whitespace: true });
    const range = document.createRange();
    range.selectNodeContents(root);
    expect(spanFromRange(root, range)).toEqual({ start: 0, end: TEXT.length });
  });

  it('gives null for a range inside the headline only', () => {
    const root = render();
    const h1Text = root.querySelector('h1')?.firstChild;
    if (!h1Text) throw new Error('missing node');
    expect(spanFromRange(root, rangeBetween(h1Text, 0, h1Text, 5))).toBeNull();
  });

  it('gives null for a range after the last paragraph', () => {
    const root = render();
    const footerText = root.querySelector('footer')?.firstChild;
    if (!footerText) throw new Error('missing node');
    expect(spanFromRange(root, rangeBetween(footerText, 0, footerText, 4))).toBeNull();
  });

  it('gives null for a collapsed range', () => {
    const root = render();
    const firstText = paragraphAt(root, 0).firstChild;
    if (!firstText) throw new Error('missing node');
    expect(spanFromRange(root, rangeBetween(firstText, 3, firstText, 3))).toBeNull();
  });

  it('gives null for a range that covers only the gap between two paragraphs', () => {
    const root = render({ whitespace: true });
    const gap = paragraphAt(root, 1).previousSibling;
    if (!gap) throw new Error('missing node');
    expect(spanFromRange(root, rangeBetween(gap, 0, gap, 2))).toBeNull();
  });
});

describe('rangeFromSpan', () => {
  it('covers exactly the text of the span, across <mark> elements and paragraphs', () => {
    const root = render();
    const start = TEXT.indexOf('has a');
    const end = TEXT.indexOf(' starts');
    expect(rangeFromSpan(root, { start, end })?.toString()).toBe('has a marked word and two inside.Third');
  });

  it('starts a span that begins on the paragraph break at the next paragraph', () => {
    const root = render();
    const newline = TEXT.indexOf('\n');
    const range = rangeFromSpan(root, { start: newline, end: newline + 7 });
    expect(range?.toString()).toBe('Second');
    expect(range?.startContainer.parentElement).toBe(paragraphAt(root, 1));
  });

  it('ends a span that ends just after a paragraph break at the end of the earlier paragraph', () => {
    const root = render();
    const newline = TEXT.indexOf('\n');
    const range = rangeFromSpan(root, { start: newline - 5, end: newline + 1 });
    expect(range?.toString()).toBe('here.');
    expect(range?.endContainer.parentElement).toBe(paragraphAt(root, 0));
  });

  it('gives null for a span beyond the end of the text', () => {
    const root = render();
    expect(rangeFromSpan(root, { start: TEXT.length, end: TEXT.length + 5 })).toBeNull();
  });

  it('gives null for a span before the first paragraph', () => {
    const root = render();
    expect(rangeFromSpan(root, { start: -5, end: 0 })).toBeNull();
  });

  it('gives null when the root has no paragraphs', () => {
    const root = document.createElement('div');
    const heading = document.createElement('h1');
    heading.textContent = 'Only a headline';
    root.append(heading);
    expect(rangeFromSpan(root, { start: 0, end: 4 })).toBeNull();
  });

  it('clamps a span that runs past the end of the text', () => {
    const root = render();
    const start = TEXT.length - 6;
    expect(rangeFromSpan(root, { start, end: TEXT.length + 50 })?.toString()).toBe(TEXT.slice(start));
  });
});
