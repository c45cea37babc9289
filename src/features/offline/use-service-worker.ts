import { useEffect, useRef, useState } from 'react';
import { useHref } from 'react-router-dom';
import type { Workbox } from 'workbox-window';

/**
 * Registers the service worker (production builds only) from the site's own root, whatever path
 * it is hosted under, and reports when a new version has been downloaded and waits. The new
 * version takes over only when the reader asks, so content never changes under them.
 */
export function useServiceWorker(): { updateReady: boolean; applyUpdate: () => void } {
  const siteRoot = useHref('/');
  const workbox = useRef<Workbox | null>(null);
  const [updateReady, setUpdateReady] = useState(false);

  useEffect(() => {
    if (import.meta.env.DEV || !('serviceWorker' in navigator)) return;
    const root = siteRoot.endsWith('/') ? siteRoot : `${siteRoot}/`;
    let cancelled = false;
    // Loaded on demand: it is not needed for the first paint, and only in a browser.
    void import('workbox-window').then(({ Workbox }) => {
      if (cancelled) return;
      const registration = new Workbox(`${root}sw.js`, { scope: root });
      registration.addEventListener('waiting', () => setUpdateReady(true));
      workbox.current = registration;
      registration.register().catch(() => {
        // Offline support is a bonus: without it (private mode, file://) the reader still works.
      });
    });
    return () => {
      cancelled = true;
    };
  }, [siteRoot]);

  const applyUpdate = () => {
    const registration = workbox.current;
    if (!registration) return;
    registration.addEventListener('controlling', () => window.location.reload());
    registration.messageSkipWaiting();
  };

  return { updateReady, applyUpdate };
}
