import MiniSearch, { type Options, type SearchOptions } from 'minisearch';
import type { Article } from '../articles/article.ts';
import type { ArticleEntry } from '../articles/corpus-layout.ts';
import { sortArticles, type SortOrder } from '../articles/sort-articles.ts';
import { processTerm, tokenize } from './search-terms.ts';

export { markMatches } from './search-terms.ts';

/**
 * The full-text index of the collection: built once at build time (in Node), serialized to JSON,
 * and loaded on first search (in a Web Worker). Pure: no DOM, no I/O.
 *
 * Words are runs of letters, marks and numbers of any script, folded like `foldForSearch`
 * ("Élysée" is found by "elysee"). A run of CJK characters is one word: searching finds it by
 * any prefix of the run, not by a word in the middle of it.
 */

/** A request for the list: free text (empty for every article), an order, and id filters. */
export interface ListQuery {
  text: string;
  /** 'relevance' keeps the search ranking (ties in file order); it is file order for an empty text. */
  sort: SortOrder | 'relevance';
  /** Keep only these ids. */
  only?: readonly string[];
  /** Drop these ids. */
  except?: readonly string[];
}

export interface ArticleHit {
  entry: ArticleEntry;
  /** The indexed (folded) words that matched, for `markMatches`; empty for an empty text. */
  terms: string[];
}

/** Whatever MiniSearch is given to index: an article and its place in file order. */
interface IndexedDocument {
  article: Article;
  position: number;
}

/**
 * What the index stores per article to show it in the list, as a tuple: with 10,000 articles the
 * field names alone would add more than half a megabyte to the index.
 */
type StoredEntry = [slug: string, headline: string, excerpt: string, wordCount: number, readingMinutes: number, position: number, lang?: string];

const ENTRY_FIELD = 'entry';
const HEADLINE_BOOST = 2;
/** Words shorter than this are matched exactly or by prefix, never fuzzily (too many neighbours). */
const FUZZY_MIN_LENGTH = 4;
const MAX_FUZZY = 2;

export type SearchIndex = MiniSearch<IndexedDocument>;

function extractField(document: IndexedDocument, field: string): unknown {
  const { article, position } = document;
  switch (field) {
    case 'id':
      return article.id;
    case 'headline':
      return article.headline;
    case 'body':
      return article.paragraphs.join('\n');
    case ENTRY_FIELD: {
      const entry: StoredEntry = [article.slug, article.headline, article.excerpt, article.wordCount, article.readingMinutes, position];
      if (article.lang !== undefined) entry.push(article.lang);
      return entry;
    }
    default:
      return undefined;
  }
}

const SEARCH_OPTIONS: SearchOptions = {
  combineWith: 'AND',
  prefix: true,
  fuzzy: (term) => (term.length >= FUZZY_MIN_LENGTH ? 0.2 : false),
  maxFuzzy: MAX_FUZZY,
  boost: { headline: HEADLINE_BOOST },
};

const OPTIONS: Options<IndexedDocument> = {
  idField: 'id',
  fields: ['headline', 'body'],
  storeFields: [ENTRY_FIELD],
  extractField,
  tokenize,
  processTerm,
  searchOptions: SEARCH_OPTIONS,
};

/** Builds the index of `articles` (in file order) and returns it as JSON. */
export function buildSearchIndex(articles: readonly Article[]): string {
  const index = new MiniSearch<IndexedDocument>(OPTIONS);
  index.addAll(articles.map((article, position) => ({ article, position })));
  return JSON.stringify(index);
}

/** Loads what `buildSearchIndex` returned. Throws on JSON that is not such an index. */
export function loadSearchIndex(json: string): SearchIndex {
  return MiniSearch.loadJSON<IndexedDocument>(json, OPTIONS);
}

function entryFromIndex(id: unknown, stored: unknown): ArticleEntry {
  const [slug, headline, excerpt, wordCount, readingMinutes, position, lang] = stored as StoredEntry;
  const entry: ArticleEntry = { id: String(id), slug, headline, excerpt, wordCount, readingMinutes, position };
  if (lang !== undefined) entry.lang = lang;
  return entry;
}

/**
 * Every entry of an index, in file order, and each sort order as a rank per position: computed once
 * per loaded index, so a query sorts numbers rather than comparing headlines with a collator.
 */
interface Catalog {
  entries: ArticleEntry[];
  byId: Map<string, ArticleEntry>;
  ranks: Map<SortOrder, Int32Array>;
}

const catalogs = new WeakMap<SearchIndex, Catalog>();

function catalogOf(index: SearchIndex): Catalog {
  let catalog = catalogs.get(index);
  if (!catalog) {
    const entries = index.search(MiniSearch.wildcard).map((result) => entryFromIndex(result.id, result[ENTRY_FIELD]));
    entries.sort((a, b) => a.position - b.position);
    catalog = { entries, byId: new Map(entries.map((entry) => [entry.id, entry])), ranks: new Map() };
    catalogs.set(index, catalog);
  }
  return catalog;
}

/** `rank[position]` is the place of that article in `order`, ties kept in file order. */
function rankOf(catalog: Catalog, order: SortOrder): Int32Array {
  const known = catalog.ranks.get(order);
  if (known) return known;
  const sorted = order === 'file' ? catalog.entries : sortArticles(catalog.entries, order);
  const rank = new Int32Array(catalog.entries.length);
  sorted.forEach((entry, place) => {
    rank[entry.position] = place;
  });
  catalog.ranks.set(order, rank);
  return rank;
}

/** The folded terms a text is searched for; none for a text with no words. */
function queryTerms(text: string): string[] {
  return tokenize(text).flatMap((word) => processTerm(word) ?? []);
}

interface ScoredHit extends ArticleHit {
  score: number;
}

/**
 * The articles that match `request.text` (every word, each by prefix and, from four letters, with
 * a typo: one edit, two from eight letters), or every article for a text with no words, filtered by id and in the requested
 * order. Hits of one index share their `entry` objects: treat them as read-only.
 */
export function queryArticles(index: SearchIndex, request: ListQuery): ArticleHit[] {
  const catalog = catalogOf(index);
  const only = request.only ? new Set(request.only) : null;
  const except = request.except ? new Set(request.except) : null;
  const keep = (id: string): boolean => (!only || only.has(id)) && !except?.has(id);

  const terms = queryTerms(request.text);
  let hits: ScoredHit[];
  if (terms.length === 0) {
    hits = catalog.entries.filter((entry) => keep(entry.id)).map((entry) => ({ entry, terms: [], score: 0 }));
  } else {
    // The terms are already split and folded: MiniSearch is handed them as they are.
    // An article filtered out by id gets a boost of 0, which MiniSearch skips before scoring it.
    const results = index.search(request.text, {
      tokenize: () => terms,
      processTerm: (term) => term,
      ...(only || except ? { boostDocument: (id: unknown) => (keep(String(id)) ? 1 : 0) } : {}),
    });
    hits = results.map((result) => ({
      entry: catalog.byId.get(String(result.id)) ?? entryFromIndex(result.id, result[ENTRY_FIELD]),
      terms: result.terms,
      score: result.score,
    }));
  }

  if (request.sort === 'relevance') {
    hits.sort((a, b) => b.score - a.score || a.entry.position - b.entry.position);
  } else {
    const rank = rankOf(catalog, request.sort);
    hits.sort((a, b) => (rank[a.entry.position] ?? 0) - (rank[b.entry.position] ?? 0));
  }
  return hits.map(({ entry, terms: matched }) => ({ entry, terms: matched }));
}
