import type { Article } from '../domain/articles/article.ts';
import { shortenHeadline } from '../domain/articles/shorten-headline.ts';

export const APP_NAME = 'Broadsheet';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function withHead(shell: string, title: string, description: string): string {
  return shell
    // Replacer functions, so a "$&" or "$'" in a headline is text, not a replacement pattern.
    .replace(/<title>[^<]*<\/title>/, () => `<title>${escapeHtml(title)}</title>`)
    .replace(/<meta name="description" content="[^"]*"\s*\/?>/, () => `<meta name="description" content="${escapeHtml(description)}" />`);
}

/**
 * One HTML file per route, so a plain static host with no rewrite rules answers every URL the app
 * makes (and 404.html for hosts that use it). Each carries its own title and description.
 */
export function routeDocuments(shell: string, articles: readonly Article[]): { fileName: string; html: string }[] {
  return [
    ...articles.map((article) => ({
      fileName: `article/${article.slug}/index.html`,
      html: withHead(shell, `${shortenHeadline(article.headline, 120)} · ${APP_NAME}`, article.excerpt),
    })),
    { fileName: 'highlights/index.html', html: withHead(shell, `Highlights · ${APP_NAME}`, 'Every passage you highlighted.') },
    { fileName: '404.html', html: withHead(shell, `Page not found · ${APP_NAME}`, 'There is no page at this address.') },
  ];
}
