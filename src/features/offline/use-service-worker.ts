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

/**
 * Loads the version of the site deployed now. A service worker from an older build would serve its
 * own precached pages again, so it first looks for the new one and lets it take over.
 */
export async function reloadToCurrentVersion(): Promise<void> {
  const container = 'serviceWorker' in navigator ? navigator.serviceWorker : null;
  const registration = container?.controller ? await container.getRegistration().catch(() => undefined) : undefined;
  if (container && registration) {
    await registration.update().catch(() => {});
    const next = registration.installing ?? registration.waiting;
    if (next) {
      await new Promise<void>((resolve) => {
        container.addEventListener('controllerchange', () => resolve(), { once: true });
        // The worker's own "SKIP_WAITING" message (as the update prompt sends), once it is installed.
        const skipWaiting = () => {
          if (next.state === 'installed') next.postMessage({ type: 'SKIP_WAITING' });
          if (next.state === 'redundant') resolve();
        };
        next.addEventListener('statechange', skipWaiting);
        skipWaiting();
      });
    }
  }
  window.location.reload();
}
