import { createContext, use, useCallback, useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { ArticleDocument, ArticleEntry } from '../../domain/articles/corpus-layout.ts';
import type { CorpusClient } from './corpus-client.ts';

const CorpusContext = createContext<CorpusClient | null>(null);

export function CorpusProvider({ client, children }: { client: CorpusClient; children: ReactNode }) {
  return <CorpusContext value={client}>{children}</CorpusContext>;
}

export function useCorpus(): CorpusClient {
  const client = use(CorpusContext);
  if (!client) throw new Error('useCorpus must be used inside <CorpusProvider>');
  return client;
}

/** A fetch that failed, with a way to try again. */
export interface FailedLoad {
  error: Error;
  retry: () => void;
}

export type ArticleState =
  | { status: 'ready'; document: ArticleDocument }
  | { status: 'missing' }
  | { status: 'loading' }
  | ({ status: 'error' } & FailedLoad);

/** Re-runs a load when `retry` is called, and keeps its error until then. */
function useLoad(load: (() => Promise<unknown>) | null, key: string): FailedLoad | null {
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<{ key: string; error: Error } | null>(null);
  const retry = useCallback(() => {
    setFailure(null);
    setAttempt((n) => n + 1);
  }, []);
  useEffect(() => {
    if (!load) return;
    let live = true;
    load().catch((error: unknown) => {
      if (live) setFailure({ key, error: error instanceof Error ? error : new Error(String(error)) });
    });
    return () => {
      live = false;
    };
    // `load` is rebuilt every render; `key` says what it loads.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, attempt, load === null]);
  return failure && failure.key === key ? { error: failure.error, retry } : null;
}

/** One article by slug: at once when the page arrived with it or it was fetched before. */
export function useArticleDocument(slug: string): ArticleState {
  const client = useCorpus();
  const peek = () => client.peekArticle(slug);
  const document = useSyncExternalStore(client.subscribe, peek, peek);
  const failure = useLoad(document === undefined ? () => client.loadArticle(slug) : null, slug);
  if (document) return { status: 'ready', document };
  if (document === null) return { status: 'missing' };
  return failure ? { status: 'error', ...failure } : { status: 'loading' };
}

export type ArticlesState =
  /** `pending`: ids asked for whose articles are still on their way (the documents are from before). */
  | { status: 'ready'; documents: ReadonlyMap<string, ArticleDocument>; pending: ReadonlySet<string> }
  | ({ status: 'error' } & FailedLoad);

/**
 * The articles with these ids, text and all (the Highlights view anchors quotes in them). Ids no
 * longer in the collection are absent from the result. When more ids are asked for, what was
 * already loaded stays available while the rest arrives.
 */
export function useArticleDocuments(ids: readonly string[]): ArticlesState {
  const client = useCorpus();
  const key = [...new Set(ids)].sort().join('\n');
  const [loaded, setLoaded] = useState<{ key: string; documents: ReadonlyMap<string, ArticleDocument> }>({ key: '', documents: EMPTY });
  const failure = useLoad(
    key && loaded.key !== key
      ? async () => {
          const wanted = key.split('\n');
          const entries = await client.loadEntries(wanted);
          const documents = await Promise.all([...entries.values()].map((entry) => client.loadArticle(entry.slug)));
          setLoaded({ key, documents: new Map(documents.filter((d): d is ArticleDocument => d !== null).map((d) => [d.article.id, d])) });
        }
      : null,
    key,
  );
  if (!key) return { status: 'ready', documents: EMPTY, pending: NONE };
  if (loaded.key === key) return { status: 'ready', documents: loaded.documents, pending: NONE };
  if (failure) return { status: 'error', ...failure };
  const before = new Set(loaded.key.split('\n'));
  return { status: 'ready', documents: loaded.documents, pending: new Set(key.split('\n').filter((id) => !before.has(id))) };
}

const NONE: ReadonlySet<string> = new Set();
const EMPTY: ReadonlyMap<string, ArticleDocument> = new Map();

/** List entries by id (headline, slug) for what only knows ids: "Continue reading", exports. */
export function useArticleEntries(ids: readonly string[]): ReadonlyMap<string, ArticleEntry> {
  const client = useCorpus();
  const key = [...new Set(ids)].sort().join('\n');
  const snapshot = useSyncExternalStore(client.subscribe, () => entriesSnapshot(client, key), () => entriesSnapshot(client, key));
  useLoad(key && snapshot.pending ? () => client.loadEntries(key.split('\n')) : null, key);
  return snapshot.entries;
}

const snapshots = new WeakMap<CorpusClient, Map<string, { signature: string; pending: boolean; entries: ReadonlyMap<string, ArticleEntry> }>>();

function entriesSnapshot(client: CorpusClient, key: string) {
  const byKey = snapshots.get(client) ?? new Map();
  snapshots.set(client, byKey);
  const entries = new Map<string, ArticleEntry>();
  let pending = false;
  let signature = '';
  for (const id of key ? key.split('\n') : []) {
    const entry = client.peekEntry(id);
    if (entry === undefined) pending = true;
    if (entry) entries.set(id, entry);
    signature += entry === undefined ? '?' : entry ? '1' : '0';
  }
  const previous = byKey.get(key);
  // useSyncExternalStore needs the same object back while nothing changed.
  if (previous && previous.signature === signature) return previous;
  const next = { signature, pending, entries };
  byKey.set(key, next);
  return next;
}
