import { prerender } from 'react-dom/static';
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router-dom';
import { AppProviders } from './app/app-providers.tsx';
import { createRoutes } from './app/routes.tsx';
import { createCorpusClient } from './data/corpus/corpus-client.ts';
import type { ArticleDocument, ArticleEntry } from './domain/articles/corpus-layout.ts';
import { createHighlightStorage } from './domain/highlights/highlight-storage.ts';
import { createHighlightStore } from './domain/highlights/highlight-store.ts';
import { createReadingProgressStore } from './domain/reading/reading-progress.ts';
import { manifest } from 'virtual:articles';

const noStorage = (): Storage => {
  throw new Error('no storage while prerendering');
};

const noFetch = (url: string): Promise<Response> => Promise.reject(new Error(`nothing is fetched while prerendering (${url})`));

/**
 * Renders routes to HTML at build time, so each page's text is in it before any script runs.
 * The build renders in batches: the articles of the pages asked for are at hand (and the list's
 * first page, for `/`), never the whole collection. Nothing from the browser (highlights, reading
 * positions, settings) is known, and the client starts from the same empty state when it hydrates.
 */
export function createRouteRenderer(data: { documents: readonly ArticleDocument[]; firstPage?: readonly ArticleEntry[] | undefined }): (path: string) => Promise<string> {
  const corpus = createCorpusClient({
    manifest,
    baseUrl: 'http://prerender.invalid/',
    fetch: noFetch,
    ...(data.firstPage ? { firstPage: data.firstPage } : {}),
    documents: data.documents,
  });
  const services = { corpus, search: null, highlights: createHighlightStore(createHighlightStorage(noStorage)), reading: createReadingProgressStore(noStorage) };
  const handler = createStaticHandler(createRoutes());
  return async (path) => {
    const context = await handler.query(new Request(new URL(path, 'http://prerender.invalid')));
    if (context instanceof Response) throw new Error(`prerendering ${path} gave a ${context.status} response`);
    const router = createStaticRouter(handler.dataRoutes, context);
    // Waits for the lazily loaded screens, so every page's HTML holds its text, not a loading state.
    const { prelude } = await prerender(
      <AppProviders services={services}>
        {/* hydrate={false}: no inline script carrying router state, which the CSP would refuse. */}
        <StaticRouterProvider router={router} context={context} hydrate={false} />
      </AppProviders>,
    );
    // The web-stream prerender, so this entry needs no Node types: the build runs it in Node all the same.
    return new Response(prelude).text();
  };
}
