import type { SearchHit, SearchQuery } from '../../domain/search/search-index-reader.ts';

/**
 * Messages between the app and the search worker. The worker loads the index's directory once
 * (`load`) and answers each `query` with a `result` or an `error` carrying the same id, fetching the
 * shards a query needs as it comes; it also says when the directory is ready or could not be
 * loaded, so the app can show it.
 */
export type SearchRequest = { type: 'load'; url: string } | { type: 'query'; id: number; request: SearchQuery };

export type SearchResponse =
  | { type: 'result'; id: number; hits: SearchHit[] }
  | { type: 'error'; id: number; message: string }
  | { type: 'loaded' }
  | { type: 'load-failed'; message: string };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isPositions = (value: unknown): boolean => value === undefined || (Array.isArray(value) && value.every((item) => typeof item === 'number'));

export function isSearchRequest(value: unknown): value is SearchRequest {
  if (!isRecord(value)) return false;
  if (value.type === 'load') return typeof value.url === 'string';
  return (
    value.type === 'query' &&
    typeof value.id === 'number' &&
    isRecord(value.request) &&
    typeof value.request.text === 'string' &&
    typeof value.request.sort === 'string' &&
    isPositions(value.request.only) &&
    isPositions(value.request.except)
  );
}

export function isSearchResponse(value: unknown): value is SearchResponse {
  if (!isRecord(value)) return false;
  switch (value.type) {
    case 'result':
      return typeof value.id === 'number' && Array.isArray(value.hits);
    case 'error':
      return typeof value.id === 'number' && typeof value.message === 'string';
    case 'loaded':
      return true;
    case 'load-failed':
      return typeof value.message === 'string';
    default:
      return false;
  }
}
