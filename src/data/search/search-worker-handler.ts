import { limitSearchQuery } from '../../domain/search/query-limits.ts';
import { loadSearchIndex, queryArticles, type ListQuery, type SearchIndex } from '../../domain/search/search-index.ts';
import { isSearchRequest, type SearchResponse } from './search-protocol.ts';

export type FetchText = (url: string) => Promise<string>;
export type RunQuery = typeof queryArticles;

/** Fetches the index file; an HTTP error is an error. */
export const fetchIndexText: FetchText = async (url) => {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.text();
};

type State =
  | { kind: 'idle' }
  | { kind: 'loading'; url: string; attempt: number }
  | { kind: 'ready'; url: string; index: SearchIndex }
  | { kind: 'failed'; message: string };

const reason = (error: unknown): string => (error instanceof Error ? error.message : String(error)) || 'unknown error';

/**
 * The search worker's message handling, without the worker: `post` sends a response, `fetchText`
 * reads the index file. Queries that arrive before the index has loaded wait for it; if it cannot
 * be loaded they, and later queries, get an error until a new `load` tries again.
 *
 * Every query is cut to the limits of query-limits.ts before it reaches the index, whoever sent it
 * (a `?q=` of 20,000 characters kept the worker busy for seconds), so no query holds up the next.
 *
 * Returns the handler; its promise settles once the message is handled (for tests).
 */
export function createSearchWorkerHandler(
  post: (message: SearchResponse) => void,
  fetchText: FetchText = fetchIndexText,
  runQuery: RunQuery = queryArticles,
): (message: unknown) => Promise<void> {
  let state: State = { kind: 'idle' };
  let attempts = 0;
  let waiting: { id: number; request: ListQuery }[] = [];

  const answer = (index: SearchIndex, id: number, request: ListQuery): void => {
    try {
      post({ type: 'result', id, hits: runQuery(index, { ...request, text: limitSearchQuery(request.text).text }) });
    } catch (error) {
      post({ type: 'error', id, message: `The search failed (${reason(error)}).` });
    }
  };

  const settle = (): void => {
    const queued = waiting;
    waiting = [];
    for (const { id, request } of queued) {
      if (state.kind === 'ready') answer(state.index, id, request);
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
        next = { kind: 'ready', url, index: loadSearchIndex(text) };
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
    settle();
  };

  return async (message) => {
    if (!isSearchRequest(message)) return;
    if (message.type === 'load') return load(message.url);
    if (state.kind === 'ready') answer(state.index, message.id, message.request);
    else if (state.kind === 'failed') post({ type: 'error', id: message.id, message: state.message });
    else waiting.push({ id: message.id, request: message.request });
  };
}
