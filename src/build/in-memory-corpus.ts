import { createHash } from 'node:crypto';
import type { Article } from '../domain/articles/article.ts';
import { buildCorpus, type Corpus, type SeedFile } from '../domain/articles/build-corpus.ts';
import { layoutCorpus, LIST_PAGE_SIZE, type ArticleEntry, type CorpusManifest } from '../domain/articles/corpus-layout.ts';
import { SearchIndexWriter } from '../domain/search/search-index-writer.ts';
import { listSeeds, readSeed } from './seed-scan.ts';

/**
 * The collection held whole in memory: the dev server's data files, and the tests' and tools'
 * corpus. The production build streams instead (seed-scan.ts, write-corpus.ts).
 */

/** Reads every seed file; a file that cannot be read is reported like one that cannot be parsed. */
export function readSeedsFolder(seedsDir: string): { files: SeedFile[]; unreadable: Corpus['skipped'] } {
  const { names, problem } = listSeeds(seedsDir);
  const files: SeedFile[] = [];
  const unreadable: Corpus['skipped'] = problem ? [problem] : [];
  for (const name of names) {
    const read = readSeed(seedsDir, name);
    if ('problem' in read) unreadable.push(read.problem);
    else files.push({ name, bytes: read.bytes });
  }
  return { files, unreadable };
}

export function loadCorpus(seedsDir: string): Corpus {
  const { files, unreadable } = readSeedsFolder(seedsDir);
  const corpus = buildCorpus(files);
  return { ...corpus, skipped: [...unreadable, ...corpus.skipped] };
}

/** A collection laid out as the app's data files, with the manifest that finds them (the dev server's, held in memory). */
export interface CorpusBuild {
  manifest: CorpusManifest;
  firstPage: ArticleEntry[];
  /** Full path under the output folder → JSON text. */
  files: Map<string, string>;
}

export function buildCorpusData(articles: readonly Article[]): CorpusBuild {
  const { files, firstPage, shards } = layoutCorpus(articles);
  // Fed one article at a time: the writer keeps term counts, not texts.
  const search = new SearchIndexWriter();
  articles.forEach((article, position) => search.add(article, position));
  for (const [path, json] of search.finish().files) files.push({ path, json });
  // The folder is named by a hash of every file in it, so each file can be cached for ever.
  const hash = createHash('sha256');
  for (const file of files) hash.update(file.path).update('\0').update(file.json).update('\0');
  const manifest: CorpusManifest = { total: articles.length, pageSize: LIST_PAGE_SIZE, shards, dataDir: `data/${hash.digest('hex').slice(0, 10)}/`, articleDir: '' };
  // The dev server's files are all in one folder, held in memory.
  manifest.articleDir = manifest.dataDir;
  const output = new Map(files.map((file) => [`${manifest.dataDir}${file.path}`, file.json]));
  return { manifest, firstPage, files: output };
}

