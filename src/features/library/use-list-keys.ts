import { useEffect } from 'react';
import { isShortcutEvent, useShortcutsEnabled } from '../../ui/keyboard.ts';

export const LIST_LINK_ATTRIBUTE = 'data-list-link';

/** `j` and `k` move focus down and up the list's article links; Enter then opens one. */
export function useListKeys(): void {
  const enabled = useShortcutsEnabled();
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isShortcutEvent(event) || (event.key !== 'j' && event.key !== 'k') || document.querySelector('dialog[open]')) return;
      const links = [...document.querySelectorAll<HTMLElement>(`main [${LIST_LINK_ATTRIBUTE}]`)];
      if (links.length === 0) return;
      event.preventDefault();
      const current = links.findIndex((link) => link === document.activeElement);
      const next = current === -1 ? 0 : Math.min(links.length - 1, Math.max(0, current + (event.key === 'j' ? 1 : -1)));
      links[next]?.focus();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}
