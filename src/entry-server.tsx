import { renderToString } from 'react-dom/server';
import { prerender } from 'react-dom/static';
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router-dom';
import { AppProviders } from './app/app-providers.tsx';
import { createRoutes } from './app/routes.tsx';
import { articleScreen, highlightsScreen } from './app/screens.tsx';
import { createCorpusClient } from './data/corpus/corpus-client.ts';
import type { ArticleDocument, ArticleEntry } from './domain/articles/corpus-layout.ts';
import { createHighlightStorage } from './domain/highlights/highlight-storage.ts';
import { createHighlightStore } from './domain/highlights/highlight-store.ts';
import { createReadingProgressStore } from './domain/reading/reading-progress.ts';
import { manifest } from 'virtual:articles';

const noStorage = (): Storage => {
  throw new Error('no storage while prerendering');
};

/** React's markers of a Suspense boundary rendered as its fallback, left for the client to fill in. */
const SUSPENDED = /<!--\$[!?]-->/;

/** Every screen's chunk, loaded before the first page is rendered: a page then renders as the client hydrates it, with no Suspense boundary waiting. */
const screensLoaded = Promise.all([articleScreen.preload(), highlightsScreen.preload()]);

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
    const app = (
      <AppProviders services={services}>
        {/* hydrate={false}: no inline script carrying router state, which the CSP would refuse. */}
        <StaticRouterProvider router={router} context={context} hydrate={false} />
      </AppProviders>
    );
    // With every screen's chunk here, a page renders at once: the synchronous renderer takes a third
    // less time than the streaming one (which matters at 100,000 pages), and it never leaves a
    // boundary to be filled in by an inline script, which the CSP would refuse.
    await screensLoaded;
    const html = renderToString(app);
    if (!SUSPENDED.test(html)) return html;
    // Something still suspended: the prerender waits for it, so the page's HTML holds its text, not a loading state.
    const { prelude } = await prerender(app);
    // The web-stream prerender, so this entry needs no Node types: the build runs it in Node all the same.
    return new Response(prelude).text();
  };
}
