import type { Article } from '../articles/article.ts';
import { encodePostings, MAX_IMPACT } from './posting-codec.ts';
import { compareTerms, dictionaryShardFile, postingsShardFile, SEARCH_DIRECTORY_FILE, SEARCH_FORMAT_VERSION, type DictionaryShard, type PostingsShard, type SearchDirectory } from './search-index-format.ts';
import { processTerm, tokenize } from './search-terms.ts';

/**
 * Builds the split search index (see search-index-format.ts). Articles are added one at a time, in
 * any batches, and only their term counts are kept, never their text; `finish` scores and writes
 * every file. Pure: no I/O.
 *
 * Each posting carries an impact: the article's BM25 weight for that term (Robertson and
 * Zaragoza's term-frequency saturation with length normalisation), with a headline match counted
 * HEADLINE_BOOST times, quantized to 0–63. The query multiplies it by the term's rarity (its IDF,
 * known from the dictionary), so ranking needs no per-article table at query time.
 */

/** A match in the headline weighs this many matches in the text. */
export const HEADLINE_BOOST = 2;
/** BM25's saturation (how much a repeated word adds) and length normalisation, at their usual values. */
const K1 = 1.2;
const B = 0.75;
/** The highest weight one term can have in one article: both parts saturated. */
const MAX_WEIGHT = (HEADLINE_BOOST + 1) * (K1 + 1);

/**
 * About this many characters of encoded postings per postings shard (4–6 KiB gzipped), and terms per
 * dictionary shard (about 1.6 KiB): measured on 10,000 generated articles, smaller shards cut the
 * bytes a typed query fetches (a shard is paid for whole) at the cost of more files.
 */
export const POSTINGS_SHARD_CHARS = 6_000;
export const DICTIONARY_SHARD_TERMS = 400;

export interface SearchIndexFiles {
  directory: SearchDirectory;
  /** Path under the data folder → JSON text. */
  files: Map<string, string>;
}

function countTerms(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of tokenize(text)) {
    const folded = processTerm(word);
    if (folded === null) continue;
    for (const term of Array.isArray(folded) ? folded : [folded]) counts.set(term, (counts.get(term) ?? 0) + 1);
  }
  return counts;
}

export interface SearchIndexWriterOptions {
  postingsShardChars?: number;
  dictionaryShardTerms?: number;
}

export class SearchIndexWriter {
  private readonly postingsShardChars: number;
  private readonly dictionaryShardTerms: number;

  constructor(options: SearchIndexWriterOptions = {}) {
    this.postingsShardChars = options.postingsShardChars ?? POSTINGS_SHARD_CHARS;
    this.dictionaryShardTerms = options.dictionaryShardTerms ?? DICTIONARY_SHARD_TERMS;
  }

  /** Term → flat [position, headline count, text count, …], positions ascending if added in order. */
  private readonly postings = new Map<string, number[]>();
  /** Words in each article's text, by position. */
  private readonly lengths: number[] = [];
  private documents = 0;

  /** Adds an article at its position in file order. */
  add(article: Pick<Article, 'headline' | 'paragraphs'>, position: number): void {
    const headline = countTerms(article.headline);
    const body = countTerms(article.paragraphs.join('\n'));
    let length = 0;
    for (const count of body.values()) length += count;
    this.lengths[position] = length;
    this.documents = Math.max(this.documents, position + 1);
    for (const term of new Set([...headline.keys(), ...body.keys()])) {
      let list = this.postings.get(term);
      if (!list) this.postings.set(term, (list = []));
      list.push(position, headline.get(term) ?? 0, body.get(term) ?? 0);
    }
  }

  /** Scores every posting and writes the directory and the shards. */
  finish(): SearchIndexFiles {
    let total = 0;
    for (const length of this.lengths) total += length ?? 0;
    const average = Math.max(1, total / Math.max(1, this.documents));
    const saturate = (count: number, norm: number): number => (count === 0 ? 0 : (count * (K1 + 1)) / (count + K1 * norm));

    const terms = [...this.postings.keys()].sort(compareTerms);
    const files = new Map<string, string>();
    const directory: SearchDirectory = { version: SEARCH_FORMAT_VERSION, documents: this.documents, dictionary: [], postings: [] };

    let dictionary: DictionaryShard = { terms: [], counts: [] };
    const flushDictionary = (): void => {
      if (dictionary.terms.length === 0) return;
      files.set(dictionaryShardFile(directory.dictionary.length), JSON.stringify(dictionary));
      directory.dictionary.push(dictionary.terms[0] ?? '');
      dictionary = { terms: [], counts: [] };
    };
    let shard: PostingsShard = {};
    let shardFirst: string | null = null;
    let shardChars = 0;
    const flushPostings = (): void => {
      if (shardFirst === null) return;
      files.set(postingsShardFile(directory.postings.length), JSON.stringify(shard));
      directory.postings.push(shardFirst);
      shard = {};
      shardFirst = null;
      shardChars = 0;
    };

    for (const term of terms) {
      const flat = this.postings.get(term) ?? [];
      const rows = Array.from({ length: flat.length / 3 }, (_, row) => row * 3).sort((a, b) => (flat[a] ?? 0) - (flat[b] ?? 0));
      const positions = rows.map((row) => flat[row] ?? 0);
      const impacts = rows.map((row) => {
        const position = flat[row] ?? 0;
        const norm = 1 - B + (B * (this.lengths[position] ?? 0)) / average;
        const weight = HEADLINE_BOOST * saturate(flat[row + 1] ?? 0, 1) + saturate(flat[row + 2] ?? 0, norm);
        return Math.max(1, Math.round((weight / MAX_WEIGHT) * MAX_IMPACT));
      });
      const encoded = encodePostings(positions, impacts);
      if (shardFirst !== null && shardChars + encoded.length > this.postingsShardChars) flushPostings();
      shardFirst ??= term;
      shard[term] = encoded;
      shardChars += encoded.length + term.length;
      dictionary.terms.push(term);
      dictionary.counts.push(positions.length);
      if (dictionary.terms.length >= this.dictionaryShardTerms) flushDictionary();
    }
    flushPostings();
    flushDictionary();
    files.set(SEARCH_DIRECTORY_FILE, JSON.stringify(directory));
    return { directory, files };
  }
}

/** The split index of `articles`, in file order. */
export function buildSearchFiles(articles: readonly Pick<Article, 'headline' | 'paragraphs'>[]): SearchIndexFiles {
  const writer = new SearchIndexWriter();
  articles.forEach((article, position) => writer.add(article, position));
  return writer.finish();
}
