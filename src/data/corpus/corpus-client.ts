import type { SortOrder } from '../../domain/articles/sort-articles.ts';
import {
  articlePath,
  CURRENT_BUILD_PATH,
  isCorpusManifest,
  ENTRY_PAGE_SIZE,
  entryPagePath,
  listPagePath,
  orderPath,
  shardOf,
  shardPath,
  toEntry,
  type ArticleDocument,
  type ArticleEntry,
  type CorpusManifest,
} from '../../domain/articles/corpus-layout.ts';

const MESSAGES = {
  network: (detail: string) => `Could not reach the site (${detail}).`,
  status: (detail: string) => `The site answered ${detail}.`,
  invalid: (detail: string) => `The file was damaged (${detail}).`,
  outdated: () => 'This site has been updated since this page was opened. Reload to get the new version.',
};

/**
 * Why a data file could not be had: the network (offline, host down), the host's answer, a damaged
 * file, or `outdated`: the site was deployed again and this page's data folder is gone.
 */
export class CorpusFetchError extends Error {
  constructor(
    readonly url: string,
    readonly reason: 'network' | 'status' | 'invalid' | 'outdated',
    detail = '',
  ) {
    super(MESSAGES[reason](detail));
    this.name = 'CorpusFetchError';
  }
}

export const isOutdatedError = (error: unknown): boolean => error instanceof CorpusFetchError && error.reason === 'outdated';

/** `init` carries `cache: 'no-store'` for the one file whose address does not change with its content. */
export type FetchJson = (url: string, init?: RequestInit) => Promise<Response>;

/**
 * The collection as the browser sees it: data files fetched once each, kept in memory, and
 * looked up synchronously when already here (so a prerendered page hydrates with what it was
 * rendered from, and going back to a list shows it at once). Listeners hear of every arrival.
 */
export interface CorpusClient {
  readonly manifest: CorpusManifest;
  /** The article with this slug: a document, null if there is none, undefined if not fetched yet. */
  peekArticle(slug: string): ArticleDocument | null | undefined;
  loadArticle(slug: string): Promise<ArticleDocument | null>;
  peekListPage(sort: SortOrder, page: number): readonly ArticleEntry[] | undefined;
  loadListPage(sort: SortOrder, page: number): Promise<readonly ArticleEntry[]>;
  /** The entry at a position in file order, once its entry page (or list page) is here. */
  peekPosition(position: number): ArticleEntry | undefined;
  /** Fetches the small entry page holding `position`. */
  loadPosition(position: number): Promise<void>;
  /** Every position in `sort` order (file order needs no fetch): filters sort without the search index. */
  loadOrder(sort: SortOrder): Promise<readonly number[]>;
  /** List entries by article id; ids of articles no longer in the collection are simply absent. */
  loadEntries(ids: readonly string[]): Promise<ReadonlyMap<string, ArticleEntry>>;
  peekEntry(id: string): ArticleEntry | null | undefined;
  /** Adds what a page arrived with. */
  primeArticle(document: ArticleDocument): void;
  subscribe(listener: () => void): () => void;
  /** Changes whenever something arrives: a snapshot for useSyncExternalStore. */
  getVersion(): number;
  /** The site now serves another build than this page's (learnt when a data file was missing); subscribers are told. */
  isOutdated(): boolean;
}

export interface CorpusClientOptions {
  manifest: CorpusManifest;
  /** Absolute URL of the app's base folder, ending in "/". */
  baseUrl: string;
  fetch: FetchJson;
  firstPage?: readonly ArticleEntry[];
  documents?: readonly ArticleDocument[];
}

export function isEntryList(value: unknown): value is ArticleEntry[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'object' && item !== null && typeof (item as ArticleEntry).id === 'string' && typeof (item as ArticleEntry).slug === 'string');
}

export function isArticleDocument(value: unknown): value is ArticleDocument {
  if (typeof value !== 'object' || value === null) return false;
  const article = (value as ArticleDocument).article as unknown;
  return (
    typeof article === 'object' &&
    article !== null &&
    typeof (article as ArticleDocument['article']).id === 'string' &&
    typeof (article as ArticleDocument['article']).slug === 'string' &&
    Array.isArray((article as ArticleDocument['article']).paragraphs) &&
    (article as ArticleDocument['article']).paragraphs.every((p) => typeof p === 'string')
  );
}

/** The manifest of the build the site serves now, from build.json, or why it could not be had. */
export type ManifestResult = { ok: true; manifest: CorpusManifest } | { ok: false; error: CorpusFetchError };

/**
 * Fetches build.json. At start-up `init` is left out, so the request is the one the page's head
 * preloaded; the check for a new deploy passes `cache: 'no-store'`.
 */
export async function fetchCorpusManifest(baseUrl: string, fetch: FetchJson, init?: RequestInit): Promise<ManifestResult> {
  const url = new URL(CURRENT_BUILD_PATH, baseUrl).href;
  let response: Response;
  try {
    response = await (init ? fetch(url, init) : fetch(url));
  } catch (error) {
    return { ok: false, error: new CorpusFetchError(url, 'network', error instanceof Error ? error.message : String(error)) };
  }
  if (!response.ok) return { ok: false, error: new CorpusFetchError(url, 'status', `${response.status} ${response.statusText}`.trim()) };
  let value: unknown;
  try {
    value = await response.json();
  } catch (error) {
    return { ok: false, error: new CorpusFetchError(url, 'invalid', error instanceof Error ? error.message : 'not JSON') };
  }
  return isCorpusManifest(value) ? { ok: true, manifest: value } : { ok: false, error: new CorpusFetchError(url, 'invalid', 'not the manifest of a collection') };
}

export function createCorpusClient(options: CorpusClientOptions): CorpusClient {
  const { manifest } = options;
  const articles = new Map<string, ArticleDocument | null>();
  const pages = new Map<string, readonly ArticleEntry[]>();
  const entries = new Map<string, ArticleEntry>();
  const loadedShards = new Set<number>();
  const orders = new Map<SortOrder, readonly number[]>();
  const byPosition = new Map<number, ArticleEntry>();
  const inFlight = new Map<string, Promise<unknown>>();
  const listeners = new Set<() => void>();
  let version = 0;
  const notify = () => {
    version += 1;
    listeners.forEach((listener) => listener());
  };

  let outdated = false;
  let buildCheck: Promise<boolean> | null = null;
  /**
   * Whether the site now serves another build: asked when a data file is missing, since after a
   * deploy the old data folder is gone (and, when the app changed, the articles' folder) while what
   * the page asked for may well exist in the new one. A build file that cannot be had says nothing,
   * and the 404 stands.
   */
  function deployedAgain(): Promise<boolean> {
    if (outdated) return Promise.resolve(true);
    buildCheck ??= fetchCorpusManifest(options.baseUrl, options.fetch, { cache: 'no-store' })
      .then((build) => build.ok && build.manifest.dataDir !== manifest.dataDir)
      .then((again) => {
        buildCheck = null;
        if (again && !outdated) {
          outdated = true;
          notify();
        }
        return again;
      });
    return buildCheck;
  }

  /** A data file answered 404 or 410: gone with an old build, or never there. */
  async function missing(url: string): Promise<void> {
    if (await deployedAgain()) throw new CorpusFetchError(url, 'outdated');
  }

  const remember = (list: readonly ArticleEntry[]) =>
    list.forEach((entry) => {
      entries.set(entry.id, entry);
      byPosition.set(entry.position, entry);
    });
  const primeArticle = (document: ArticleDocument) => {
    articles.set(document.article.slug, document);
    entries.set(document.article.id, toEntry(document.article, document.position));
  };
  if (options.firstPage) {
    pages.set(`file/0`, options.firstPage);
    remember(options.firstPage);
  }
  options.documents?.forEach(primeArticle);

  /** Fetches a file once: callers asking again while it travels share the same promise. */
  function once<T>(path: string, parse: (response: Response | null, url: string) => Promise<T>): Promise<T> {
    const pending = inFlight.get(path) as Promise<T> | undefined;
    if (pending) return pending;
    const url = new URL(path, options.baseUrl).href;
    const request = options
      .fetch(url)
      .then(
        (response) => parse(response, url),
        (error: unknown) => {
          throw new CorpusFetchError(url, 'network', error instanceof Error ? error.message : String(error));
        },
      )
      .finally(() => inFlight.delete(path));
    inFlight.set(path, request);
    return request;
  }

  async function json(response: Response, url: string): Promise<unknown> {
    if (response.status === 404 || response.status === 410) await missing(url);
    if (!response.ok) throw new CorpusFetchError(url, 'status', `${response.status} ${response.statusText}`.trim());
    try {
      return await response.json();
    } catch (error) {
      throw new CorpusFetchError(url, 'invalid', error instanceof Error ? error.message : 'not JSON');
    }
  }

  return {
    manifest,
    peekArticle: (slug) => articles.get(slug),
    loadArticle(slug) {
      const known = articles.get(slug);
      if (known !== undefined) return Promise.resolve(known);
      const path = articlePath(manifest, slug);
      const packed = Boolean(manifest.articlePacks);
      const loading = once(path, async (response, url) => {
        if (!response) return;
        // Static hosts answer an unknown file with 404 (or 410): the article is not in this collection.
        if (response.status === 404 || response.status === 410) {
          await missing(url);
          if (!packed) articles.set(slug, null);
          return;
        }
        const value = await json(response, url);
        if (packed) {
          // A pack: every article in it is here now, and an article not in it is in no other.
          if (!Array.isArray(value) || !value.every(isArticleDocument)) throw new CorpusFetchError(url, 'invalid', 'not a pack of articles');
          value.forEach(primeArticle);
          return;
        }
        if (!isArticleDocument(value) || value.article.slug !== slug) throw new CorpusFetchError(url, 'invalid', 'not an article');
        primeArticle(value);
      });
      return loading.then(() => {
        const found = articles.get(slug);
        if (found === undefined) articles.set(slug, null);
        notify();
        return found ?? null;
      });
    },
    peekListPage: (sort, page) => pages.get(`${sort}/${page}`),
    loadListPage(sort, page) {
      const key = `${sort}/${page}`;
      const known = pages.get(key);
      if (known) return Promise.resolve(known);
      const path = listPagePath(manifest, sort, page);
      return once(path, async (response, url) => {
        const value = response ? await json(response, url) : [];
        if (!isEntryList(value)) throw new CorpusFetchError(url, 'invalid', 'not a list page');
        pages.set(key, value);
        remember(value);
        notify();
        return value;
      });
    },
    peekPosition: (position) => byPosition.get(position),
    async loadPosition(position) {
      if (byPosition.has(position)) return;
      const page = Math.floor(position / ENTRY_PAGE_SIZE);
      await once(entryPagePath(manifest, page), async (response, url) => {
        const value = response ? await json(response, url) : [];
        if (!isEntryList(value)) throw new CorpusFetchError(url, 'invalid', 'not a list of articles');
        remember(value);
        notify();
      });
    },
    loadOrder(sort) {
      const known = orders.get(sort);
      if (known) return Promise.resolve(known);
      if (sort === 'file') {
        const identity = Array.from({ length: manifest.total }, (_, position) => position);
        orders.set(sort, identity);
        return Promise.resolve(identity);
      }
      return once(orderPath(manifest, sort), async (response, url) => {
        const value = response ? await json(response, url) : [];
        if (!Array.isArray(value) || value.length !== manifest.total || !value.every((item) => typeof item === 'number')) throw new CorpusFetchError(url, 'invalid', 'not an order of the list');
        orders.set(sort, value as number[]);
        return value as number[];
      });
    },
    peekEntry(id) {
      const known = entries.get(id);
      if (known) return known;
      return loadedShards.has(shardOf(id, manifest.shards)) ? null : undefined;
    },
    async loadEntries(ids) {
      const shards = [...new Set(ids.map((id) => shardOf(id, manifest.shards)))].filter((shard) => !loadedShards.has(shard));
      await Promise.all(
        shards.map((shard) => {
          const path = shardPath(manifest, shard);
          return once(path, async (response, url) => {
            const value = response ? await json(response, url) : [];
            if (!isEntryList(value)) throw new CorpusFetchError(url, 'invalid', 'not a list of articles');
            remember(value);
            loadedShards.add(shard);
          });
        }),
      );
      if (shards.length) notify();
      const found = new Map<string, ArticleEntry>();
      for (const id of ids) {
        const entry = entries.get(id);
        if (entry) found.set(id, entry);
      }
      return found;
    },
    primeArticle(document) {
      primeArticle(document);
      notify();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getVersion: () => version,
    isOutdated: () => outdated,
  };
}
