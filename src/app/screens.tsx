import { lazy, useState, type ComponentType } from 'react';

/**
 * A screen in a chunk of its own. Inside the app it loads when first shown (Suspense shows the
 * fallback meanwhile); a page opened at its address loads it before hydrating, so the prerendered
 * HTML is hydrated at once and never swapped for a loading state.
 */
function screen<P extends object>(load: () => Promise<{ default: ComponentType<P> }>) {
  let loaded: ComponentType<P> | null = null;
  const preload = () =>
    load().then((module) => {
      loaded = module.default;
    });
  const Lazy = lazy(load);
  function Screen(props: P) {
    // Chosen once per mount: switching from the lazy wrapper to the loaded component would remount it.
    const [Component] = useState<ComponentType<P>>(() => loaded ?? Lazy);
    return <Component {...props} />;
  }
  return { preload, Screen };
}

export const articleScreen = screen(() => import('./article-screen.tsx'));
export const highlightsScreen = screen(() => import('./highlights-screen.tsx'));
