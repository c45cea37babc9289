import { parentPort, workerData } from 'node:worker_threads';
import { parseSeed } from '../domain/articles/parse-seed.ts';
import { SearchIndexWriter } from '../domain/search/search-index-writer.ts';
import { folderWriter } from './write-corpus.ts';
import { readSeed } from './seed-scan.ts';

/**
 * The search index, built on a thread of its own while the main thread scans the same seeds and
 * later renders pages: on two cores the build's two largest costs run side by side. It reads the
 * seeds itself, in the file order it is given, and counts an article wherever parsing succeeds,
 * exactly as the scan does, so positions agree (checked: the article counts must match).
 */
export interface SearchWorkerInput {
  seedsDir: string;
  /** The seed names in file order. */
  names: string[];
}

export type SearchWorkerRequest = { type: 'finish'; outDir: string; dataDir: string };
export type SearchWorkerMessage = { type: 'indexed'; articles: number } | { type: 'written'; files: [path: string, bytes: number][] } | { type: 'failed'; message: string };

const port = parentPort;
if (port) {
  const { seedsDir, names } = workerData as SearchWorkerInput;
  const writer = new SearchIndexWriter();
  let position = 0;
  try {
    for (const name of names) {
      const read = readSeed(seedsDir, name);
      if ('problem' in read) continue; // The scan reports it.
      const parsed = parseSeed(read.bytes);
      if (!parsed.ok) continue;
      writer.add(parsed, position);
      position += 1;
    }
    port.postMessage({ type: 'indexed', articles: position } satisfies SearchWorkerMessage);
  } catch (error) {
    port.postMessage({ type: 'failed', message: (error as Error).message } satisfies SearchWorkerMessage);
  }
  port.on('message', (request: SearchWorkerRequest) => {
    try {
      const files: [string, number][] = [];
      const write = folderWriter(request.outDir, (file, bytes) => files.push([file, bytes]));
      for (const [filePath, json] of writer.finish().files) write(`${request.dataDir}${filePath}`, json);
      port.postMessage({ type: 'written', files } satisfies SearchWorkerMessage);
    } catch (error) {
      port.postMessage({ type: 'failed', message: (error as Error).message } satisfies SearchWorkerMessage);
    }
  });
}
