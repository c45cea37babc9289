import { parentPort, workerData } from 'node:worker_threads';
import { parseSeed } from '../domain/articles/parse-seed.ts';
import { SearchIndexWriter } from '../domain/search/search-index-writer.ts';
import { loadSearchSnapshot, saveSearchSnapshot, type SavedSearchSnapshot } from './search-index-snapshot-file.ts';
import { folderWriter } from './write-corpus.ts';
import { readSeed } from './seed-scan.ts';

/**
 * The search index, built on a thread of its own while the main thread scans the same seeds and
 * later renders pages: on two cores the build's two largest costs run side by side. It reads the
 * seeds itself, in the file order it is given, and counts an article wherever parsing succeeds,
 * exactly as the scan does, so positions agree (checked: the article counts must match).
 *
 * A rebuild can start from the last build's snapshot of the index writer (see
 * search-index-snapshot-file.ts) and read only the seeds it does not hold: the new and the edited
 * ones. A snapshot that cannot be trusted is set aside, with the reason reported, and every seed is
 * read instead.
 */
export interface SearchWorkerInput {
  seedsDir: string;
  /** The seed names in file order. */
  names: string[];
  /** The last build's snapshot of the index writer, to start from instead of reading every seed. */
  snapshot?: SearchSnapshotInput;
  /** Where to save the writer's snapshot once every seed is indexed (before the files are made). */
  saveSnapshot?: string;
}

/**
 * A snapshot file and the SHA-256 (hex) of its bytes as the build cache recorded it, with which
 * seeds its articles came from: either the first `names` seeds of `names` (seeds were only added
 * after them), or, for any change, `seeds`: for each of its articles in position order, the index
 * in `names` of its seed if that seed is unchanged, or -1 if it was removed or edited (the kept
 * indexes in increasing order). Its articles then keep or change position, and only the seeds it
 * does not hold are read.
 */
export type SearchSnapshotInput = { file: string; digest: string; names: number } | { file: string; digest: string; seeds: number[] };

/** What became of the snapshots: reported with the article count. */
export interface SearchSnapshotReport {
  /** Seeds whose articles came from the snapshot instead of being read: 0 without one, or if it was rejected. */
  reusedNames: number;
  /** Why the given snapshot was not used (missing, another digest, damaged, another version…). */
  rejected?: string;
  /** The snapshot saved, if `saveSnapshot` was asked for and writing it worked. */
  saved?: SavedSearchSnapshot;
  /** Why saving failed: the index is still built, only the next build cannot reuse it. */
  saveFailed?: string;
}

export type SearchWorkerRequest = { type: 'finish'; outDir: string; dataDir: string };
export type SearchWorkerMessage =
  | { type: 'indexed'; articles: number; snapshot: SearchSnapshotReport }
  | { type: 'written'; files: [path: string, bytes: number][] }
  | { type: 'failed'; message: string };

/** Reads and parses a seed as the scan does: null where the scan skips it (and reports why). */
function parsedSeed(seedsDir: string, name: string): Parameters<SearchIndexWriter['add']>[0] | null {
  const read = readSeed(seedsDir, name);
  if ('problem' in read) return null;
  const parsed = parseSeed(read.bytes);
  return parsed.ok ? parsed : null;
}

/**
 * Indexes every seed into a fresh writer, or into the snapshot's writer those it does not hold;
 * returns the writer and what became of the snapshot.
 */
function indexSeeds({ seedsDir, names, snapshot }: SearchWorkerInput): { writer: SearchIndexWriter; report: SearchSnapshotReport } {
  const everySeed = (rejected?: string) => ({ writer: indexedFrom(new SearchIndexWriter(), seedsDir, names, 0), report: { reusedNames: 0, ...(rejected !== undefined && { rejected }) } });
  if (!snapshot) return everySeed();
  let restored: SearchIndexWriter;
  try {
    restored = loadSearchSnapshot(snapshot.file, snapshot.digest);
  } catch (error) {
    return everySeed((error as Error).message);
  }
  const plan = 'seeds' in snapshot ? movesOf(snapshot.seeds, restored.documentCount, names.length) : prefixOf(snapshot.names, names.length);
  if (typeof plan === 'string') return everySeed(plan);
  if ('prefix' in plan) return { writer: indexedFrom(restored, seedsDir, names, plan.prefix), report: { reusedNames: plan.prefix } };

  // Which seeds make articles, and so every position, is known only once the seeds the snapshot
  // does not hold are parsed; those are parsed again when added, rather than all held meanwhile.
  const newPosition = new Int32Array(restored.documentCount).fill(-1);
  const added: [name: string, position: number][] = [];
  let position = 0;
  names.forEach((name, index) => {
    const old = plan.oldPosition[index] ?? -1;
    if (old >= 0) newPosition[old] = position++;
    else if (parsedSeed(seedsDir, name)) added.push([name, position++]);
  });
  if (newPosition.some((moved, old) => moved !== old)) restored.movePositions(newPosition);
  for (const [name, at] of added) {
    const article = parsedSeed(seedsDir, name);
    if (!article) throw new Error(`the seed ${name} changed while the search index read it; build again`);
    restored.add(article, at);
  }
  return { writer: restored, report: { reusedNames: plan.reused } };
}

/** Adds the seeds from `names[from]` on to `writer`, at the positions after those it holds. */
function indexedFrom(writer: SearchIndexWriter, seedsDir: string, names: readonly string[], from: number): SearchIndexWriter {
  let position = writer.documentCount;
  for (const name of names.slice(from)) {
    const article = parsedSeed(seedsDir, name);
    if (!article) continue; // The scan reports it.
    writer.add(article, position);
    position += 1;
  }
  return writer;
}

function prefixOf(prefix: number, names: number): { prefix: number } | string {
  return Number.isInteger(prefix) && prefix >= 0 && prefix <= names ? { prefix } : `the snapshot holds ${prefix} seeds, but there are ${names}`;
}

/** Each name's position in the snapshot (or -1), from the snapshot's seed of each position; a string says why the list cannot be used. */
function movesOf(seeds: readonly number[], documents: number, names: number): { oldPosition: Int32Array; reused: number } | string {
  if (seeds.length !== documents) return `the snapshot holds ${documents} articles, but its list of seeds has ${seeds.length}`;
  const oldPosition = new Int32Array(names).fill(-1);
  let last = -1;
  let reused = 0;
  for (let position = 0; position < documents; position += 1) {
    const seed = seeds[position] ?? -1;
    if (seed === -1) continue;
    if (!Number.isInteger(seed) || seed <= last || seed >= names) return `the snapshot's seed for position ${position} (${seed}) is not a seed after ${last} among the ${names}`;
    oldPosition[seed] = position;
    last = seed;
    reused += 1;
  }
  return { oldPosition, reused };
}

const port = parentPort;
if (port) {
  const input = workerData as SearchWorkerInput;
  let writer: SearchIndexWriter | null = null;
  try {
    const indexed = indexSeeds(input);
    writer = indexed.writer;
    const report = indexed.report;
    if (input.saveSnapshot) {
      try {
        report.saved = saveSearchSnapshot(input.saveSnapshot, writer.snapshot());
      } catch (error) {
        report.saveFailed = (error as Error).message;
      }
    }
    port.postMessage({ type: 'indexed', articles: writer.documentCount, snapshot: report } satisfies SearchWorkerMessage);
  } catch (error) {
    port.postMessage({ type: 'failed', message: (error as Error).message } satisfies SearchWorkerMessage);
  }
  port.on('message', (request: SearchWorkerRequest) => {
    try {
      if (!writer) throw new Error('the search index was never started');
      const files: [string, number][] = [];
      const write = folderWriter(request.outDir, (file, bytes) => files.push([file, bytes]));
      for (const [filePath, json] of writer.finish().files) write(`${request.dataDir}${filePath}`, json);
      port.postMessage({ type: 'written', files } satisfies SearchWorkerMessage);
    } catch (error) {
      port.postMessage({ type: 'failed', message: (error as Error).message } satisfies SearchWorkerMessage);
    }
  });
}
