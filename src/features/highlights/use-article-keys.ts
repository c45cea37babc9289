import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';
import { isShortcutEvent, useShortcutsEnabled } from '../../ui/keyboard.ts';

export interface ArticleKeyHandlers {
  /** `h`: highlight the selection, or the focused paragraph when nothing is selected. */
  onHighlightKey: () => void;
  /** Tab while the selection toolbar is shown: move into it. Returns whether it took focus. */
  onTabToToolbar: () => boolean;
  /** Escape while text is selected. */
  onEscape: () => void;
}

const PARAGRAPH = 'p[data-text-start]';

/** Moves focus to the next or previous paragraph of the article, so `h` can highlight it. */
function moveParagraphFocus(root: HTMLElement, step: 1 | -1): void {
  const paragraphs = [...root.querySelectorAll<HTMLElement>(PARAGRAPH)];
  const current = paragraphs.findIndex((p) => p === document.activeElement);
  const next = paragraphs[current === -1 ? (step === 1 ? 0 : paragraphs.length - 1) : current + step];
  if (!next) return;
  next.focus({ preventScroll: true });
  next.scrollIntoView({ block: 'nearest' });
}

/**
 * The article's keyboard shortcuts: `j`/`k` move between paragraphs, `h` highlights, Tab reaches
 * the selection toolbar, Escape drops the selection. None fire while the reader types in a field.
 */
export function useArticleKeys(rootRef: RefObject<HTMLElement | null>, handlers: ArticleKeyHandlers): void {
  const enabled = useShortcutsEnabled();
  const latest = useRef(handlers);
  useLayoutEffect(() => {
    latest.current = handlers;
  });

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const root = rootRef.current;
      // A modal dialog owns the keyboard: nothing behind it reacts.
      if (!root || !isShortcutEvent(event) || document.querySelector('dialog[open]')) return;
      // Tab and Escape are the keyboard's ordinary keys, not shortcuts: they work even with shortcuts off.
      if (event.key === 'Tab' && !event.shiftKey) {
        if (latest.current.onTabToToolbar()) event.preventDefault();
        return;
      }
      if (event.key === 'Escape') latest.current.onEscape();
      else if (!enabled) return;
      else if (event.key === 'h') {
        event.preventDefault();
        latest.current.onHighlightKey();
      } else if (event.key === 'j' || event.key === 'k') {
        event.preventDefault();
        moveParagraphFocus(root, event.key === 'j' ? 1 : -1);
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [rootRef, enabled]);
}
