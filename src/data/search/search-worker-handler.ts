import { limitSearchQuery } from '../../domain/search/query-limits.ts';
import { isSearchDirectory } from '../../domain/search/search-index-format.ts';
import { createSearchIndexReader, SearchDataUnavailableError, type SearchIndexReader, type SearchQuery } from '../../domain/search/search-index-reader.ts';
import { isSearchRequest, type SearchResponse } from './search-protocol.ts';

export type FetchText = (url: string) => Promise<string>;
export type CreateReader = typeof createSearchIndexReader;

/** Fetches a file of the index; an HTTP error is an error. */
export const fetchIndexText: FetchText = async (url) => {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.text();
};

type State =
  | { kind: 'idle' }
  | { kind: 'loading'; url: string; attempt: number }
  | { kind: 'ready'; url: string; reader: SearchIndexReader }
  | { kind: 'failed'; message: string };

const reason = (error: unknown): string => (error instanceof Error ? error.message : String(error)) || 'unknown error';

/**
 * The search worker's message handling, without the worker: `post` sends a response, `fetchText`
 * reads a file of the index. `load` fetches the index's directory (`search/index.json` in the data
 * folder); each query then fetches the shards it needs, beside it, and keeps them. Queries that
 * arrive before the directory has loaded wait for it; if it cannot be loaded they, and later
 * queries, get an error until a new `load` tries again.
 *
 * Every query is cut to the limits of query-limits.ts before it reaches the index, whoever sent it
 * (a `?q=` of 20,000 characters kept the worker busy for seconds), so no query holds up the next.
 *
 * Returns the handler; its promise settles once the message is handled (for tests).
 */
export function createSearchWorkerHandler(
  post: (message: SearchResponse) => void,
  fetchText: FetchText = fetchIndexText,
  createReader: CreateReader = createSearchIndexReader,
): (message: unknown) => Promise<void> {
  let state: State = { kind: 'idle' };
  let attempts = 0;
  let waiting: { id: number; request: SearchQuery }[] = [];

  const answer = async (reader: SearchIndexReader, id: number, request: SearchQuery): Promise<void> => {
    try {
      post({ type: 'result', id, hits: await reader.search({ ...request, text: limitSearchQuery(request.text).text }) });
    } catch (error) {
      const message =
        error instanceof SearchDataUnavailableError
          ? `This search needs part of the index that could not be fetched (${error.path}: ${error.detail}). Searches made before still work offline.`
          : `The search failed (${reason(error)}).`;
      post({ type: 'error', id, message });
    }
  };

  const settle = async (): Promise<void> => {
    const queued = waiting;
    waiting = [];
    for (const { id, request } of queued) {
      if (state.kind === 'ready') await answer(state.reader, id, request);
      else if (state.kind === 'failed') post({ type: 'error', id, message: state.message });
    }
  };

  const load = async (url: string): Promise<void> => {
    if (state.kind === 'ready' && state.url === url) {
      post({ type: 'loaded' });
      return;
    }
    if (state.kind === 'loading' && state.url === url) return;
    attempts += 1;
    const attempt = attempts;
    state = { kind: 'loading', url, attempt };
    let next: State;
    try {
      const text = await fetchText(url);
      try {
        const directory: unknown = JSON.parse(text);
        if (!isSearchDirectory(directory)) throw new Error('not a search index of this version');
        // Shard paths are relative to the data folder, which holds search/index.json.
        const dataFolder = new URL('../', url);
        next = { kind: 'ready', url, reader: createReader(directory, async (path) => JSON.parse(await fetchText(new URL(path, dataFolder).href)) as unknown) };
      } catch (error) {
        next = { kind: 'failed', message: `The search index could not be read (${reason(error)}).` };
      }
    } catch (error) {
      next = { kind: 'failed', message: `The search index could not be loaded (${reason(error)}).` };
    }
    // A newer `load` took over while this one was on its way.
    if (state.kind !== 'loading' || state.attempt !== attempt) return;
    state = next;
    post(next.kind === 'ready' ? { type: 'loaded' } : { type: 'load-failed', message: next.message });
    await settle();
  };

  return async (message) => {
    if (!isSearchRequest(message)) return;
    if (message.type === 'load') return load(message.url);
    if (state.kind === 'ready') await answer(state.reader, message.id, message.request);
    else if (state.kind === 'failed') post({ type: 'error', id: message.id, message: state.message });
    else waiting.push({ id: message.id, request: message.request });
  };
}
