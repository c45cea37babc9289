import type { Article } from '../domain/articles/article.ts';
import { PAGE_DATA_ID } from '../domain/articles/corpus-layout.ts';
import { shortenHeadline } from '../domain/articles/shorten-headline.ts';
import { APP_DESCRIPTION, APP_NAME, pageTitle } from '../config/app.ts';
import { paths } from '../config/paths.ts';

export { APP_NAME };


export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** JSON inside a script element: escaping every "<" means no text can close the element or open a comment. */
export function escapeScriptData(json: string): string {
  return json.replace(/</g, '\\u003c');
}

export interface PageHead {
  title: string;
  description: string;
  /** The page's path under the site ("article/x/"), for canonical and Open Graph URLs. */
  path: string;
  type: 'website' | 'article';
}

export function articleHead(article: Pick<Article, 'slug' | 'headline' | 'excerpt'>): PageHead {
  return { title: pageTitle(shortenHeadline(article.headline, 120)), description: article.excerpt, path: paths.article.sitePath(article.slug), type: 'article' };
}

export const LIST_HEAD: PageHead = { title: pageTitle(), description: APP_DESCRIPTION, path: paths.library.sitePath(), type: 'website' };
export const HIGHLIGHTS_HEAD: PageHead = { title: pageTitle('Highlights'), description: 'Every passage you highlighted, with your notes.', path: paths.highlights.sitePath(), type: 'website' };
export const NOT_FOUND_HEAD: PageHead = { title: pageTitle('Page not found'), description: 'There is no page at this address.', path: paths.notFound.fileName, type: 'website' };

/**
 * The per-page tags: description, canonical (only with a known site URL), Open Graph and Twitter
 * cards. Every value from seed text is HTML-escaped.
 */
export function headTags(head: PageHead, siteUrl: string | undefined): string {
  const url = siteUrl ? new URL(head.path, siteUrl).href : undefined;
  const tags = [
    `<meta name="description" content="${escapeHtml(head.description)}" />`,
    `<meta property="og:site_name" content="${APP_NAME}" />`,
    `<meta property="og:type" content="${head.type}" />`,
    `<meta property="og:title" content="${escapeHtml(head.title)}" />`,
    `<meta property="og:description" content="${escapeHtml(head.description)}" />`,
    `<meta name="twitter:card" content="summary" />`,
    `<meta name="twitter:title" content="${escapeHtml(head.title)}" />`,
    `<meta name="twitter:description" content="${escapeHtml(head.description)}" />`,
  ];
  if (url) tags.push(`<link rel="canonical" href="${escapeHtml(url)}" />`, `<meta property="og:url" content="${escapeHtml(url)}" />`);
  return tags.join('\n    ');
}

/**
 * A page from the built index.html: its title and head tags, the prerendered app, and, for a
 * relative build, asset URLs rewritten for the page's folder depth. Only the head's URLs are
 * rewritten: the app's own links are relative already.
 */
export function composePage(
  shell: string,
  options: {
    head: PageHead;
    siteUrl?: string | undefined;
    body: string;
    render: 'hydrate' | 'replace';
    assetPrefix: string | null;
    data?: string | undefined;
    /** Script URLs (as the shell writes them) the page needs before it hydrates: fetched alongside the entry. */
    preload?: readonly string[] | undefined;
    /** A data file (as the shell writes URLs) the app fetches before it hydrates: asked for with the HTML, not after the scripts. */
    preloadData?: string | undefined;
  },
): string {
  const bodyAt = shell.indexOf('<body');
  let head = shell.slice(0, bodyAt);
  let body = shell.slice(bodyAt);
  // crossorigin: the app's fetch() is a CORS-mode request, and a preload is only reused by a request of the same mode.
  const links = [
    ...(options.preloadData ? [`<link rel="preload" as="fetch" crossorigin href="${escapeHtml(options.preloadData)}">`] : []),
    ...(options.preload ?? []).map((url) => `<link rel="modulepreload" crossorigin href="${escapeHtml(url)}">`),
  ];
  if (links.length) head = head.replace('</head>', () => `  ${links.join('\n    ')}\n  </head>`);
  head = head
    .replace(/<title>[^<]*<\/title>/, () => `<title>${escapeHtml(options.head.title)}</title>`)
    .replace(/<meta name="description"[^>]*>/, () => headTags(options.head, options.siteUrl));
  if (options.assetPrefix !== null) {
    const prefix = options.assetPrefix;
    head = head.replace(/(\s(?:src|href))="\.\//g, (_match, attribute: string) => `${attribute}="${prefix}`);
  }
  const data = options.data === undefined ? '' : `<script type="application/json" id="${PAGE_DATA_ID}">${escapeScriptData(options.data)}</script>`;
  body = body.replace(/<div id="root"><\/div>/, () => `<div id="root" data-render="${options.render}">${options.body}</div>${data}`);
  return head + body;
}
