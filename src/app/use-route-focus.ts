import { useEffect, useRef, useState } from 'react';
import { useLocation } from 'react-router-dom';

/**
 * After a client-side navigation, focus moves to the new page's heading and its title is
 * announced, as a full page load would do for a screen reader. Not on the first load, and not
 * when the URL points at a highlight (which takes focus itself).
 */
export function useRouteFocus(): string {
  const { pathname, search } = useLocation();
  const [announcement, setAnnouncement] = useState('');
  const first = useRef(true);

  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (new URLSearchParams(search).has('highlight')) return;
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
  }, [pathname, search]);

  return announcement;
}
