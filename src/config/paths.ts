import type { SortOrder } from '../domain/articles/sort-articles.ts';
import { isSortOrder } from '../domain/articles/sort-articles.ts';
import { isHighlightColor, isHighlightSort, type HighlightSort } from '../domain/highlights/filter-highlights.ts';
import type { HighlightColor } from '../domain/highlights/highlight.ts';
import { isReadingStatus, type ReadingStatus } from '../domain/reading/reading-progress.ts';

/** The query parameter that opens an article at one highlight (`?highlight=<id>`). */
export const HIGHLIGHT_QUERY_PARAM = 'highlight';

/**
 * Every route's pattern for the router, its href builder for links, and the folder its prerendered
 * page is written to, so neither a component nor the build assembles a URL by hand. Hrefs are app
 * paths (under the router's basename) ending in "/", the folder whose index.html the build writes
 * for that route, so a static host serves them without a redirect. A route drawn by a screen in a
 * chunk of its own names that module: the build preloads it on the route's pages.
 */
export const paths = {
  library: {
    path: '/',
    sitePath: () => '',
    getHref: (params: { q?: string; sort?: SortOrder } = {}) => {
      const search = new URLSearchParams();
      if (params.q) search.set('q', params.q);
      if (params.sort && params.sort !== 'file') search.set('sort', params.sort);
      const query = search.toString();
      return query ? `/?${query}` : '/';
    },
  },
  article: {
    path: '/article/:slug',
    /** The page's folder under the site, from the slug as written (the build's file names). */
    sitePath: (slug: string) => `article/${slug}/`,
    getHref: (slug: string, options: { highlight?: string } = {}) =>
      `/${paths.article.sitePath(encodeURIComponent(slug))}${options.highlight ? `?${HIGHLIGHT_QUERY_PARAM}=${encodeURIComponent(options.highlight)}` : ''}`,
    screenModule: 'src/app/article-screen.tsx',
  },
  highlights: {
    path: '/highlights',
    sitePath: () => 'highlights/',
    getHref: () => '/highlights/',
    screenModule: 'src/app/highlights-screen.tsx',
  },
  notFound: {
    path: '*',
    /** Static hosts serve this file at any unknown address; it is prerendered at an address no route has. */
    fileName: '404.html',
    prerenderAt: '/404/',
  },
} as const;

/** The routes whose screen is a chunk of its own, by name. */
export type ScreenRoute = { [K in keyof typeof paths]: (typeof paths)[K] extends { screenModule: string } ? K : never }[keyof typeof paths];
export const SCREEN_ROUTES: readonly ScreenRoute[] = ['article', 'highlights'];

/** The file a route's page is written to, from its folder under the site. */
export const pageFile = (sitePath: string) => `${sitePath}index.html`;

/** The slug an article link names (`…/article/<slug>/…`, absolute or not), or undefined. The inverse of `paths.article.getHref`. */
export function articleSlugInHref(href: string): string | undefined {
  const encoded = /\/article\/([^/?#]+)/.exec(href)?.[1] ?? '';
  try {
    return decodeURIComponent(encoded) || undefined;
  } catch {
    return undefined; // A malformed link names no article.
  }
}

/** The list's query parameters, typed. A value the page does not know reads as absent. */
export interface LibraryParams {
  q: string;
  sort: SortOrder | null;
  status: ReadingStatus | null;
}

export function parseLibraryParams(params: URLSearchParams): LibraryParams {
  const sort = params.get('sort');
  const status = params.get('status');
  return { q: params.get('q') ?? '', sort: isSortOrder(sort) ? sort : null, status: isReadingStatus(status) ? status : null };
}

/** The Highlights page's query parameters, typed. A value the page does not know reads as absent. */
export interface HighlightsParams {
  q: string;
  color: HighlightColor | null;
  article: string | null;
  sort: HighlightSort;
}

export function parseHighlightsParams(params: URLSearchParams): HighlightsParams {
  const color = params.get('color');
  const sort = params.get('sort');
  return { q: params.get('q') ?? '', color: isHighlightColor(color) ? color : null, article: params.get('article'), sort: isHighlightSort(sort) ? sort : 'article' };
}

/** The parameters with one set, or removed when empty or at its default, as both pages' controls change them. */
export function withParam<P extends LibraryParams | HighlightsParams>(previous: URLSearchParams, name: keyof P & string, value: string, fallback = ''): URLSearchParams {
  const next = new URLSearchParams(previous);
  if (value && value !== fallback) next.set(name, value);
  else next.delete(name);
  return next;
}
