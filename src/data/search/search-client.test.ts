import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeArticle } from '../../../tests/fixtures/articles.ts';
import { layoutCorpus } from '../../domain/articles/corpus-layout.ts';
import { MAX_QUERY_CHARACTERS, MAX_QUERY_WORDS } from '../../domain/search/query-limits.ts';
import { createSearchIndexReader, type SearchQuery } from '../../domain/search/search-index-reader.ts';
import { buildSearchFiles } from '../../domain/search/search-index-writer.ts';
import { tokenize } from '../../domain/search/search-terms.ts';
import { createSearchClient, SupersededQueryError, type SearchStatus, type WorkerLike } from './search-client.ts';
import type { SearchRequest, SearchResponse } from './search-protocol.ts';
import { createSearchWorkerHandler, type FetchText } from './search-worker-handler.ts';

const ARTICLES = [
  makeArticle('a', 'Élysée Palace responds', ['The French president spoke on Friday.']),
  makeArticle('b', 'Zeppelin museum reopens', ['Visitors queued for hours at the palace gates.']),
  makeArticle('c', 'Markets rally', ['Stocks rose.']),
];
/** The index's files and the sort orders' files, by path under the data folder. */
const FILES = new Map([...buildSearchFiles(ARTICLES).files, ...layoutCorpus(ARTICLES).files.map((file): [string, string] => [file.path, file.json])]);
const INDEX_JSON = FILES.get('search/index.json') ?? '';

/** Serves the data folder's files: the directory for its own URL, shards and orders beside it. */
const serveFiles: FetchText = (url) => {
  const path = new URL(url, 'https://example.org/').pathname.replace(/^.*?\/data\/[^/]+\//, '');
  const json = FILES.get(path);
  return json === undefined ? Promise.reject(new Error('HTTP 404')) : Promise.resolve(json);
};

/** Lets every queued task run: a fake worker delivers messages in later tasks, like a real one. */
const flush = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** A promise settled from outside, to hold a fetch for as long as a test needs. */
function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (error: Error) => void } {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** A WorkerLike that runs the real worker handler in-process, with messages cloned and delivered asynchronously. */
class InProcessWorker implements WorkerLike {
  readonly received: SearchRequest[] = [];
  terminated = false;
  private readonly messageListeners: ((event: MessageEvent<unknown>) => void)[] = [];
  private readonly errorListeners: ((event: Event) => void)[] = [];
  private readonly handle: (message: unknown) => Promise<void>;

  constructor(fetchText: FetchText) {
    this.handle = createSearchWorkerHandler((message) => {
      const data = structuredClone(message);
      setTimeout(() => {
        if (!this.terminated) for (const listener of this.messageListeners) listener(new MessageEvent('message', { data }));
      }, 0);
    }, fetchText);
  }

  postMessage(message: SearchRequest): void {
    this.received.push(message);
    const data = structuredClone(message);
    setTimeout(() => {
      if (!this.terminated) void this.handle(data);
    }, 0);
  }

  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
  addEventListener(type: 'error', listener: (event: Event) => void): void;
  addEventListener(type: 'message' | 'error', listener: (event: MessageEvent<unknown>) => void): void {
    if (type === 'message') this.messageListeners.push(listener);
    else this.errorListeners.push(listener as (event: Event) => void);
  }

  /** Sends a message as if the worker had, bypassing the handler. */
  emit(data: unknown): void {
    for (const listener of this.messageListeners) listener(new MessageEvent('message', { data }));
  }

  crash(): void {
    for (const listener of this.errorListeners) listener(new Event('error'));
  }

  terminate(): void {
    this.terminated = true;
  }
}

function setup(fetchText: FetchText = serveFiles, indexUrl = '/data/abc/search/index.json') {
  const workers: InProcessWorker[] = [];
  const fetchSpy = vi.fn(fetchText);
  const client = createSearchClient({
    indexUrl,
    createWorker: () => {
      const worker = new InProcessWorker(fetchSpy);
      workers.push(worker);
      return worker;
    },
  });
  const statuses: SearchStatus[] = [];
  client.subscribe((status) => statuses.push(status));
  return { client, workers, fetchSpy, statuses };
}

const ids = (hits: readonly { position: number }[]): string[] => hits.map((hit) => ARTICLES[hit.position]?.id ?? '?');

describe('createSearchClient', () => {
  let clients: { terminate(): void }[] = [];
  const track = <T extends { client: { terminate(): void } }>(value: T): T => {
    clients.push(value.client);
    return value;
  };
  afterEach(() => {
    for (const client of clients) client.terminate();
    clients = [];
  });

  it('starts no worker until asked', () => {
    const { client, workers } = track(setup());
    expect(client.status).toBe('idle');
    expect(client.getStatus()).toBe('idle');
    expect(workers).toHaveLength(0);
  });

  it('answers a query with hits and the matched terms', async () => {
    const { client, statuses } = track(setup());
    const hits = await client.query({ text: 'zepp', sort: 'relevance' });
    expect(ids(hits)).toEqual(['b']);
    expect(hits[0]?.terms).toEqual(['zeppelin']);
    expect(hits[0]?.position).toBe(1);
    expect(statuses).toEqual(['loading', 'ready']);
    expect(client.status).toBe('ready');
  });

  it('loads the index once, however often it is prepared or queried', async () => {
    const { client, workers, fetchSpy } = track(setup());
    client.prepare();
    client.prepare();
    const answers = await Promise.all([client.query({ text: 'palace', sort: 'file' }), client.query({ text: '', sort: 'headline' })]);
    client.prepare();
    await client.query({ text: 'markets', sort: 'relevance' });
    expect(workers).toHaveLength(1);
    expect(fetchSpy.mock.calls.filter(([url]) => url.endsWith('/search/index.json'))).toHaveLength(1);
    expect(workers[0]?.received.filter((m) => m.type === 'load')).toHaveLength(1);
    expect(answers.map(ids)).toEqual([['a', 'b'], ['a', 'c', 'b']]);
  });

  it('resolves the index URL against the document, not the worker script', async () => {
    const { client, fetchSpy } = track(setup(undefined, 'data/abc/search/index.json'));
    await client.query({ text: 'museum', sort: 'file' });
    expect(fetchSpy).toHaveBeenCalledWith(new URL('data/abc/search/index.json', document.baseURI).href);
    expect(fetchSpy).toHaveBeenCalledWith(new URL('data/abc/search/d0.json', document.baseURI).href);
  });

  it('holds a query sent before the index has loaded, then answers it', async () => {
    const fetch = deferred<string>();
    const { client } = track(setup((url) => (url.endsWith('/search/index.json') ? fetch.promise : serveFiles(url))));
    const first = client.query({ text: 'palace', sort: 'relevance' });
    await flush();
    expect(client.status).toBe('loading');
    fetch.resolve(INDEX_JSON);
    expect(ids(await first)).toEqual(['a', 'b']);
  });

  it('abandons a query superseded before the worker got to it: the worker never runs stale work', async () => {
    const fetch = deferred<string>();
    const { client, workers } = track(setup((url) => (url.endsWith('/search/index.json') ? fetch.promise : serveFiles(url))));
    const first = client.query({ text: 'palace', sort: 'relevance' });
    const second = client.query({ text: 'zeppelin', sort: 'relevance' });
    const third = client.query({ text: '', sort: 'file', except: [0] });
    await expect(second).rejects.toBeInstanceOf(SupersededQueryError);
    await flush();
    fetch.resolve(INDEX_JSON);
    expect(ids(await first)).toEqual(['a', 'b']);
    expect(ids(await third)).toEqual(['b', 'c']);
    const sent = workers[0]?.received.flatMap((message) => (message.type === 'query' ? [message.request.text] : []));
    expect(sent).toEqual(['palace', '']);
  });

  it('keeps at most one query waiting behind the one the worker is running', async () => {
    const { client, workers } = track(setup());
    await client.query({ text: '', sort: 'file' });
    const typed = ['p', 'pa', 'pal', 'pala', 'palac', 'palace'].map((text) => client.query({ text, sort: 'relevance' }));
    const settled = await Promise.allSettled(typed);
    expect(settled.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'rejected', 'rejected', 'fulfilled']);
    const last = settled[5];
    expect(last?.status === 'fulfilled' && ids(last.value)).toEqual(['a', 'b']);
    const sent = workers[0]?.received.flatMap((message) => (message.type === 'query' ? [message.request.text] : []));
    expect(sent).toEqual(['', 'p', 'palace']);
  });

  it('rejects with a readable error when the index cannot be loaded, and tries again on the next query', async () => {
    let calls = 0;
    const { client, fetchSpy, statuses } = track(
      setup((url) => {
        calls += 1;
        return calls === 1 ? Promise.reject(new Error('HTTP 404')) : serveFiles(url);
      }),
    );
    const failed = client.query({ text: 'palace', sort: 'relevance' });
    await expect(failed).rejects.toThrow('The search index could not be loaded (HTTP 404).');
    expect(client.status).toBe('error');

    expect(ids(await client.query({ text: 'palace', sort: 'relevance' }))).toEqual(['a', 'b']);
    expect(fetchSpy.mock.calls.filter(([url]) => url.endsWith('/search/index.json'))).toHaveLength(2);
    expect(statuses).toEqual(['loading', 'error', 'loading', 'ready']);
  });

  it('rejects every query waiting on a load that fails', async () => {
    const fetch = deferred<string>();
    const { client } = track(setup(() => fetch.promise));
    const queries = [client.query({ text: 'a', sort: 'file' }), client.query({ text: 'b', sort: 'file' })];
    await flush();
    fetch.reject(new TypeError('Failed to fetch'));
    for (const query of queries) await expect(query).rejects.toThrow('The search index could not be loaded (Failed to fetch).');
  });

  it('reports an index file that is not an index', async () => {
    const { client } = track(setup(() => Promise.resolve('<!doctype html>')));
    await expect(client.query({ text: 'x', sort: 'file' })).rejects.toThrow(/^The search index could not be read \(/);
    expect(client.status).toBe('error');
  });

  it('rejects pending queries when the worker crashes, and starts a new worker for the next query', async () => {
    const fetch = deferred<string>();
    const { client, workers } = track(setup((url) => (url.endsWith('/search/index.json') ? fetch.promise : serveFiles(url))));
    const pending = client.query({ text: 'palace', sort: 'relevance' });
    workers[0]?.crash();
    await expect(pending).rejects.toThrow('Search is unavailable: the search worker stopped.');
    expect(client.status).toBe('error');
    expect(workers[0]?.terminated).toBe(true);
    fetch.resolve(INDEX_JSON);
    expect(ids(await client.query({ text: 'palace', sort: 'relevance' }))).toEqual(['a', 'b']);
    expect(workers).toHaveLength(2);
  });

  it('rejects when no worker can be created', async () => {
    const client = createSearchClient({
      indexUrl: 'search.json',
      createWorker: () => {
        throw new Error('Worker is not defined');
      },
    });
    await expect(client.query({ text: 'x', sort: 'file' })).rejects.toThrow('Search is unavailable (Worker is not defined).');
    expect(client.status).toBe('error');
  });

  it('ignores messages that are not part of the protocol', async () => {
    const { client, workers } = track(setup());
    client.prepare();
    workers[0]?.emit({ type: 'result', id: 'one', hits: [] });
    workers[0]?.emit('hello');
    workers[0]?.emit({ type: 'result', id: 999, hits: [] });
    expect(ids(await client.query({ text: 'markets', sort: 'file' }))).toEqual(['c']);
  });

  it('stops the worker and rejects pending queries when terminated, and can start over', async () => {
    const { client, workers, statuses } = track(setup());
    const pending = client.query({ text: 'palace', sort: 'file' });
    client.terminate();
    await expect(pending).rejects.toThrow('The search was stopped.');
    expect(workers[0]?.terminated).toBe(true);
    expect(client.status).toBe('idle');
    expect(ids(await client.query({ text: 'palace', sort: 'file' }))).toEqual(['a', 'b']);
    expect(statuses).toEqual(['loading', 'idle', 'loading', 'ready']);
  });

  it('stops calling a listener once unsubscribed', async () => {
    const { client } = track(setup());
    const listener = vi.fn();
    const unsubscribe = client.subscribe(listener);
    client.prepare();
    unsubscribe();
    await client.query({ text: '', sort: 'file' });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener).toHaveBeenCalledWith('loading');
  });
});

describe('createSearchWorkerHandler', () => {
  const setupHandler = (fetchText: FetchText) => {
    const posted: SearchResponse[] = [];
    return { posted, handle: createSearchWorkerHandler((message) => posted.push(message), fetchText) };
  };

  it('answers queries once loaded, and says it is loaded', async () => {
    const { posted, handle } = setupHandler(serveFiles);
    await handle({ type: 'load', url: 'https://example.org/data/abc/search/index.json' });
    await handle({ type: 'query', id: 7, request: { text: 'museum', sort: 'relevance' } });
    expect(posted[0]).toEqual({ type: 'loaded' });
    expect(posted[1]).toEqual({ type: 'result', id: 7, hits: [{ position: 1, terms: ['museum'] }] });
  });

  it('answers from the shards it has when the network is gone, and says which words need what it could not fetch', async () => {
    let online = true;
    const { posted, handle } = setupHandler((url) => (online ? serveFiles(url) : Promise.reject(new TypeError('Failed to fetch'))));
    await handle({ type: 'load', url: 'https://example.org/data/abc/search/index.json' });
    await handle({ type: 'query', id: 1, request: { text: 'museum', sort: 'relevance' } });
    online = false;
    await handle({ type: 'query', id: 2, request: { text: 'museum', sort: 'relevance' } });
    await handle({ type: 'query', id: 3, request: { text: 'markets', sort: 'headline' } });
    expect(posted[2]).toEqual({ type: 'result', id: 2, hits: [{ position: 1, terms: ['museum'] }] });
    expect(posted[3]).toMatchObject({ type: 'error', id: 3, message: expect.stringMatching(/^This search needs part of the index that could not be fetched \(order\/headline\.json: Failed to fetch\)\. Searches made before still work offline\.$/) as unknown });
    online = true;
    await handle({ type: 'query', id: 4, request: { text: 'markets', sort: 'headline' } });
    expect(posted[4]).toEqual({ type: 'result', id: 4, hits: [{ position: 2, terms: ['markets'] }] });
  });

  it('keeps failing queries until a new load succeeds', async () => {
    const fetchText = vi.fn<FetchText>(serveFiles).mockRejectedValueOnce(new Error('HTTP 500'));
    const { posted, handle } = setupHandler(fetchText);
    await handle({ type: 'load', url: 'https://example.org/data/abc/search/index.json' });
    await handle({ type: 'query', id: 1, request: { text: '', sort: 'file' } });
    expect(posted).toEqual([
      { type: 'load-failed', message: 'The search index could not be loaded (HTTP 500).' },
      { type: 'error', id: 1, message: 'The search index could not be loaded (HTTP 500).' },
    ]);
    await handle({ type: 'load', url: 'https://example.org/data/abc/search/index.json' });
    await handle({ type: 'query', id: 2, request: { text: '', sort: 'file' } });
    expect(posted.slice(2)).toMatchObject([{ type: 'loaded' }, { type: 'result', id: 2 }]);
  });

  it('bounds the work of any query: a 20,000-character query and a 500-word one reach the index cut to the limits', async () => {
    const searched: SearchQuery[] = [];
    const posted: SearchResponse[] = [];
    const handle = createSearchWorkerHandler(
      (message) => posted.push(message),
      (url) => serveFiles(url),
      (directory, loadFile) => {
        const reader = createSearchIndexReader(directory, loadFile);
        return {
          ...reader,
          search(request) {
            searched.push(request);
            return reader.search(request);
          },
        };
      },
    );
    await handle({ type: 'load', url: 'https://example.org/data/abc/search/index.json' });
    const long = 'palace'.repeat(20_000 / 'palace'.length);
    const wordy = Array.from({ length: 500 }, (_, n) => (n % 2 ? 'palace' : 'museum')).join(' ');
    await handle({ type: 'query', id: 1, request: { text: long, sort: 'relevance' } });
    await handle({ type: 'query', id: 2, request: { text: wordy, sort: 'relevance' } });
    expect(searched).toHaveLength(2);
    for (const request of searched) {
      expect(request.text.length).toBeLessThanOrEqual(MAX_QUERY_CHARACTERS);
      expect(tokenize(request.text).length).toBeLessThanOrEqual(MAX_QUERY_WORDS);
    }
    expect(posted.slice(1).map((message) => message.type)).toEqual(['result', 'result']);
  });

  it('loads once for repeated loads of the same URL, and ignores malformed messages', async () => {
    const fetchText = vi.fn<FetchText>().mockResolvedValue(INDEX_JSON);
    const { posted, handle } = setupHandler(fetchText);
    const url = 'https://example.org/data/abc/search/index.json';
    await Promise.all([handle({ type: 'load', url }), handle({ type: 'load', url })]);
    await handle({ type: 'load', url });
    await handle({ type: 'query', id: 1 });
    await handle(null);
    expect(fetchText).toHaveBeenCalledTimes(1);
    expect(posted).toEqual([{ type: 'loaded' }, { type: 'loaded' }]);
  });
});
