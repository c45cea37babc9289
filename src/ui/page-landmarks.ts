import { PARAGRAPH_SELECTOR } from '../domain/highlights/anchoring/dom-text-position.ts';

// The elements one part of a page finds that another part draws, named in one place so the drawing
// and the finding cannot drift apart: features meet here, never in each other's markup.

/** The article being read: the article page draws it inside <main>. */
export function currentArticle(): HTMLElement | null {
  return document.querySelector<HTMLElement>('main article');
}

/**
 * The article's paragraphs, in order. The article body marks each with its offset in the article's
 * text (`PARAGRAPH_SELECTOR`); reading progress counts them to save and restore a position.
 */
export function articleParagraphs(article: ParentNode | null = currentArticle()): HTMLElement[] {
  return article ? [...article.querySelectorAll<HTMLElement>(`p${PARAGRAPH_SELECTOR}`)] : [];
}

/** The page's own search field (the list's and the Highlights page's), which `/` focuses. */
export function pageSearchField(): HTMLInputElement | null {
  return document.querySelector<HTMLInputElement>('main input[type="search"]');
}

/** The page's previous or next link (the article page's neighbours), which `[` and `]` follow. */
export function pageLink(rel: 'prev' | 'next'): HTMLAnchorElement | null {
  return document.querySelector<HTMLAnchorElement>(`main a[rel="${rel}"]`);
}
