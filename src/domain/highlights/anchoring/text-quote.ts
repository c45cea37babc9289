import type { TextPositionSelector, TextQuoteSelector, TextSpan } from '../highlight.ts';
import { splitsCharacter } from '../well-formed-text.ts';

/** Characters of context kept on each side of a quote, enough to tell repeated phrases apart. */
export const QUOTE_CONTEXT_LENGTH = 32;

/** Shrinks a span so it neither starts nor ends on whitespace (a drag often takes a line break). */
export function trimSpan(text: string, span: TextSpan): TextSpan | null {
  let { start, end } = span;
  start = Math.max(0, Math.min(start, text.length));
  end = Math.max(start, Math.min(end, text.length));
  while (start < end && /\s/u.test(text[start] ?? '')) start += 1;
  while (end > start && /\s/u.test(text[end - 1] ?? '')) end -= 1;
  // A selection can end between the two halves of an emoji: take the whole character.
  if (splitsCharacter(text, start)) start -= 1;
  if (splitsCharacter(text, end)) end += 1;
  return end > start ? { start, end } : null;
}

export function describeSpan(text: string, span: TextSpan): { quote: TextQuoteSelector; position: TextPositionSelector } {
  // Context one unit shorter rather than half a character, which would not be well-formed text.
  let prefixStart = Math.max(0, span.start - QUOTE_CONTEXT_LENGTH);
  if (splitsCharacter(text, prefixStart)) prefixStart += 1;
  let suffixEnd = span.end + QUOTE_CONTEXT_LENGTH;
  if (splitsCharacter(text, suffixEnd)) suffixEnd -= 1;
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(span.start, span.end),
      prefix: text.slice(prefixStart, span.start),
      suffix: text.slice(span.end, suffixEnd),
    },
    position: { type: 'TextPositionSelector', start: span.start, end: span.end },
  };
}
