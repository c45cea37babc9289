import type { SortOrder } from '../domain/articles/sort-articles.ts';

/**
 * Every route's pattern for the router and its href builder for links, so no component assembles a
 * URL by hand. Hrefs are app paths (under the router's basename) ending in "/", the folder whose
 * index.html the build writes for that route, so a static host serves them without a redirect.
 */
/** The query parameter that opens an article at one highlight (`?highlight=<id>`). */
export const HIGHLIGHT_QUERY_PARAM = 'highlight';

export const paths = {
  library: {
    path: '/',
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
    getHref: (slug: string, options: { highlight?: string } = {}) =>
      `/article/${encodeURIComponent(slug)}/${options.highlight ? `?${HIGHLIGHT_QUERY_PARAM}=${encodeURIComponent(options.highlight)}` : ''}`,
  },
  highlights: {
    path: '/highlights',
    getHref: () => '/highlights/',
  },
} as const;
