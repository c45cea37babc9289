// The product's name and one-line description: every page title, the head tags, the feed, the web
// app manifest and the exported files say it from here.
export const APP_NAME = 'Broadsheet';
export const APP_DESCRIPTION = 'A reader for a collection of news articles, with highlights and notes.';

/** A page's title as the browser tab shows it: "Highlights · Broadsheet", or the name alone. */
export function pageTitle(title?: string): string {
  return title ? `${title} · ${APP_NAME}` : APP_NAME;
}
