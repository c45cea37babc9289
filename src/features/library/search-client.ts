import type { SearchHit, SearchQuery } from '../../domain/search/search-index-reader.ts';
import { isSearchResponse, type SearchRequest } from './search-protocol.ts';

/** What the client needs of a Worker: a real one, or a fake for tests. */
export interface WorkerLike {
  postMessage(message: SearchRequest): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
  /** A worker that could not start or crashed: pending queries fail, the next one starts a new worker. */
  addEventListener(type: 'error', listener: (event: Event) => void): void;
  terminate(): void;
}

export type SearchStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface SearchClient {
  /** Starts loading the index, once: nothing happens while it loads or once it is ready; after an error it tries again. */
  prepare(): void;
  /**
   * Runs a query in the worker (preparing first). Every query is answered, even when a newer one
   * was sent: callers ignore stale answers. Rejects with a readable Error if the index could not be
   * loaded; a later query tries to load it again.
   */
  query(request: SearchQuery): Promise<SearchHit[]>;
  readonly status: SearchStatus;
  getStatus(): SearchStatus;
  /** Calls `listener` on every change of status; returns the unsubscribe function (fits useSyncExternalStore). */
  subscribe(listener: (status: SearchStatus) => void): () => void;
  /** Stops the worker and rejects pending queries; a later `prepare` or `query` starts over. */
  terminate(): void;
}

export interface SearchClientOptions {
  /** The index file; a relative URL is resolved against the document's base URL (a worker would resolve it against its own script). */
  indexUrl: string;
  createWorker?: () => WorkerLike;
}

const createModuleWorker = (): WorkerLike => new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module' });

function absoluteUrl(url: string): string {
  const base = typeof document !== 'undefined' ? document.baseURI : globalThis.location?.href;
  try {
    return base ? new URL(url, base).href : url;
  } catch {
    return url;
  }
}

const reason = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Full-text search of the collection, in a Web Worker that loads the index on first use. */
export function createSearchClient(options: SearchClientOptions): SearchClient {
  const createWorker = options.createWorker ?? createModuleWorker;
  const url = absoluteUrl(options.indexUrl);
  const listeners = new Set<(status: SearchStatus) => void>();
  const pending = new Map<number, { resolve: (hits: SearchHit[]) => void; reject: (error: Error) => void }>();
  let worker: WorkerLike | null = null;
  let status: SearchStatus = 'idle';
  let nextId = 1;

  const setStatus = (next: SearchStatus): void => {
    if (next === status) return;
    status = next;
    for (const listener of [...listeners]) listener(next);
  };

  const rejectAll = (message: string): void => {
    const waiting = [...pending.values()];
    pending.clear();
    for (const { reject } of waiting) reject(new Error(message));
  };

  const stop = (): void => {
    const current = worker;
    worker = null;
    current?.terminate();
  };

  const onMessage = (source: WorkerLike, data: unknown): void => {
    if (source !== worker || !isSearchResponse(data)) return;
    switch (data.type) {
      case 'loaded':
        setStatus('ready');
        return;
      case 'load-failed':
        setStatus('error');
        return;
      case 'result':
      case 'error': {
        const waiting = pending.get(data.id);
        pending.delete(data.id);
        if (data.type === 'result') waiting?.resolve(data.hits);
        else waiting?.reject(new Error(data.message));
      }
    }
  };

  const onCrash = (source: WorkerLike): void => {
    if (source !== worker) return;
    stop();
    setStatus('error');
    rejectAll('Search is unavailable: the search worker stopped.');
  };

  /** Why the last worker could not be created (no Worker support, a blocked script). */
  let startError = '';

  const startWorker = (): WorkerLike | null => {
    if (worker) return worker;
    let created: WorkerLike;
    try {
      created = createWorker();
    } catch (error) {
      startError = reason(error);
      setStatus('error');
      return null;
    }
    startError = '';
    worker = created;
    created.addEventListener('message', (event) => onMessage(created, event.data));
    created.addEventListener('error', () => onCrash(created));
    return created;
  };

  const prepare = (): void => {
    if (status === 'loading' || status === 'ready') return;
    const current = startWorker();
    if (!current) return;
    setStatus('loading');
    current.postMessage({ type: 'load', url });
  };

  return {
    prepare,
    query(request) {
      prepare();
      const current = worker;
      if (!current) return Promise.reject(new Error(`Search is unavailable${startError ? ` (${startError})` : ''}.`));
      const id = nextId;
      nextId += 1;
      return new Promise<SearchHit[]>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        current.postMessage({ type: 'query', id, request });
      });
    },
    get status() {
      return status;
    },
    getStatus: () => status,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    terminate() {
      stop();
      setStatus('idle');
      rejectAll('The search was stopped.');
    },
  };
}
