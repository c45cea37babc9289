import { createContext, use } from 'react';

/** Whether single-key shortcuts are on (WCAG 2.1.4: the reader can turn them off). */
export const ShortcutsEnabledContext = createContext(true);

export function useShortcutsEnabled(): boolean {
  return use(ShortcutsEnabledContext);
}

/** Keys typed into a field are text, never shortcuts. */
export function isTypingTarget(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/** A plain key press that may be a shortcut: no modifier (Shift is part of `?`), not in a field, not handled. */
export function isShortcutEvent(event: KeyboardEvent): boolean {
  return !event.defaultPrevented && !event.ctrlKey && !event.metaKey && !event.altKey && !isTypingTarget(event.target);
}
