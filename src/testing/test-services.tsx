import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router-dom';
import { AppProviders, type AppServices } from '../app/app-providers.tsx';
import { buildCorpusData, type CorpusBuild } from '../build/in-memory-corpus.ts';
import type { Article } from '../domain/articles/article.ts';
import { createCorpusClient, type CorpusClient, type FetchJson } from '../data/corpus/corpus-client.ts';
import { currentBuildJson, CURRENT_BUILD_PATH, type ArticleDocument } from '../domain/articles/corpus-layout.ts';
import type { HighlightStore } from '../domain/highlights/highlight-store.ts';
import { createReadingProgressStore, type ReadingProgressStore } from '../domain/reading/reading-progress.ts';
import { isSearchDirectory, SEARCH_DIRECTORY_FILE } from '../domain/search/search-index-format.ts';
import { createSearchIndexReader, type SearchHit, type SearchIndexReader, type SearchQuery } from '../domain/search/search-index-reader.ts';
import type { ArticleSearch } from '../data/search/search-context.tsx';
import { createTestHighlightStore, sampleArticles } from './sample-articles.ts';

/** Where the test app "is served": data files are fetched under it. */
export const TEST_BASE_URL = 'https://broadsheet.test/reader/';

/** How the fake host answers: the file (or 404), a network failure, or this status for every file. */
export type HostMode = 'serve' | 'offline' | number;

/**
 * A static host in memory for the data files of a build, as the corpus client fetches them. Every
 * request is recorded; `mode` makes the host fail, and `hold` keeps answers back until released.
 */
export interface FakeHost {
  fetch: FetchJson;
  /** What it serves, by path under the base URL: change it to deploy another build under an open page. */
  readonly files: Map<string, string>;
  /** Each requested URL's path under the base URL, decoded (e.g. "data/0123456789/article/x.json"), in order. */
  readonly requests: string[];
  mode: HostMode;
  /** Holds every answer until the returned function is called. */
  hold(): () => void;
}

export function createFakeHost(files: Map<string, string>, baseUrl = TEST_BASE_URL): FakeHost {
  const basePath = new URL(baseUrl).pathname;
  let gate: Promise<void> | null = null;
  const host: FakeHost = {
    files,
    requests: [],
    mode: 'serve',
    hold() {
      let release = () => {};
      gate = new Promise<void>((resolve) => {
        release = () => {
          gate = null;
          resolve();
        };
      });
      return release;
    },
    async fetch(url) {
      const { pathname } = new URL(url);
      const path = pathname.startsWith(basePath) ? decodeURIComponent(pathname.slice(basePath.length)) : pathname;
      host.requests.push(path);
      const mode = host.mode;
      if (gate) await gate;
      if (mode === 'offline') throw new TypeError('Failed to fetch');
      if (typeof mode === 'number') return new Response('', { status: mode });
      const json = files.get(path);
      if (json === undefined) return new Response('Not found', { status: 404, statusText: 'Not Found' });
      return new Response(json, { status: 200, headers: { 'Content-Type': 'application/json; charset=utf-8' } });
    },
  };
  return host;
}

/** Full-text search run in-process on the index the build writes, in place of the Web Worker. */
export interface InProcessSearch extends ArticleSearch {
  /** Every request the list made, in order. */
  readonly requests: SearchQuery[];
  /** When set, every query rejects with it. */
  failure: Error | null;
}

/** Search over the split index among `files` (paths under `dataDir`, as the build writes them). */
export function createMemorySearchReader(files: ReadonlyMap<string, string>, dataDir = ''): SearchIndexReader {
  const read = (path: string): unknown => {
    const json = files.get(`${dataDir}${path}`);
    if (json === undefined) throw new Error(`HTTP 404 for ${path}`);
    return JSON.parse(json);
  };
  const directory = read(SEARCH_DIRECTORY_FILE);
  if (!isSearchDirectory(directory)) throw new Error('no search index among the files');
  return createSearchIndexReader(directory, (path) => Promise.resolve().then(() => read(path)));
}

export function createInProcessSearch(files: ReadonlyMap<string, string>, dataDir = ''): InProcessSearch {
  let reader: SearchIndexReader | null = null;
  const search: InProcessSearch = {
    requests: [],
    failure: null,
    prepare() {
      reader ??= createMemorySearchReader(files, dataDir);
    },
    query(request: SearchQuery): Promise<SearchHit[]> {
      search.requests.push(request);
      if (search.failure) return Promise.reject(search.failure);
      reader ??= createMemorySearchReader(files, dataDir);
      return reader.search(request);
    },
  };
  return search;
}

export interface TestServicesOptions {
  articles?: readonly Article[];
  /** Start with the list's first page, as the list page's HTML carries it (default true). */
  firstPage?: boolean;
  /** Documents the page "arrived with", as a prerendered article page carries its own. */
  documents?: readonly ArticleDocument[];
}

export interface TestServices extends AppServices {
  corpus: CorpusClient;
  search: InProcessSearch;
  highlights: HighlightStore;
  reading: ReadingProgressStore;
  host: FakeHost;
  data: CorpusBuild;
}

/**
 * The app's real services over a collection (the sample articles by default): a corpus client
 * fetching the files `buildCorpusData` writes from a fake host, search on the built index, and
 * highlight and reading stores over jsdom's localStorage.
 */
export function createTestServices(options: TestServicesOptions = {}): TestServices {
  const data = buildCorpusData(options.articles ?? sampleArticles);
  // As on a real host, the build file sits beside the data folder and names it.
  const host = createFakeHost(new Map([...data.files, [CURRENT_BUILD_PATH, currentBuildJson(data.manifest)]]));
  const corpus = createCorpusClient({
    manifest: data.manifest,
    baseUrl: TEST_BASE_URL,
    fetch: host.fetch,
    ...(options.firstPage === false ? {} : { firstPage: data.firstPage }),
    ...(options.documents ? { documents: options.documents } : {}),
  });
  return {
    corpus,
    search: createInProcessSearch(data.files, data.manifest.dataDir),
    highlights: createTestHighlightStore(),
    reading: createReadingProgressStore(() => window.localStorage),
    host,
    data,
  };
}

class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

/** jsdom has no ResizeObserver (the virtualized list observes its container): one that never fires. */
export function stubResizeObserver(): void {
  if (typeof globalThis.ResizeObserver === 'undefined') {
    globalThis.ResizeObserver = NoResizeObserver as unknown as typeof ResizeObserver;
  }
}

/** Renders routes at `path` in a memory router, inside the app's providers with these services. */
export function renderWithServices(routes: RouteObject[], path: string, services: TestServices = createTestServices()) {
  stubResizeObserver();
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const view = render(
    <AppProviders services={services}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { ...view, router, services };
}
