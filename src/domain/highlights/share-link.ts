import type { TextQuoteSelector } from './highlight.ts';
import { QUOTE_CONTEXT_LENGTH } from './anchoring/text-quote.ts';

// Long quotes are linked by their first and last words (textStart,textEnd), as the spec suggests.
const WORDS_AT_EACH_END = 4;
const MAX_WHOLE_QUOTE_WORDS = 10;
const CONTEXT_WORDS = 3;

/** Percent-encodes a text-fragment term: `-`, `,` and `&` have meaning in the directive. */
function encodeTerm(text: string): string {
  // A context cut at 32 UTF-16 units may hold half an emoji, which encodeURIComponent refuses.
  const wellFormed = text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
  return encodeURIComponent(wellFormed).replace(/-/g, '%2D');
}

function words(text: string): string[] {
  return text.split(/\s+/u).filter(Boolean);
}

/**
 * A URL text fragment (`#:~:text=…`) for a quote, so browsers that support it scroll to and mark
 * the passage even where the app's own `?highlight=` is not understood. Browsers match each term
 * within one paragraph, and context only as whole words, so: a quote over several paragraphs is
 * linked by its first and last paragraphs' words, and a context word cut by the stored 32
 * characters is left out.
 */
export function textFragment(quote: TextQuoteSelector): string {
  const lines = quote.exact.split('\n').map(words).filter((line) => line.length > 0);
  const firstLine = lines[0] ?? [];
  const lastLine = lines[lines.length - 1] ?? [];
  const terms: string[] = [];

  let prefixWords = words(quote.prefix.split('\n').pop() ?? '');
  // The stored prefix was cut at a fixed length: its first word may be a fragment.
  if (quote.prefix.length >= QUOTE_CONTEXT_LENGTH && !quote.prefix.includes('\n') && !/^\s/u.test(quote.prefix)) prefixWords = prefixWords.slice(1);
  let suffixWords = words(quote.suffix.split('\n')[0] ?? '');
  if (quote.suffix.length >= QUOTE_CONTEXT_LENGTH && !quote.suffix.includes('\n') && !/\s$/u.test(quote.suffix)) suffixWords = suffixWords.slice(0, -1);
  // Context must touch the quote: a prefix ending in a space is still adjacent, one cut mid-word is not.
  const prefix = /\S$/u.test(quote.prefix) && prefixWords.length > 0 ? [] : prefixWords.slice(-CONTEXT_WORDS);
  const suffix = /^\S/u.test(quote.suffix) && suffixWords.length > 0 ? [] : suffixWords.slice(0, CONTEXT_WORDS);

  if (prefix.length > 0) terms.push(`${encodeTerm(prefix.join(' '))}-`);
  if (lines.length === 1 && firstLine.length <= MAX_WHOLE_QUOTE_WORDS) terms.push(encodeTerm(firstLine.join(' ')));
  else {
    const start = firstLine.slice(0, WORDS_AT_EACH_END);
    const end = lastLine.slice(-WORDS_AT_EACH_END);
    terms.push(encodeTerm(start.join(' ')), encodeTerm(end.join(' ')));
  }
  if (suffix.length > 0) terms.push(`-${encodeTerm(suffix.join(' '))}`);
  return `#:~:text=${terms.join(',')}`;
}
