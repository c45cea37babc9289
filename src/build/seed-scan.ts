import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ArticleSummary } from '../domain/articles/article.ts';
import { CorpusScan, readSeedRecord, seedFileOrder, type SeedProblem, type SeedRecord, type UnslugArticle } from '../domain/articles/build-corpus.ts';
import type { ArticleEntry } from '../domain/articles/corpus-layout.ts';

/** The whole collection without its text: what the build's first pass keeps. */
export interface ScannedCorpus {
  /** Every article's list entry, in file order (position = index). */
  entries: ArticleEntry[];
  /** The seed file of each article, by position, to read its text again in the second pass. */
  seedFiles: string[];
  skipped: SeedProblem[];
  warnings: SeedProblem[];
  /** A hash of every seed's name and bytes, in file order. */
  contentHash: string;
  /** The sha256 of each article's seed, by position. */
  seedHashes: string[];
  /** Every seed read (skipped ones too) by the sha256 of its bytes: what a build cache keeps. */
  records: Map<string, SeedRecord>;
  /** Seeds taken from `known` records rather than parsed. */
  reused: number;
}

/** The `.txt` seed names in a folder, in file order, or why the folder cannot be read. */
export function listSeeds(seedsDir: string): { names: string[]; problem?: SeedProblem } {
  try {
    const names = readdirSync(seedsDir, { withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => entry.name);
    return { names: seedFileOrder(names) };
  } catch (error) {
    return { names: [], problem: { file: '', message: `cannot read the seeds folder (${(error as Error).message})` } };
  }
}

/** One seed's bytes, or why it cannot be read (reported like a seed that cannot be parsed). */
export function readSeed(seedsDir: string, name: string): { bytes: Uint8Array } | { problem: SeedProblem } {
  try {
    return { bytes: readFileSync(path.join(seedsDir, name)) };
  } catch (error) {
    return { problem: { file: name, message: `cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'})` } };
  }
}

export interface ScanHooks {
  /** Told the seed names in file order before any is read (to start work on them elsewhere). */
  onListed?: (names: readonly string[]) => void;
  /** Sees each parsed article, text and all, at its position, for an index built in the same pass (not told of seeds found in `known`). */
  onArticle?: (article: UnslugArticle, position: number) => void;
  /** Records of seeds parsed by an earlier build, by the sha256 of their bytes: such a seed is not parsed again. */
  known?: ReadonlyMap<string, SeedRecord> | undefined;
}

export function seedHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * The build's first pass: reads every seed once, in file order, and keeps only its summary;
 * nothing here keeps the text.
 */
export function scanSeedsFolder(seedsDir: string, hooks: ScanHooks = {}): ScannedCorpus {
  const scan = new CorpusScan();
  const { names, problem } = listSeeds(seedsDir);
  if (problem) scan.addUnreadable(problem);
  hooks.onListed?.(names);
  const hash = createHash('sha256');
  const records = new Map<string, SeedRecord>();
  const seedHashes: string[] = [];
  let reused = 0;
  for (const name of names) {
    const read = readSeed(seedsDir, name);
    if ('problem' in read) {
      scan.addUnreadable(read.problem);
      continue;
    }
    const { bytes } = read;
    const contentHash = seedHash(bytes);
    hash.update(name).update('\0').update(contentHash).update('\0');
    let record = hooks.known?.get(contentHash);
    let paragraphs: string[] | null = null;
    if (record) reused += 1;
    else ({ record, paragraphs } = readSeedRecord(bytes));
    records.set(contentHash, record);
    const summary = scan.addRecord(name, record);
    if (!summary) continue;
    if (paragraphs) hooks.onArticle?.({ ...summary, paragraphs }, seedHashes.length);
    seedHashes.push(contentHash);
  }
  const { summaries, skipped, warnings } = scan.finish();
  const seedFiles = summaries.map((summary) => summary.file);
  const entries = summaries.map(({ file: _file, ...summary }: ArticleSummary & { file: string }, index): ArticleEntry => ({ ...summary, position: index }));
  return { entries, seedFiles, skipped, warnings, contentHash: hash.digest('hex'), seedHashes, records, reused };
}
