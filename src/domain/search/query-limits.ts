/**
 * Bounds on what one search may ask. Each word of a query is looked up by prefix and, from four
 * letters, with typos, so the work grows with the number of words and their length: a 20,000-character
 * query kept the search worker busy for seconds and queued every later query behind it. No reader
 * types more than a few words into a search box; longer input is cut, and the list says so.
 */

/** Characters searched: a long sentence. */
export const MAX_QUERY_CHARACTERS = 200;
/** Words searched (a word is a run of letters, marks and digits, as the index cuts text). */
export const MAX_QUERY_WORDS = 10;

export type QueryLimit = 'characters' | 'words';

export interface LimitedQuery {
  /** The part of the query that is searched: the query itself when it is within the limits. */
  text: string;
  /** Which limit cut the query, or null when nothing was cut. */
  limit: QueryLimit | null;
}

const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/** Cuts at `end` without splitting a surrogate pair. */
function cutAt(text: string, end: number): string {
  const code = text.charCodeAt(end - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? end - 1 : end);
}

/** The part of `query` to search: at most MAX_QUERY_CHARACTERS characters and MAX_QUERY_WORDS words. */
export function limitSearchQuery(query: string): LimitedQuery {
  let text = query;
  let limit: QueryLimit | null = null;
  if (text.length > MAX_QUERY_CHARACTERS) {
    text = cutAt(text, MAX_QUERY_CHARACTERS);
    limit = 'characters';
  }
  let words = 0;
  for (const word of text.matchAll(WORD)) {
    words += 1;
    if (words === MAX_QUERY_WORDS) {
      const end = word.index + word[0].length;
      if (text.slice(end).match(WORD)) {
        text = text.slice(0, end);
        limit = 'words';
      }
      break;
    }
  }
  return { text, limit };
}

/** The note shown under the search box when a query was cut. */
export function queryLimitNote(limit: QueryLimit): string {
  return limit === 'words' ? `Only the first ${MAX_QUERY_WORDS} words are searched.` : `Only the first ${MAX_QUERY_CHARACTERS} characters are searched.`;
}
