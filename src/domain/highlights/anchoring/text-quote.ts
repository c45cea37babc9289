import type { TextPositionSelector, TextQuoteSelector, TextSpan } from '../highlight.ts';

/** Characters of context kept on each side of a quote, enough to tell repeated phrases apart. */
export const QUOTE_CONTEXT_LENGTH = 32;

/** Shrinks a span so it neither starts nor ends on whitespace (a drag often takes a line break). */
export function trimSpan(text: string, span: TextSpan): TextSpan | null {
  let { start, end } = span;
  start = Math.max(0, Math.min(start, text.length));
  end = Math.max(start, Math.min(end, text.length));
  while (start < end && /\s/u.test(text[start] ?? '')) start += 1;
  while (end > start && /\s/u.test(text[end - 1] ?? '')) end -= 1;
  return end > start ? { start, end } : null;
}

export function describeSpan(text: string, span: TextSpan): { quote: TextQuoteSelector; position: TextPositionSelector } {
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(span.start, span.end),
      prefix: text.slice(Math.max(0, span.start - QUOTE_CONTEXT_LENGTH), span.start),
      suffix: text.slice(span.end, span.end + QUOTE_CONTEXT_LENGTH),
    },
    position: { type: 'TextPositionSelector', start: span.start, end: span.end },
  };
}
