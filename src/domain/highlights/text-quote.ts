import type { TextPositionSelector, TextQuoteSelector, TextSpan } from './highlight.ts';

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

function sharedSuffixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n += 1;
  return n;
}

function sharedPrefixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n += 1;
  return n;
}

/**
 * Finds a highlight's passage in the article's current text. First the stored position, accepted
 * only when the text there is still the quote; then every exact occurrence of the quote, ranked by
 * how much of the stored context surrounds it, the stored position breaking ties. Returns null
 * (an orphan, kept and listed, never deleted) when the quote is no longer in the text.
 */
export function anchorQuote(text: string, quote: TextQuoteSelector, position: TextPositionSelector): TextSpan | null {
  if (text.slice(position.start, position.end) === quote.exact) return { start: position.start, end: position.end };

  let best: { span: TextSpan; context: number; distance: number } | null = null;
  for (let at = text.indexOf(quote.exact); at !== -1; at = text.indexOf(quote.exact, at + 1)) {
    const end = at + quote.exact.length;
    const context =
      sharedSuffixLength(text.slice(Math.max(0, at - quote.prefix.length), at), quote.prefix) +
      sharedPrefixLength(text.slice(end, end + quote.suffix.length), quote.suffix);
    const distance = Math.abs(at - position.start);
    if (!best || context > best.context || (context === best.context && distance < best.distance)) {
      best = { span: { start: at, end }, context, distance };
    }
  }
  return best?.span ?? null;
}
