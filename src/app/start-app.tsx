import type { ReactNode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { CorpusFetchError, fetchCorpusManifest, type CorpusClient, type FetchJson } from '../data/corpus/corpus-client.ts';
import type { CorpusManifest } from '../domain/articles/corpus-layout.ts';
import { StartFailure } from './start-failure.tsx';

export interface StartAppOptions {
  /** #root: prerendered HTML to hydrate (`data-render="hydrate"`), or a page the app renders afresh. */
  container: HTMLElement;
  /** Absolute URL of the app's base folder, ending in "/": build.json is there. */
  baseUrl: string;
  fetch: FetchJson;
  /** The chunk of the screen at this address: a prerendered page hydrates only once it is here. */
  screen: { preload: () => Promise<void> } | null;
  /** On an article's page, its slug: its text, too, is awaited before the page hydrates. */
  articleSlug?: string | undefined;
  /** The app and its corpus client, once the manifest is known. */
  createApp: (manifest: CorpusManifest) => { app: ReactNode; corpus: CorpusClient };
}

/**
 * Starts the app. The manifest is not in the app's code (it changes with every seed, and so would
 * every page that loads the code): it comes from build.json, which each page's head preloads,
 * fetched alongside the screen's chunk; on an article's page the article's text (preloaded too)
 * follows, so the first render matches the HTML. Without a manifest the app cannot run: the page
 * keeps what it shows, prerendered text included, and says why above it. So does an article's page
 * whose text cannot be reached (offline, a page kept from an earlier visit without its data file):
 * hydrating would replace the text the reader has with an error.
 */
export async function startApp(options: StartAppOptions): Promise<{ ok: true } | { ok: false; error: CorpusFetchError }> {
  const { container } = options;
  const hydrate = container.dataset.render === 'hydrate';
  // A screen's chunk that cannot be had (offline on a first visit) is the page's own loading or error state to show.
  const [loaded] = await Promise.all([fetchCorpusManifest(options.baseUrl, options.fetch), options.screen?.preload().catch(() => {})]);
  const notStarted = (error: CorpusFetchError, missing: 'build' | 'text') => {
    const notice = document.createElement('div');
    container.before(notice);
    createRoot(notice).render(<StartFailure error={error} prerendered={hydrate} missing={missing} />);
    return { ok: false as const, error };
  };
  if (!loaded.ok) return notStarted(loaded.error, 'build');
  const { app, corpus } = options.createApp(loaded.manifest);
  if (hydrate && options.articleSlug) {
    const failed = await corpus.loadArticle(options.articleSlug).then(
      () => null,
      (error: unknown) => error,
    );
    // Unreachable: the page keeps its text. Any other failure (gone, outdated) is the article screen's to show.
    if (failed instanceof CorpusFetchError && failed.reason === 'network') return notStarted(failed, 'text');
  }
  if (hydrate) hydrateRoot(container, app);
  else createRoot(container).render(app);
  return { ok: true };
}
