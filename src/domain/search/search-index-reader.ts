import type { SortOrder } from '../articles/sort-articles.ts';
import { editDistanceWithin } from './edit-distance.ts';
import { decodePostings } from './posting-codec.ts';
import {
  dictionaryShardFile,
  isDictionaryShard,
  isPostingsShard,
  postingsShardFile,
  shardOf,
  shardsOfPrefix,
  type DictionaryShard,
  type PostingsShard,
  type SearchDirectory,
} from './search-index-format.ts';
import { queryTerms } from './search-terms.ts';

/**
 * Answers queries from the split index, fetching the shards each query needs through `load` and
 * keeping them: a query whose shards are in answers without a fetch (and offline). Pure apart from
 * what `load` does.
 *
 * Every word of a query must match (AND). A word matches itself; the last word, the one being
 * typed, also matches the words it begins (Algolia's `prefixLast`), from three letters (two in
 * scripts without spaces). From four
 * letters, a word that neither is nor begins a word of the collection matches the nearest words
 * within one edit of it (two from eight letters) that share its first two letters (Lucene's fuzzy
 * `prefixLength`: the dictionary range to look in stays small). Words a prefix or a typo stands for
 * are capped as Elasticsearch caps expansions (`max_expansions`), here by the postings shards they
 * live in, since shards are what a query pays for: all of them while the range is narrow, else the
 * most used ones until more letters narrow it. Scores add each matched term's rarity (IDF) times
 * its stored impact, a prefix or a typo counting less than the word itself.
 */

export interface SearchQuery {
  text: string;
  /** 'relevance' keeps the ranking (ties in file order); it is file order for an empty text. */
  sort: SortOrder | 'relevance';
  /** Keep only these positions. */
  only?: readonly number[];
  /** Drop these positions. */
  except?: readonly number[];
}

export interface SearchHit {
  /** The article's position in file order. */
  position: number;
  /** The indexed (folded) terms that matched, for `markMatches`; empty for an empty text. */
  terms: string[];
}

/** A needed file could not be fetched (offline, or gone): the query cannot be answered yet. */
export class SearchDataUnavailableError extends Error {
  override name = 'SearchDataUnavailableError';
  constructor(
    readonly path: string,
    readonly detail: string,
  ) {
    super(`${path} could not be fetched (${detail})`);
  }
}

/** Loads a JSON file under the data folder (`search/d3.json`, `order/headline.json`). */
export type LoadDataFile = (path: string) => Promise<unknown>;

/**
 * The word being typed stands for the words it begins from three letters. Two letters begin
 * hundreds of words over several dictionary shards: each keystroke there cost a query more
 * shards than any answer it could give was worth, and the third letter comes a moment later.
 */
const PREFIX_MIN_LENGTH = 3;
/** Scripts written without spaces between words, where two characters already say much. */
const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;
const UNSPACED_PREFIX_MIN_LENGTH = 2;
const expandsAsPrefix = (word: string): boolean => word.length >= (UNSPACED_SCRIPT.test(word) ? UNSPACED_PREFIX_MIN_LENGTH : PREFIX_MIN_LENGTH);
/** The words a prefix or a typo may stand for are taken from at most this many postings shards. */
const CANDIDATE_SHARDS = 1;
/** And are never more than this many words, for time. */
const MAX_ALL_EXPANSIONS = 400;
export const FUZZY_MIN_LENGTH = 4;
const FUZZY_PREFIX_LENGTH = 2;
const MAX_FUZZY_TERMS = 8;
const maxEdits = (word: string): number => (word.length >= 8 ? 2 : 1);
/** A word a query word begins counts at most this much of the word itself, less the longer it is. */
const PREFIX_WEIGHT = 0.6;
const FUZZY_WEIGHT = 0.45;
/** Queries are cut to this many distinct words: a pasted paragraph stays a search. */
const MAX_WORDS = 32;

export const orderFile = (sort: SortOrder): string => `order/${sort}.json`;

interface Candidate {
  term: string;
  count: number;
  weight: number;
}

interface DecodedPostings {
  positions: Int32Array;
  impacts: Uint8Array;
}

export interface SearchIndexReader {
  readonly directory: SearchDirectory;
  search(query: SearchQuery): Promise<SearchHit[]>;
}

export function createSearchIndexReader(directory: SearchDirectory, load: LoadDataFile): SearchIndexReader {
  const files = new Map<string, Promise<unknown>>();
  const decoded = new Map<string, DecodedPostings>();
  const ranks = new Map<SortOrder, Int32Array>();
  const total = directory.documents;

  /** A file, fetched once; a failed fetch is forgotten so a later query tries again. */
  const file = <T>(path: string, valid: (value: unknown) => value is T): Promise<T> => {
    let pending = files.get(path);
    if (!pending) {
      pending = load(path).then((value) => {
        if (!valid(value)) throw new Error(`${path} is not what the search expects`);
        return value;
      });
      files.set(path, pending);
      pending.catch(() => files.delete(path));
    }
    return pending.then(
      (value) => value as T,
      (error: unknown) => {
        throw new SearchDataUnavailableError(path, error instanceof Error ? error.message : String(error));
      },
    );
  };
  const dictionary = (shard: number) => file<DictionaryShard>(dictionaryShardFile(shard), isDictionaryShard);
  const postings = (shard: number) => file<PostingsShard>(postingsShardFile(shard), isPostingsShard);

  /** Terms of the loaded dictionary shards that start with `prefix`, with their counts. */
  const termsStarting = (shards: readonly DictionaryShard[], prefix: string): { term: string; count: number }[] => {
    const found: { term: string; count: number }[] = [];
    for (const shard of shards) {
      let low = 0;
      let high = shard.terms.length;
      while (low < high) {
        const middle = (low + high) >> 1;
        if ((shard.terms[middle] ?? '') < prefix) low = middle + 1;
        else high = middle;
      }
      for (let index = low; index < shard.terms.length && (shard.terms[index] ?? '').startsWith(prefix); index += 1) {
        found.push({ term: shard.terms[index] ?? '', count: shard.counts[index] ?? 0 });
      }
    }
    return found;
  };

  const candidatesOf = async (word: string, last: boolean): Promise<Candidate[]> => {
    const expands = last && expandsAsPrefix(word);
    // A word that does not expand needs only the one dictionary shard that would hold it.
    const near = await Promise.all((expands ? shardsOfPrefix(directory.dictionary, word) : [shardOf(directory.dictionary, word)]).map(dictionary));
    const starting = termsStarting(near, word);
    const exact = starting.find((entry) => entry.term === word);
    const candidates: Candidate[] = exact ? [{ ...exact, weight: 1 }] : [];
    if (expands) {
      const longer = starting.filter((entry) => entry.term !== word);
      for (const entry of withinShards(longer, MAX_ALL_EXPANSIONS)) candidates.push({ ...entry, weight: PREFIX_WEIGHT * (word.length / entry.term.length) });
    }
    // A word being typed that begins words of the collection is not a typo (yet).
    if (!exact && candidates.length === 0 && word.length >= FUZZY_MIN_LENGTH) {
      const limit = maxEdits(word);
      const range = await Promise.all(shardsOfPrefix(directory.dictionary, word.slice(0, FUZZY_PREFIX_LENGTH)).map(dictionary));
      const close = termsStarting(range, word.slice(0, FUZZY_PREFIX_LENGTH))
        .map((entry) => ({ ...entry, distance: editDistanceWithin(word, entry.term, limit) }))
        .filter((entry) => entry.distance <= limit)
        .sort((a, b) => a.distance - b.distance || b.count - a.count || (a.term < b.term ? -1 : 1));
      const nearest = close.filter((entry) => entry.distance === close[0]?.distance);
      for (const entry of withinShards(nearest, MAX_FUZZY_TERMS)) {
        candidates.push({ term: entry.term, count: entry.count, weight: FUZZY_WEIGHT * (1 - entry.distance / word.length) });
      }
    }
    return candidates;
  };

  /**
   * At most `limit` of `entries`, from at most CANDIDATE_SHARDS postings shards: those whose terms
   * are used most. A query's bytes are counted in shards, so a candidate in a shard already chosen
   * costs nothing more.
   */
  const withinShards = <T extends { term: string; count: number }>(entries: readonly T[], limit: number): T[] => {
    const byShard = new Map<number, { weight: number; entries: T[] }>();
    for (const entry of entries) {
      const shard = shardOf(directory.postings, entry.term);
      const group = byShard.get(shard) ?? { weight: 0, entries: [] };
      group.weight += entry.count;
      group.entries.push(entry);
      byShard.set(shard, group);
    }
    const chosen = [...byShard.values()].sort((a, b) => b.weight - a.weight).slice(0, CANDIDATE_SHARDS);
    return chosen
      .flatMap((group) => group.entries)
      .sort((a, b) => b.count - a.count || (a.term < b.term ? -1 : 1))
      .slice(0, limit);
  };

  const postingsOf = async (term: string): Promise<DecodedPostings> => {
    const known = decoded.get(term);
    if (known) return known;
    const encoded = (await postings(shardOf(directory.postings, term)))[term] ?? '';
    const positions: number[] = [];
    const impacts: number[] = [];
    decodePostings(encoded, (position, impact) => {
      positions.push(position);
      impacts.push(impact);
    });
    const result = { positions: Int32Array.from(positions), impacts: Uint8Array.from(impacts) };
    decoded.set(term, result);
    return result;
  };

  const rankOf = async (sort: SortOrder): Promise<Int32Array | null> => {
    if (sort === 'file') return null;
    const known = ranks.get(sort);
    if (known) return known;
    const order = await file<number[]>(orderFile(sort), (value): value is number[] => Array.isArray(value) && value.length === total);
    const rank = new Int32Array(total);
    order.forEach((position, place) => {
      rank[position] = place;
    });
    ranks.set(sort, rank);
    return rank;
  };

  const keep = (query: SearchQuery): ((position: number) => boolean) => {
    const only = query.only ? new Set(query.only) : null;
    const except = query.except ? new Set(query.except) : null;
    return (position) => (!only || only.has(position)) && !except?.has(position);
  };

  return {
    directory,
    async search(query) {
      const words = [...new Set(queryTerms(query.text))].slice(0, MAX_WORDS);
      const kept = keep(query);
      const rank = await rankOf(query.sort === 'relevance' ? 'file' : query.sort);
      const inOrder = (hits: SearchHit[], scores?: Float64Array): SearchHit[] => {
        if (scores && query.sort === 'relevance') return hits.sort((a, b) => (scores[b.position] ?? 0) - (scores[a.position] ?? 0) || a.position - b.position);
        if (rank) return hits.sort((a, b) => (rank[a.position] ?? 0) - (rank[b.position] ?? 0));
        return hits;
      };
      if (words.length === 0) {
        const hits: SearchHit[] = [];
        for (let position = 0; position < total; position += 1) if (kept(position)) hits.push({ position, terms: [] });
        return inOrder(hits);
      }

      const lastWord = queryTerms(query.text).at(-1);
      const perWord = await Promise.all(words.map((word) => candidatesOf(word, word === lastWord)));
      if (perWord.some((candidates) => candidates.length === 0)) return [];
      const loaded = await Promise.all(perWord.map((candidates) => Promise.all(candidates.map((candidate) => postingsOf(candidate.term)))));

      // Rarest word first: after it, only articles that matched every word so far are kept.
      const order = perWord.map((candidates, index) => ({ index, count: candidates.reduce((sum, c) => sum + c.count, 0) })).sort((a, b) => a.count - b.count);
      const scores = new Float64Array(total);
      const matched = new Uint8Array(total);
      order.forEach(({ index }, step) => {
        const candidates = perWord[index] ?? [];
        candidates.forEach((candidate, which) => {
          const list = loaded[index]?.[which];
          if (!list) return;
          const idf = Math.log(1 + (total - candidate.count + 0.5) / (candidate.count + 0.5));
          const factor = candidate.weight * idf;
          for (let at = 0; at < list.positions.length; at += 1) {
            const position = list.positions[at] ?? 0;
            const state = matched[position] ?? 0;
            if (state === step) matched[position] = step + 1;
            else if (state !== step + 1) continue;
            scores[position] = (scores[position] ?? 0) + factor * (list.impacts[at] ?? 0);
          }
        });
      });

      const all = words.length;
      const hits: SearchHit[] = [];
      const byPosition = new Map<number, SearchHit>();
      for (let position = 0; position < total; position += 1) {
        if (matched[position] !== all || !kept(position)) continue;
        const hit = { position, terms: [] as string[] };
        hits.push(hit);
        byPosition.set(position, hit);
      }
      perWord.forEach((candidates, index) =>
        candidates.forEach((candidate, which) => {
          const list = loaded[index]?.[which];
          if (!list) return;
          for (const position of list.positions) {
            const hit = byPosition.get(position);
            if (hit && !hit.terms.includes(candidate.term)) hit.terms.push(candidate.term);
          }
        }),
      );
      return inOrder(hits, scores);
    },
  };
}
