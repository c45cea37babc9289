import type { ArticleSummary } from '../domain/articles/article.ts';
import { APP_NAME, escapeHtml } from './page-head.ts';
import { paths } from '../config/paths.ts';

// Characters XML 1.0 does not allow anywhere, not even escaped.
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const xmlText = (text: string) => escapeHtml(text.replace(NOT_XML, ''));

/** How many articles the feed lists (file order, first first). */
export const FEED_LIMIT = 50;

/**
 * An Atom feed of the newest FEED_LIMIT articles, newest first. The seeds carry no dates, so the
 * newest are the last in file order (an archive's names sort by date or number), the same ones
 * PRERENDER_LIMIT gives pages. Links are relative to the feed (at the site's root), which feed
 * readers resolve against where they fetched it; with SITE_URL they are absolute.
 */
export function atomFeed(articles: readonly ArticleSummary[], options: { siteUrl?: string | undefined; updated: Date }): string {
  const link = (path: string) => escapeHtml(options.siteUrl ? new URL(path, options.siteUrl).href : path);
  const updated = options.updated.toISOString();
  const entries = articles.slice(-FEED_LIMIT).reverse().map(
    (article) => `  <entry>
    <title>${xmlText(article.headline)}</title>
    <link rel="alternate" type="text/html" href="${link(paths.article.sitePath(article.slug))}"/>
    <id>urn:broadsheet:article:${escapeHtml(encodeURIComponent(article.id))}</id>
    <updated>${updated}</updated>
    <summary>${xmlText(article.excerpt)}</summary>
  </entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>${APP_NAME}</title>
  <link rel="alternate" type="text/html" href="${link('./')}"/>
  <link rel="self" type="application/atom+xml" href="${link('feed.xml')}"/>
  <id>urn:broadsheet:feed</id>
  <updated>${updated}</updated>
  <author><name>${APP_NAME}</name></author>
${entries.join('\n')}
</feed>
`;
}

export function sitemap(articles: readonly ArticleSummary[], siteUrl: string): string {
  const urls = [paths.library.sitePath(), paths.highlights.sitePath(), ...articles.map((a) => paths.article.sitePath(a.slug))];
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls.map((path) => `  <url><loc>${escapeHtml(new URL(path, siteUrl).href)}</loc></url>`).join('\n')}
</urlset>
`;
}

export function robotsTxt(siteUrl: string): string {
  return `User-agent: *\nAllow: /\nSitemap: ${new URL('sitemap.xml', siteUrl).href}\n`;
}
