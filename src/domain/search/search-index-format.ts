/**
 * The search index as static files, split by term so that a query fetches only the few files its
 * words need. The design is Lucene's term dictionary and postings, cut into sorted term ranges as
 * Pagefind cuts its index:
 *
 *   search/index.json   the directory: how many articles, and the first term of every shard below
 *   search/d<n>.json    a dictionary shard: a range of sorted terms with how many articles use each
 *   search/p<n>.json    a postings shard: a range of sorted terms with the articles that use each
 *
 * A word is looked up in the dictionary shards whose range its prefix falls in (a few kilobytes);
 * the terms it matches there (itself, words it begins, near misses for a typo) say which postings
 * shards to fetch. Every file lives in the collection's hashed data folder: cached for ever.
 */

export const SEARCH_FORMAT_VERSION = 1;

export interface SearchDirectory {
  version: typeof SEARCH_FORMAT_VERSION;
  /** Articles in the collection; positions run from 0 to this, exclusive. */
  documents: number;
  /** The first term of each dictionary shard, in order. */
  dictionary: string[];
  /** The first term of each postings shard, in order. */
  postings: string[];
}

/** Sorted terms and, at the same index, how many articles use each. */
export interface DictionaryShard {
  terms: string[];
  counts: number[];
}

/** Term → its encoded postings (see posting-codec.ts). */
export type PostingsShard = Record<string, string>;

export const SEARCH_DIRECTORY_FILE = 'search/index.json';
export const dictionaryShardFile = (shard: number): string => `search/d${shard}.json`;
export const postingsShardFile = (shard: number): string => `search/p${shard}.json`;

/** Above every character a term can hold: `prefix + PAST_PREFIX` sorts after every term starting with `prefix`. */
export const PAST_PREFIX = '\u{10FFFF}';

/** Terms compare by UTF-16 code units: the same in Node and every browser, whatever the locale. */
export const compareTerms = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The shard whose range holds `term`: the last one whose first term is not after it. */
export function shardOf(firstTerms: readonly string[], term: string): number {
  let low = 0;
  let high = firstTerms.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((firstTerms[middle] ?? '') <= term) low = middle;
    else high = middle - 1;
  }
  return Math.max(0, low);
}

/** The shards that may hold a term starting with `prefix`. */
export function shardsOfPrefix(firstTerms: readonly string[], prefix: string): number[] {
  if (firstTerms.length === 0) return [];
  const first = shardOf(firstTerms, prefix);
  const last = shardOf(firstTerms, prefix + PAST_PREFIX);
  return Array.from({ length: last - first + 1 }, (_, index) => first + index);
}

const isStringArray = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');

export function isSearchDirectory(value: unknown): value is SearchDirectory {
  if (typeof value !== 'object' || value === null) return false;
  const directory = value as Record<string, unknown>;
  return directory.version === SEARCH_FORMAT_VERSION && typeof directory.documents === 'number' && isStringArray(directory.dictionary) && isStringArray(directory.postings);
}

export function isDictionaryShard(value: unknown): value is DictionaryShard {
  if (typeof value !== 'object' || value === null) return false;
  const shard = value as Record<string, unknown>;
  return isStringArray(shard.terms) && Array.isArray(shard.counts) && shard.counts.length === shard.terms.length;
}

export function isPostingsShard(value: unknown): value is PostingsShard {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((item) => typeof item === 'string');
}
