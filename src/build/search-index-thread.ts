import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { SearchSnapshotReport, SearchWorkerInput, SearchWorkerMessage, SearchWorkerRequest } from './search-index-worker.ts';

/** The search index being built on its own thread (see search-index-worker.ts). */
export interface SearchIndexThread {
  /** How many articles it indexed, once it has read every seed. */
  indexed: Promise<number>;
  /** At the same time: whether the given snapshot was used (or why not), and the one saved. */
  snapshot: Promise<SearchSnapshotReport>;
  /** Writes the index's files under `outDir` + `dataDir`; resolves with each one's path and size. The thread ends after. */
  write(outDir: string, dataDir: string): Promise<[path: string, bytes: number][]>;
  stop(): Promise<void>;
}

export function startSearchIndexThread(input: SearchWorkerInput): SearchIndexThread {
  // The build runs from TypeScript sources: the thread loads its module through tsx's ESM API.
  const tsxApi = pathToFileURL(path.join(path.dirname(createRequire(path.join(import.meta.dirname, 'search-index-thread.ts')).resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href;
  const entry = pathToFileURL(path.join(import.meta.dirname, 'search-index-worker.ts')).href;
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((tsx) => tsx.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(entry)}));`;
  const worker = new Worker(bootstrap, { eval: true, workerData: input });
  const next = <T extends 'indexed' | 'written'>(type: T) =>
    new Promise<Extract<SearchWorkerMessage, { type: T }>>((resolve, reject) => {
      const onMessage = (message: SearchWorkerMessage) => {
        if (message.type === 'failed') reject(new Error(`building the search index failed: ${message.message}`));
        else if (message.type === type) resolve(message as Extract<SearchWorkerMessage, { type: T }>);
        else return;
        worker.off('message', onMessage);
        worker.off('error', reject);
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
    });
  const indexedMessage = next('indexed');
  const indexed = indexedMessage.then((message) => message.articles);
  const snapshot = indexedMessage.then((message) => message.snapshot);
  // Awaited later: until then a failure must not count as unhandled.
  indexed.catch(() => {});
  snapshot.catch(() => {});
  return {
    indexed,
    snapshot,
    async write(outDir, dataDir) {
      const written = next('written');
      worker.postMessage({ type: 'finish', outDir, dataDir } satisfies SearchWorkerRequest);
      try {
        return (await written).files;
      } finally {
        await worker.terminate();
      }
    },
    async stop() {
      await worker.terminate();
    },
  };
}
