import type { Article } from '../articles/article.ts';
import { encodePostings, MAX_IMPACT } from './posting-codec.ts';
import { compareTerms, dictionaryShardFile, postingsShardFile, SEARCH_DIRECTORY_FILE, SEARCH_FORMAT_VERSION, type DictionaryShard, type PostingsShard, type SearchDirectory } from './search-index-format.ts';
import { PostingAccumulator, type TermPostings } from './posting-accumulator.ts';
import { decodeSearchSnapshot, encodeSearchSnapshot } from './search-index-snapshot.ts';
import { processTerm, tokenize } from './search-terms.ts';

/**
 * Builds the split search index (see search-index-format.ts). Articles are added one at a time, in
 * any batches, and only their term counts are kept, never their text, packed a few bytes a posting
 * (41 million postings of 110,000 terms at 100,000 generated articles: about 230 MiB in all);
 * `finish` scores the postings and makes the files one at a time as the caller takes them. Pure:
 * no I/O.
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

/** What `finish` gives: the index's files, made one at a time as they are iterated, the directory last. */
export interface SearchIndexOutput {
  /** [path under the data folder, JSON text]; iterate once, writing each file as it comes. */
  files: Iterable<[string, string]>;
}

/**
 * Folded terms of the words seen lately: a collection's words follow Zipf's law, so most words
 * were folded before, and folding (Unicode normalisation and a regular expression) is the costly
 * part of indexing. Emptied when full, so its memory stays bounded on any collection.
 */
const FOLD_CACHE_WORDS = 200_000;

export interface SearchIndexWriterOptions {
  postingsShardChars?: number;
  dictionaryShardTerms?: number;
}

/** BM25's term-frequency saturation of `count` under length normalisation `norm`. */
const saturate = (count: number, norm: number): number => (count === 0 ? 0 : (count * (K1 + 1)) / (count + K1 * norm));

/**
 * Scores a term's postings into impacts and encodes them: kept out of `scoredFiles`, a generator,
 * so that this loop over forty million postings is optimised as plain code.
 */
class ImpactEncoder {
  private impacts = new Uint8Array(1024);

  /** `norms`: each position's length normalisation. */
  constructor(private readonly norms: Float64Array) {}

  encode({ positions, headlineCounts, textCounts }: TermPostings): string {
    if (positions.length > this.impacts.length) this.impacts = new Uint8Array(Math.max(positions.length, this.impacts.length * 2));
    const { impacts, norms } = this;
    for (let index = 0; index < positions.length; index += 1) {
      const weight = HEADLINE_BOOST * saturate(headlineCounts[index] ?? 0, 1) + saturate(textCounts[index] ?? 0, norms[positions[index] ?? 0] ?? 0);
      impacts[index] = Math.max(1, Math.round((weight / MAX_WEIGHT) * MAX_IMPACT));
    }
    return encodePostings(positions, impacts.subarray(0, positions.length));
  }
}

export class SearchIndexWriter {
  private readonly postingsShardChars: number;
  private readonly dictionaryShardTerms: number;

  constructor(options: SearchIndexWriterOptions = {}) {
    this.postingsShardChars = options.postingsShardChars ?? POSTINGS_SHARD_CHARS;
    this.dictionaryShardTerms = options.dictionaryShardTerms ?? DICTIONARY_SHARD_TERMS;
  }

  /** Every (term, article) pair with its counts, a few bytes each (see posting-accumulator.ts). */
  private postings: PostingAccumulator | null = new PostingAccumulator();
  /** Words in each article's text, by position; grown as positions come. */
  private lengths = new Int32Array(1024);
  private documents = 0;
  /** Word → the numbers of the terms it folds to (see FOLD_CACHE_WORDS). */
  private readonly folded = new Map<string, readonly number[]>();
  /** The article being added: its count of each term, by term number, and the terms it has. */
  private headlineCounts = new Int32Array(1024);
  private textCounts = new Int32Array(1024);
  private readonly articleTerms: number[] = [];

  /** Counts the terms of `text` into `counts` (by term number); returns how many words it has. */
  private countTerms(postings: PostingAccumulator, text: string, inHeadline: boolean): number {
    let words = 0;
    for (const word of tokenize(text)) {
      let ids = this.folded.get(word);
      if (ids === undefined) {
        const folded = processTerm(word);
        ids = (folded === null ? [] : Array.isArray(folded) ? folded : [folded]).map((term) => postings.termId(term));
        if (this.folded.size >= FOLD_CACHE_WORDS) this.folded.clear();
        this.folded.set(word, ids);
      }
      for (const id of ids) {
        if (id >= this.textCounts.length) this.growCounts(id + 1);
        if ((this.headlineCounts[id] ?? 0) === 0 && (this.textCounts[id] ?? 0) === 0) this.articleTerms.push(id);
        if (inHeadline) this.headlineCounts[id] = (this.headlineCounts[id] ?? 0) + 1;
        else this.textCounts[id] = (this.textCounts[id] ?? 0) + 1;
        words += 1;
      }
    }
    return words;
  }

  private growCounts(needed: number): void {
    const size = Math.max(needed, this.textCounts.length * 2);
    const headline = new Int32Array(size);
    headline.set(this.headlineCounts);
    const text = new Int32Array(size);
    text.set(this.textCounts);
    this.headlineCounts = headline;
    this.textCounts = text;
  }

  /** How many positions the writer holds: one past the highest position added. */
  get documentCount(): number {
    return this.documents;
  }

  /**
   * Everything `finish` needs, as bytes (see search-index-snapshot.ts): restoring them and adding
   * more articles writes the same files as adding them all to one writer. The chunks are partly
   * views of the writer's memory: write each one out before adding another article.
   */
  snapshot(): Iterable<Uint8Array> {
    const postings = this.postings;
    if (!postings) throw new Error('the search index is finished: its postings are gone, there is nothing to snapshot');
    return encodeSearchSnapshot({ postings: postings.state(), lengths: this.lengths, documents: this.documents });
  }

  /** A writer that continues from a snapshot (see `snapshot`). Throws, saying why, for a snapshot that cannot be trusted. */
  static restore(snapshot: Iterable<Uint8Array>, options: SearchIndexWriterOptions = {}): SearchIndexWriter {
    const state = decodeSearchSnapshot(snapshot);
    const writer = new SearchIndexWriter(options);
    writer.postings = PostingAccumulator.fromState(state.postings);
    writer.lengths = state.lengths.length > 0 ? (state.lengths as Int32Array<ArrayBuffer>) : writer.lengths;
    writer.documents = state.documents;
    return writer;
  }

  /**
   * Moves the article at each position to `newPosition[position]`, or drops it where that is
   * negative (or missing): after seeds are removed, edited or inserted, a restored writer keeps the
   * articles that did not change, and the changed ones are added again at their new positions. The
   * kept positions must stay in order (checked). Adding the rest then writes the same files as a
   * fresh writer given every article.
   */
  movePositions(newPosition: ArrayLike<number>): void {
    const postings = this.postings;
    if (!postings) throw new Error('the search index is finished: its articles cannot be moved');
    let documents = 0;
    for (let position = 0; position < this.documents; position += 1) {
      const moved = newPosition[position] ?? -1;
      if (moved < 0) continue;
      if (moved < documents || !Number.isInteger(moved)) throw new Error(`articles must keep their order when moved: position ${position} goes to ${moved}, not after ${documents - 1}`);
      documents = moved + 1;
    }
    const lengths = new Int32Array(Math.max(1024, documents));
    for (let position = 0; position < this.documents; position += 1) {
      const moved = newPosition[position] ?? -1;
      if (moved >= 0) lengths[moved] = this.lengths[position] ?? 0;
    }
    this.postings = postings.remapped(newPosition);
    this.lengths = lengths;
    this.documents = documents;
    this.folded.clear();
  }

  /** Adds an article at its position in file order. */
  add(article: Pick<Article, 'headline' | 'paragraphs'>, position: number): void {
    const postings = this.postings;
    if (!postings) throw new Error('the search index is finished: no article can be added');
    this.countTerms(postings, article.headline, true);
    const length = this.countTerms(postings, article.paragraphs.join('\n'), false);
    if (position >= this.lengths.length) {
      const lengths = new Int32Array(Math.max(position + 1, this.lengths.length * 2));
      lengths.set(this.lengths);
      this.lengths = lengths;
    }
    this.lengths[position] = length;
    this.documents = Math.max(this.documents, position + 1);
    for (const id of this.articleTerms) {
      postings.addById(id, position, this.headlineCounts[id] ?? 0, this.textCounts[id] ?? 0);
      this.headlineCounts[id] = 0;
      this.textCounts[id] = 0;
    }
    this.articleTerms.length = 0;
  }

  /**
   * Scores every posting and yields the shards, then the directory, one file at a time: the caller
   * writes each and lets it go. The collected postings are released when the last file is made.
   */
  finish(): SearchIndexOutput {
    const postings = this.postings;
    if (!postings) throw new Error('the search index is already finished');
    this.postings = null;
    this.folded.clear();
    return { files: this.scoredFiles(postings) };
  }

  private *scoredFiles(postings: PostingAccumulator): Generator<[string, string]> {
    let total = 0;
    for (let position = 0; position < this.documents; position += 1) total += this.lengths[position] ?? 0;
    const average = Math.max(1, total / Math.max(1, this.documents));
    // Each position's length normalisation, worked out once rather than once per posting (the same
    // arithmetic, so the same impacts to the last bit).
    const norms = new Float64Array(this.documents);
    for (let position = 0; position < this.documents; position += 1) norms[position] = 1 - B + (B * (this.lengths[position] ?? 0)) / average;
    const impacts = new ImpactEncoder(norms);

    const terms = [...postings.termList()].sort(compareTerms);
    const directory: SearchDirectory = { version: SEARCH_FORMAT_VERSION, documents: this.documents, dictionary: [], postings: [] };

    let dictionary: DictionaryShard = { terms: [], counts: [] };
    let shard: PostingsShard = {};
    let shardFirst: string | null = null;
    let shardChars = 0;

    for (const term of terms) {
      const read = postings.readShared(term);
      const encoded = impacts.encode(read);
      if (shardFirst !== null && shardChars + encoded.length > this.postingsShardChars) {
        yield [postingsShardFile(directory.postings.length), JSON.stringify(shard)];
        directory.postings.push(shardFirst);
        shard = {};
        shardFirst = null;
        shardChars = 0;
      }
      shardFirst ??= term;
      shard[term] = encoded;
      shardChars += encoded.length + term.length;
      dictionary.terms.push(term);
      dictionary.counts.push(read.positions.length);
      if (dictionary.terms.length >= this.dictionaryShardTerms) {
        yield [dictionaryShardFile(directory.dictionary.length), JSON.stringify(dictionary)];
        directory.dictionary.push(dictionary.terms[0] ?? '');
        dictionary = { terms: [], counts: [] };
      }
    }
    if (shardFirst !== null) {
      yield [postingsShardFile(directory.postings.length), JSON.stringify(shard)];
      directory.postings.push(shardFirst);
    }
    if (dictionary.terms.length > 0) {
      yield [dictionaryShardFile(directory.dictionary.length), JSON.stringify(dictionary)];
      directory.dictionary.push(dictionary.terms[0] ?? '');
    }
    yield [SEARCH_DIRECTORY_FILE, JSON.stringify(directory)];
  }
}

/** The split index of `articles`, in file order, all in memory: for tests and small collections. */
export function buildSearchFiles(articles: readonly Pick<Article, 'headline' | 'paragraphs'>[]): SearchIndexFiles {
  const writer = new SearchIndexWriter();
  articles.forEach((article, position) => writer.add(article, position));
  const files = new Map(writer.finish().files);
  const directory = JSON.parse(files.get(SEARCH_DIRECTORY_FILE) ?? '{}') as SearchDirectory;
  return { directory, files };
}
