/**
 * The search index at scale, in Node, without a site build: feeds every seed of a folder to the
 * index writer one at a time (as the build does), then writes the files it yields one at a time,
 * and reports the writer's time, the process's peak memory, and the index's files. The last
 * APPENDED articles take an incremental rebuild's path: the writer's snapshot is saved, the writer
 * dropped, a writer restored from the file (its digest checked) and given those articles, and that
 * writer makes the files (the same files: see search-index-snapshot.test.ts). Then replays
 * the bench's first search (two words typed a key at a time, a search for every prefix) against
 * the written files with the app's own reader, and counts the gzipped bytes it fetched. Used by
 * `npm run bench -- --only scale`; runs alone:
 *
 *   tsx tests/bench/search-index-bench.ts --seeds DIR [--out DIR] [--json]
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { parseSeed } from '../../src/domain/articles/parse-seed.ts';
import { SEARCH_DIRECTORY_FILE, isSearchDirectory } from '../../src/domain/search/search-index-format.ts';
import { createSearchIndexReader } from '../../src/domain/search/search-index-reader.ts';
import { SearchIndexWriter } from '../../src/domain/search/search-index-writer.ts';
import { loadSearchSnapshot, saveSearchSnapshot } from '../../src/build/search-index-snapshot-file.ts';
import { queriesFromSeeds } from './search-bench.ts';

/** Articles added after the snapshot: a day's news on a large archive (the issue's rebuild case). */
const APPENDED = 10;

export interface SearchIndexFigures {
  articles: number;
  /** Adding every article (all but the appended ones to the first writer), then writing every file. */
  addSeconds: number;
  finishSeconds: number;
  /** The incremental path: the snapshot's size, saving it, restoring it (digest and checksum checked), adding the last APPENDED articles. */
  snapshotBytes: number;
  snapshotSaveSeconds: number;
  snapshotLoadSeconds: number;
  appendedArticles: number;
  appendSeconds: number;
  /** The process's peak resident memory (parsing included), and the heap after the last add. */
  peakRssMiB: number;
  heapAfterAddsMiB: number;
  files: number;
  bytes: number;
  largestFile: { path: string; bytes: number };
  firstQuery: string;
  /** Gzipped bytes the first search fetched from the index, by file kind (directory, dictionary, postings). */
  firstSearchBytes: number;
  firstSearchByKind: Map<string, number>;
}

const MiB = 2 ** 20;

export async function measureSearchIndex(seedsDir: string, outDir: string): Promise<SearchIndexFigures> {
  const names = readdirSync(seedsDir)
    .filter((name) => name.endsWith('.txt'))
    .sort();
  const parsedSeeds = function* (from: number, to: number) {
    for (const name of names.slice(from, to)) {
      const parsed = parseSeed(readFileSync(path.join(seedsDir, name)));
      if (parsed.ok) yield { headline: parsed.headline, paragraphs: parsed.paragraphs };
    }
  };
  const kept = Math.max(0, names.length - APPENDED);
  let first: SearchIndexWriter | null = new SearchIndexWriter();
  let position = 0;
  const added = performance.now();
  for (const article of parsedSeeds(0, kept)) {
    first.add(article, position);
    position += 1;
  }
  const addSeconds = (performance.now() - added) / 1000;
  const heapAfterAddsMiB = process.memoryUsage().heapUsed / MiB;

  const snapshotFile = path.join(outDir, 'search.snapshot');
  const saving = performance.now();
  const saved = saveSearchSnapshot(snapshotFile, first.snapshot());
  const snapshotSaveSeconds = (performance.now() - saving) / 1000;
  first = null;
  const loading = performance.now();
  const writer = loadSearchSnapshot(snapshotFile, saved.digest);
  const snapshotLoadSeconds = (performance.now() - loading) / 1000;
  rmSync(snapshotFile);
  const appending = performance.now();
  const appendFrom = position;
  for (const article of parsedSeeds(kept, names.length)) {
    writer.add(article, position);
    position += 1;
  }
  const appendSeconds = (performance.now() - appending) / 1000;

  const finished = performance.now();
  let files = 0;
  let bytes = 0;
  let largestFile = { path: '', bytes: 0 };
  for (const [file, json] of writer.finish().files) {
    const target = path.join(outDir, file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, json);
    const size = Buffer.byteLength(json);
    files += 1;
    bytes += size;
    if (size > largestFile.bytes) largestFile = { path: file, bytes: size };
  }
  const finishSeconds = (performance.now() - finished) / 1000;
  const peakRssMiB = process.resourceUsage().maxRSS / 1024;

  // The first search, replayed: every prefix of the query as it is typed, through the app's reader.
  const fetched = new Set<string>();
  const byKind = new Map<string, number>();
  const load = (file: string): unknown => {
    const json = readFileSync(path.join(outDir, file), 'utf8');
    if (!fetched.has(file)) {
      fetched.add(file);
      const kind = file === SEARCH_DIRECTORY_FILE ? 'directory' : /\/d\d+\.json$/.test(file) ? 'dictionary' : 'postings';
      byKind.set(kind, (byKind.get(kind) ?? 0) + gzipSync(json).length);
    }
    return JSON.parse(json);
  };
  const directory = load(SEARCH_DIRECTORY_FILE);
  if (!isSearchDirectory(directory)) throw new Error('the writer wrote no search directory');
  const reader = createSearchIndexReader(directory, (file) => Promise.resolve().then(() => load(file)));
  const firstQuery = queriesFromSeeds(seedsDir).get(2)?.[0] ?? 'government';
  for (let typed = 1; typed <= firstQuery.length; typed += 1) await reader.search({ text: firstQuery.slice(0, typed), sort: 'relevance' });
  const firstSearchBytes = [...byKind.values()].reduce((sum, size) => sum + size, 0);

  return { articles: position, addSeconds, finishSeconds, snapshotBytes: saved.bytes, snapshotSaveSeconds, snapshotLoadSeconds, appendedArticles: position - appendFrom, appendSeconds, peakRssMiB, heapAfterAddsMiB, files, bytes, largestFile, firstQuery, firstSearchBytes, firstSearchByKind: byKind };
}

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? undefined : process.argv[index + 1];
}

// The whole path: bench.ts, which imports this file, ends with the same letters as its name.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const seeds = path.resolve(option('seeds') ?? 'seeds');
  const given = option('out');
  const out = given ? path.resolve(given) : mkdtempSync(path.join(os.tmpdir(), 'broadsheet-search-index-'));
  try {
    const figures = await measureSearchIndex(seeds, out);
    const kib = (size: number) => `${(size / 1024).toFixed(1)} KiB`;
    if (process.argv.includes('--json')) console.log(JSON.stringify({ ...figures, firstSearchByKind: Object.fromEntries(figures.firstSearchByKind) }));
    else {
      console.log(`${figures.articles} articles: add ${figures.addSeconds.toFixed(1)} s, finish ${figures.finishSeconds.toFixed(1)} s`);
      console.log(`snapshot of ${figures.articles - figures.appendedArticles}: ${(figures.snapshotBytes / MiB).toFixed(1)} MiB, save ${figures.snapshotSaveSeconds.toFixed(2)} s, load ${figures.snapshotLoadSeconds.toFixed(2)} s; add ${figures.appendedArticles} more ${figures.appendSeconds.toFixed(2)} s`);
      console.log(`peak RSS ${Math.round(figures.peakRssMiB)} MiB, heap after adds ${Math.round(figures.heapAfterAddsMiB)} MiB`);
      console.log(`${figures.files} files, ${(figures.bytes / MiB).toFixed(1)} MiB, largest ${figures.largestFile.path} ${kib(figures.largestFile.bytes)}`);
      console.log(`first search "${figures.firstQuery}": ${kib(figures.firstSearchBytes)} gzip (${[...figures.firstSearchByKind].map(([kind, size]) => `${kind} ${kib(size)}`).join(', ')})`);
    }
  } finally {
    if (!given) rmSync(out, { recursive: true, force: true });
  }
}
