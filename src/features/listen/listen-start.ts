/** Where the player starts: the headline, a paragraph, or a saved listening position (article-text offset). */
export type ListenStart = { kind: 'headline' } | { kind: 'paragraph'; paragraph: number } | { kind: 'offset'; offset: number };

/**
 * The paragraph the reader chose (focused with j/k, or holding the caret) or else the one at the top
 * of the screen; the headline while it is still on screen.
 */
export function startFromScreen(): ListenStart {
  const article = document.querySelector('main article');
  if (!article) return { kind: 'headline' };
  const paragraphs = [...article.querySelectorAll<HTMLElement>('p[data-text-start]')];
  const chosen = paragraphs.findIndex((p) => p === document.activeElement || p.contains(document.getSelection()?.anchorNode ?? null));
  if (chosen !== -1) return { kind: 'paragraph', paragraph: chosen };
  const headline = document.getElementById('article-headline');
  if (headline && headline.getBoundingClientRect().bottom > 0) return { kind: 'headline' };
  const top = paragraphs.findIndex((p) => p.getBoundingClientRect().bottom > 0);
  return top === -1 ? { kind: 'headline' } : { kind: 'paragraph', paragraph: top };
}
