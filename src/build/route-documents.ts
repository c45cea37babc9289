import type { Article, ArticleSummary } from '../domain/articles/article.ts';
import { pageFile, paths, type ScreenRoute } from '../config/paths.ts';
import { articleHead, composePage, HIGHLIGHTS_HEAD, LIST_HEAD, NOT_FOUND_HEAD, type PageHead } from './page-head.ts';

export { APP_NAME, escapeHtml } from './page-head.ts';

/** A page the build writes: its file, the app path it is rendered at, and its head. */
export interface RoutePage {
  fileName: string;
  /** The app path to prerender (the route's URL under the site). */
  path: string;
  head: PageHead;
  /** 404.html is served at any unknown address, so it is rendered afresh rather than hydrated. */
  render: 'hydrate' | 'replace';
  /** The article shown, for an article's page. */
  slug?: string;
  /** The lazily loaded screen the page shows, whose chunk it preloads. */
  screen?: ScreenRoute;
}

/** An article's page. */
export function articlePage(article: Pick<ArticleSummary, 'slug' | 'headline' | 'excerpt'>): RoutePage {
  const sitePath = paths.article.sitePath(article.slug);
  return { fileName: pageFile(sitePath), path: `/${sitePath}`, head: articleHead(article), render: 'hydrate', slug: article.slug, screen: 'article' };
}

export const LIST_PAGE: RoutePage = { fileName: pageFile(paths.library.sitePath()), path: paths.library.getHref(), head: LIST_HEAD, render: 'hydrate' };

/** The pages that are not an article's: the list, the Highlights page and 404.html. */
export const SITE_PAGES: readonly RoutePage[] = [
  LIST_PAGE,
  { fileName: pageFile(paths.highlights.sitePath()), path: paths.highlights.getHref(), head: HIGHLIGHTS_HEAD, render: 'hydrate', screen: 'highlights' },
  { fileName: paths.notFound.fileName, path: paths.notFound.prerenderAt, head: NOT_FOUND_HEAD, render: 'replace' },
];

/**
 * Every page: the list, one per article, the Highlights page and 404.html, so a plain static host
 * with no rewrite rules answers every URL the app makes (404.html for hosts that use one).
 */
export function routePages(articles: readonly Article[]): RoutePage[] {
  const [list, ...rest] = SITE_PAGES;
  return [...(list ? [list] : []), ...articles.map(articlePage), ...rest];
}

/**
 * Where a page's assets are, from its folder, in a relative build (null in a build pinned by
 * BASE_PATH, whose URLs are absolute already). 404.html is served at unknown depths, so it
 * assumes the site's root; hosts that serve it under a sub-path want a BASE_PATH build.
 */
export function assetPrefix(fileName: string, relative: boolean): string | null {
  if (!relative) return null;
  if (fileName === paths.notFound.fileName) return '/';
  const depth = fileName.split('/').length - 1;
  return depth === 0 ? './' : '../'.repeat(depth);
}

export interface RouteDocumentOptions {
  /** Prerendered app HTML by file name; a page without one is an empty shell the app renders. */
  bodies?: ReadonlyMap<string, string>;
  siteUrl?: string | undefined;
  /** A relative build (no BASE_PATH): asset URLs are rewritten for each page's depth. */
  relative?: boolean;
  /** JSON the page carries for the app to hydrate with (the list's first page), in a data block. */
  data?: string | undefined;
  /** A data file the page's app fetches before it hydrates (an article's text), as a URL in the shell's form. */
  preloadData?: string | undefined;
  /** The chunks of each lazily loaded screen, as URLs in the shell's form. */
  screenChunks?: Partial<Record<NonNullable<RoutePage['screen']>, readonly string[]>>;
}

export function routeDocument(shell: string, page: RoutePage, options: RouteDocumentOptions = {}): string {
  return composePage(shell, {
    head: page.head,
    siteUrl: options.siteUrl,
    body: options.bodies?.get(page.fileName) ?? '',
    render: page.render,
    assetPrefix: assetPrefix(page.fileName, options.relative ?? false),
    data: options.data,
    preloadData: options.preloadData,
    preload: page.screen ? options.screenChunks?.[page.screen] : undefined,
  });
}
