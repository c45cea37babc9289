import * as v from 'valibot';
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

const Positions = v.optional(v.array(v.number()));

// Messages cross a thread boundary as structured clones: checked on arrival, never trusted.
const SearchRequestSchema = v.variant('type', [
  v.object({ type: v.literal('load'), url: v.string() }),
  v.object({ type: v.literal('query'), id: v.number(), request: v.object({ text: v.string(), sort: v.string(), only: Positions, except: Positions }) }),
]);

const SearchResponseSchema = v.variant('type', [
  v.object({ type: v.literal('result'), id: v.number(), hits: v.array(v.unknown()) }),
  v.object({ type: v.literal('error'), id: v.number(), message: v.string() }),
  v.object({ type: v.literal('loaded') }),
  v.object({ type: v.literal('load-failed'), message: v.string() }),
]);

export function isSearchRequest(value: unknown): value is SearchRequest {
  return v.is(SearchRequestSchema, value);
}

export function isSearchResponse(value: unknown): value is SearchResponse {
  return v.is(SearchResponseSchema, value);
}
