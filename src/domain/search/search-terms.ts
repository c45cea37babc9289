import { foldForSearch } from '../articles/sort-articles.ts';

/**
 * How text is cut into words and folded, the same for the index (built in Node, queried in a
 * worker) and for marking matches in the list, which must not load the index's code.
 */

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const NOT_WORD = /[^\p{L}\p{M}\p{N}]+/u;

export interface TextSegment {
  text: string;
  match: boolean;
}

/** Folds a word; folding can reveal separators (compatibility forms), so it may give several terms. */
export function processTerm(term: string): string | string[] | null {
  const folded = foldForSearch(term);
  if (!NOT_WORD.test(folded)) return folded || null;
  const parts = folded.split(NOT_WORD).filter(Boolean);
  return parts.length ? parts : null;
}

export function tokenize(text: string): string[] {
  return text.split(NOT_WORD).filter(Boolean);
}

/**
 * Splits `text` into segments, marking each word whose folded form is one of `terms` or starts
 * with one. The segments' texts put together are `text`, exactly. Returns text, never HTML.
 */
export function markMatches(text: string, terms: readonly string[]): TextSegment[] {
  const wanted = terms.filter(Boolean);
  const segments: TextSegment[] = [];
  const push = (part: string, match: boolean): void => {
    if (!part) return;
    const last = segments[segments.length - 1];
    if (last && !last.match && !match) last.text += part;
    else segments.push({ text: part, match });
  };
  let end = 0;
  if (wanted.length) {
    for (const found of text.matchAll(WORD)) {
      const word = found[0];
      if (!isMatch(word, wanted)) continue;
      push(text.slice(end, found.index), false);
      push(word, true);
      end = found.index + word.length;
    }
  }
  push(text.slice(end), false);
  return segments;
}

function isMatch(word: string, terms: readonly string[]): boolean {
  const folded = processTerm(word);
  if (folded === null) return false;
  const parts = Array.isArray(folded) ? folded : [folded];
  return parts.some((part) => terms.some((term) => part.startsWith(term)));
}

/** The folded terms a text is searched for; none for a text with no words. */
export function queryTerms(text: string): string[] {
  return tokenize(text).flatMap((word) => processTerm(word) ?? []);
}
