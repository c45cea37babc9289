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
   * Runs a query in the worker (preparing first). The worker runs one query at a time and at most
   * one waits behind it: a newer query supersedes the waiting one, which rejects with a
   * SupersededQueryError and never reaches the worker (typing "palace" sends "p" and "palace", not
   * six queries). Rejects with a readable Error if the index could not be loaded; a later query
   * tries to load it again.
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

/** A query replaced by a newer one before the worker got to it: nobody is waiting for its answer. */
export class SupersededQueryError extends Error {
  constructor() {
    super('A newer search replaced this one.');
    this.name = 'SupersededQueryError';
  }
}

interface PendingQuery {
  request: SearchQuery;
  resolve: (hits: SearchHit[]) => void;
  reject: (error: Error) => void;
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
  /** The query the worker is running (by id), and the newest one waiting for it to finish. */
  let running: { id: number; query: PendingQuery } | null = null;
  let waiting: PendingQuery | null = null;
  let worker: WorkerLike | null = null;
  let status: SearchStatus = 'idle';
  let nextId = 1;

  const setStatus = (next: SearchStatus): void => {
    if (next === status) return;
    status = next;
    for (const listener of [...listeners]) listener(next);
  };

  const rejectAll = (message: string): void => {
    const unanswered = [running?.query, waiting];
    running = null;
    waiting = null;
    for (const query of unanswered) query?.reject(new Error(message));
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
        if (running?.id !== data.id) return;
        const answered = running.query;
        running = null;
        if (data.type === 'result') answered.resolve(data.hits);
        else answered.reject(new Error(data.message));
        sendNext();
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

  /** Hands the waiting query to the worker once it is free. */
  function sendNext(): void {
    if (running || !waiting || !worker) return;
    const query = waiting;
    waiting = null;
    const id = nextId;
    nextId += 1;
    running = { id, query };
    worker.postMessage({ type: 'query', id, request: query.request });
  }

  return {
    prepare,
    query(request) {
      prepare();
      if (!worker) return Promise.reject(new Error(`Search is unavailable${startError ? ` (${startError})` : ''}.`));
      return new Promise<SearchHit[]>((resolve, reject) => {
        waiting?.reject(new SupersededQueryError());
        waiting = { request, resolve, reject };
        sendNext();
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
