import { useCallback, useState } from 'react';
import { DEFAULT_HIGHLIGHT_COLOR, type HighlightColor } from '../../domain/highlights/highlight.ts';
import { isHighlightColor } from '../../domain/highlights/filter-highlights.ts';

const LAST_COLOR_KEY = 'broadsheet:last-highlight-color';

function readLastColor(): HighlightColor {
  try {
    const stored = window.localStorage.getItem(LAST_COLOR_KEY);
    return isHighlightColor(stored) ? stored : DEFAULT_HIGHLIGHT_COLOR;
  } catch {
    return DEFAULT_HIGHLIGHT_COLOR;
  }
}

/** The colour the reader used last, offered first next time (a preference: losing it costs nothing). */
export function useLastColor(): [HighlightColor, (color: HighlightColor) => void] {
  const [color, setColor] = useState(readLastColor);
  const remember = useCallback((next: HighlightColor) => {
    setColor(next);
    try {
      window.localStorage.setItem(LAST_COLOR_KEY, next);
    } catch {
      // Storage blocked or full: the colour is still used for this visit.
    }
  }, []);
  return [color, remember];
}
