/**
 * The search bench's queries replayed in Node over a split index built from a seeds folder: what
 * each query fetches and how long it takes with its shards in, without a Vite build or a browser,
 * so that shard sizes and expansion limits can be tried in minutes. A query is typed a key at a
 * time and every prefix is searched, each answer fetching the entry files of its first screenful of
 * rows (the browser may skip some prefixes: this is the upper bound).
 *
 *   tsx tests/bench/search-replay.ts --seeds DIR [--postings-chars N] [--dictionary-terms N]
 */
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { loadCorpus } from '../../src/build/in-memory-corpus.ts';
import { ENTRY_PAGE_SIZE, toEntry } from '../../src/domain/articles/corpus-layout.ts';
import { limitSearchQuery } from '../../src/domain/search/query-limits.ts';
import { createSearchIndexReader } from '../../src/domain/search/search-index-reader.ts';
import { SEARCH_DIRECTORY_FILE, type SearchDirectory } from '../../src/domain/search/search-index-format.ts';
import { SearchIndexWriter } from '../../src/domain/search/search-index-writer.ts';
import { percentile, queriesFromSeeds } from './search-bench.ts';

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? undefined : process.argv[index + 1];
}

/** Rows of an answer's first screenful, as the list asks for them (`--rows`). */
const SCREENFUL = Number(option('rows') ?? 12);

const seeds = path.resolve(option('seeds') ?? 'seeds');
const postingsShardChars = option('postings-chars') ? Number(option('postings-chars')) : undefined;
const dictionaryShardTerms = option('dictionary-terms') ? Number(option('dictionary-terms')) : undefined;

const { articles } = loadCorpus(seeds);
const writer = new SearchIndexWriter({ postingsShardChars, dictionaryShardTerms });
articles.forEach((article, position) => writer.add(article, position));
const files = new Map(writer.finish().files);
const directory = JSON.parse(files.get(SEARCH_DIRECTORY_FILE) ?? '{}') as SearchDirectory;
const gzipped = new Map<string, number>();
const sizeOf = (file: string): number => {
  let size = gzipped.get(file);
  if (size === undefined) gzipped.set(file, (size = gzipSync(files.get(file) ?? '').length));
  return size;
};
const entries = articles.map((article, position) => toEntry(article, position));
const entryFileSize = (page: number): number => gzipSync(JSON.stringify(entries.slice(page * ENTRY_PAGE_SIZE, (page + 1) * ENTRY_PAGE_SIZE))).length;
let onDisk = 0;
for (const file of files.keys()) onDisk += sizeOf(file);
console.log(`${articles.length} articles, ${files.size} index files, ${(onDisk / 1024).toFixed(0)} KiB gzip in all`);

const fetched = new Set<string>([SEARCH_DIRECTORY_FILE]);
const reader = createSearchIndexReader(directory, (file) => {
  fetched.add(file);
  return Promise.resolve(JSON.parse(files.get(file) ?? 'null'));
});
const entryFiles = new Set<number>();
let lastKinds = { dictionary: 0, postings: 0, entries: 0 };

/** Types `query` a key at a time; returns the gzipped bytes of the files it newly fetched. */
async function typed(query: string): Promise<number> {
  const before = new Set(fetched);
  const entriesBefore = new Set(entryFiles);
  for (let end = 1; end <= query.length; end += 1) {
    // The list shows each answer as it comes, and fetches the rows of its first screenful.
    const hits = await reader.search({ text: limitSearchQuery(query.slice(0, end)).text, sort: 'relevance' });
    for (const hit of hits.slice(0, SCREENFUL)) entryFiles.add(Math.floor(hit.position / ENTRY_PAGE_SIZE));
  }
  const kinds = { dictionary: 0, postings: 0, entries: 0 };
  for (const file of fetched) if (!before.has(file)) kinds[/\/d\d+\.json$/.test(file) ? 'dictionary' : 'postings'] += sizeOf(file);
  for (const page of entryFiles) if (!entriesBefore.has(page)) kinds.entries += entryFileSize(page);
  lastKinds = kinds;
  return kinds.dictionary + kinds.postings + kinds.entries;
}

const queries = queriesFromSeeds(seeds);
const first = queries.get(2)?.[0] ?? '';
const firstBytes = (await typed(first)) + sizeOf(SEARCH_DIRECTORY_FILE);
const firstKinds = lastKinds;
const further: { query: string; bytes: number; kinds: typeof lastKinds }[] = [];
const latency = new Map<number, number[]>();
for (const [length, list] of queries) {
  for (const query of list) {
    if (query === first) continue;
    further.push({ query, bytes: await typed(query), kinds: lastKinds });
    // With its shards in: the time from the whole query to its answer.
    const started = performance.now();
    await reader.search({ text: limitSearchQuery(query).text, sort: 'relevance' });
    latency.set(length, [...(latency.get(length) ?? []), performance.now() - started]);
  }
}
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const worst = further.reduce((a, b) => (b.bytes > a.bytes ? b : a));
const parts = (kinds: typeof lastKinds) => Object.entries(kinds).map(([kind, bytes]) => `${kind} ${kib(bytes)}`).join(', ');
console.log(`first search "${first}": ${kib(firstBytes)} (${parts(firstKinds)})`);
console.log(`further queries: max ${kib(worst.bytes)} ("${worst.query}": ${parts(worst.kinds)}), median ${kib(percentile(further.map((f) => f.bytes), 0.5))}`);
console.log(`further queries over 100 KiB: ${further.filter((f) => f.bytes > 100 * 1024).length} of ${further.length}`);
const all = [...latency.values()].flat();
console.log(`p95 by words: ${[...latency].map(([words, times]) => `${words}w ${percentile(times, 0.95).toFixed(1)}`).join(', ')}; all ${percentile(all, 0.95).toFixed(1)} ms`);
