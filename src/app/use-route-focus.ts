import { useEffect, useRef, useState } from 'react';
import { useLocation } from 'react-router-dom';
import { HIGHLIGHT_QUERY_PARAM } from '../config/paths.ts';

/**
 * After a client-side navigation to another page, focus moves to the new page's heading and its
 * title is announced, as a full page load would do for a screen reader. Not on the first load,
 * not when only the query changes, and not when the URL points at a highlight (which takes focus).
 */
export function useRouteFocus(): string {
  const { pathname, search } = useLocation();
  const [announcement, setAnnouncement] = useState('');
  const previousPath = useRef(pathname);

  useEffect(() => {
    // A new query on the same page (typing a search, choosing a filter) is not a new page.
    if (previousPath.current === pathname) return;
    previousPath.current = pathname;
    if (new URLSearchParams(search).has(HIGHLIGHT_QUERY_PARAM)) return;
    // After React has committed the new page and its <title>.
    const timer = window.setTimeout(() => {
      const heading = document.querySelector<HTMLElement>('main h1');
      if (heading) {
        heading.tabIndex = -1;
        heading.focus({ preventScroll: true });
      }
      setAnnouncement(document.title);
    }, 0);
    return () => window.clearTimeout(timer);
    // The query is read only when the path changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pathname]);

  return announcement;
}
