import type { TextQuoteSelector } from './highlight.ts';

// Long quotes are linked by their first and last words (textStart,textEnd), as the spec suggests.
const WORDS_AT_EACH_END = 4;
const MAX_WHOLE_QUOTE_WORDS = 10;
const CONTEXT_WORDS = 3;

/** Percent-encodes a text-fragment term: `-`, `,` and `&` have meaning in the directive. */
function encodeTerm(text: string): string {
  return encodeURIComponent(text).replace(/-/g, '%2D');
}

function words(text: string): string[] {
  return text.split(/\s+/u).filter(Boolean);
}

/**
 * A URL text fragment (`#:~:text=…`) for a quote, so browsers that support it scroll to and mark
 * the passage even where the app's own `?highlight=` is not understood. Context words are added
 * only from the same paragraph, since a fragment's prefix must directly precede the quote.
 */
export function textFragment(quote: TextQuoteSelector): string {
  const quoteWords = words(quote.exact);
  const terms: string[] = [];
  const prefix = words(quote.prefix.split('\n').pop() ?? '').slice(-CONTEXT_WORDS).join(' ');
  const suffix = words(quote.suffix.split('\n')[0] ?? '').slice(0, CONTEXT_WORDS).join(' ');
  if (prefix) terms.push(`${encodeTerm(prefix)}-`);
  if (quoteWords.length <= MAX_WHOLE_QUOTE_WORDS) terms.push(encodeTerm(quoteWords.join(' ')));
  else terms.push(encodeTerm(quoteWords.slice(0, WORDS_AT_EACH_END).join(' ')), encodeTerm(quoteWords.slice(-WORDS_AT_EACH_END).join(' ')));
  if (suffix) terms.push(`-${encodeTerm(suffix)}`);
  return `#:~:text=${terms.join(',')}`;
}
