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
 * A rebuild that only appended seeds can start from the last build's snapshot of the index writer
 * (see search-index-snapshot-file.ts) and read only the new seeds; a snapshot that cannot be
 * trusted is set aside, with the reason reported, and every seed is read instead.
 */
export interface SearchWorkerInput {
  seedsDir: string;
  /** The seed names in file order. */
  names: string[];
  /** A snapshot holding the articles of the first `names` seeds of `names`; `digest` is the file's SHA-256, hex. */
  snapshot?: { file: string; digest: string; names: number };
  /** Where to save the writer's snapshot once every seed is indexed (before the files are made). */
  saveSnapshot?: string;
}

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

/** The writer to start from: the snapshot's, or a fresh one and the reason the snapshot was not used. */
function startingWriter({ snapshot, names }: SearchWorkerInput): { writer: SearchIndexWriter; report: SearchSnapshotReport } {
  if (!snapshot) return { writer: new SearchIndexWriter(), report: { reusedNames: 0 } };
  try {
    if (!Number.isInteger(snapshot.names) || snapshot.names < 0 || snapshot.names > names.length) throw new Error(`the snapshot holds ${snapshot.names} seeds, but there are ${names.length}`);
    return { writer: loadSearchSnapshot(snapshot.file, snapshot.digest), report: { reusedNames: snapshot.names } };
  } catch (error) {
    return { writer: new SearchIndexWriter(), report: { reusedNames: 0, rejected: (error as Error).message } };
  }
}

const port = parentPort;
if (port) {
  const input = workerData as SearchWorkerInput;
  const { seedsDir, names } = input;
  let writer: SearchIndexWriter | null = null;
  try {
    const start = startingWriter(input);
    writer = start.writer;
    const report = start.report;
    let position = writer.documentCount;
    for (const name of names.slice(report.reusedNames)) {
      const read = readSeed(seedsDir, name);
      if ('problem' in read) continue; // The scan reports it.
      const parsed = parseSeed(read.bytes);
      if (!parsed.ok) continue;
      writer.add(parsed, position);
      position += 1;
    }
    if (input.saveSnapshot) {
      try {
        report.saved = saveSearchSnapshot(input.saveSnapshot, writer.snapshot());
      } catch (error) {
        report.saveFailed = (error as Error).message;
      }
    }
    port.postMessage({ type: 'indexed', articles: position, snapshot: report } satisfies SearchWorkerMessage);
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
