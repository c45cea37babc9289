import { useEffect, useRef, useState } from 'react';
import { useLocation } from 'react-router-dom';
import { HIGHLIGHT_QUERY_PARAM } from '../config/paths.ts';

/** How long a page that is still loading may take to show its real heading and still get focus. */
const WAIT_FOR_PAGE_MS = 15_000;

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
    // After React has committed the new page and its <title>; again if the page was still loading
    // (its heading then says so) and its real heading replaces that one, unless the reader has
    // moved focus themselves meanwhile.
    let focused: HTMLElement | null = null;
    const focusHeading = () => {
      const heading = document.querySelector<HTMLElement>('main h1');
      if (!heading || heading === focused) return;
      const active = document.activeElement;
      if (focused && active !== document.body && active !== focused && active !== null) return;
      heading.tabIndex = -1;
      heading.focus({ preventScroll: true });
      focused = heading;
      setAnnouncement(document.title);
    };
    const timer = window.setTimeout(focusHeading, 0);
    const observer = new MutationObserver(() => {
      if (focused && !focused.isConnected) focusHeading();
    });
    const main = document.querySelector('main');
    if (main) observer.observe(main, { childList: true, subtree: true });
    // The real page's title comes after its heading: the announcement follows it.
    const titleObserver = new MutationObserver(() => {
      if (focused) setAnnouncement(document.title);
    });
    const title = document.querySelector('title');
    if (title) titleObserver.observe(title, { childList: true, characterData: true, subtree: true });
    const stop = window.setTimeout(() => {
      observer.disconnect();
      titleObserver.disconnect();
    }, WAIT_FOR_PAGE_MS);
    return () => {
      window.clearTimeout(timer);
      window.clearTimeout(stop);
      observer.disconnect();
      titleObserver.disconnect();
    };
    // The query is read only when the path changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pathname]);

  return announcement;
}
