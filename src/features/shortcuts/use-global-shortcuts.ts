import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router-dom';
import { paths } from '../../config/paths.ts';
import { isShortcutEvent } from '../../ui/keyboard.ts';
import { pageLink, pageSearchField } from '../../ui/page-landmarks.ts';

// How long after `g` the second key of a sequence is awaited.
const SEQUENCE_TIMEOUT_MS = 1500;

/** Shortcuts that work on every view: `/`, `[`, `]`, `g h`, `g a` and `?`. Off when `enabled` is false. */
export function useGlobalShortcuts(enabled: boolean, onHelp: () => void): void {
  const navigate = useNavigate();
  const pendingG = useRef(0);

  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isShortcutEvent(event) || document.querySelector('dialog[open]')) return;
      const afterG = Date.now() - pendingG.current < SEQUENCE_TIMEOUT_MS;
      pendingG.current = 0;
      if (afterG && (event.key === 'h' || event.key === 'a')) {
        event.preventDefault();
        void navigate(event.key === 'h' ? paths.highlights.getHref() : paths.library.getHref());
        return;
      }
      switch (event.key) {
        case 'g':
          pendingG.current = Date.now();
          break;
        case '/': {
          const search = pageSearchField();
          if (search) {
            event.preventDefault();
            search.focus();
            search.select();
          }
          break;
        }
        case '[':
          pageLink('prev')?.click();
          break;
        case ']':
          pageLink('next')?.click();
          break;
        case '?':
          event.preventDefault();
          onHelp();
          break;
      }
    };
    // Capture, so `g h` wins over the article's own `h` (highlight).
    document.addEventListener('keydown', onKeyDown, true);
    return () => document.removeEventListener('keydown', onKeyDown, true);
  }, [enabled, navigate, onHelp]);
}
