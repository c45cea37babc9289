import { renderToString } from 'react-dom/server';
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router-dom';
import { AppProviders } from './app/app-providers.tsx';
import { catalog } from './app/catalog.ts';
import { createRoutes } from './app/routes.tsx';
import { createHighlightStorage } from './domain/highlights/highlight-storage.ts';
import { createHighlightStore } from './domain/highlights/highlight-store.ts';
import { createReadingProgressStore } from './domain/reading/reading-progress.ts';

const noStorage = (): Storage => {
  throw new Error('no storage while prerendering');
};

/**
 * Renders one route to HTML at build time, so its text is in the page before any script runs.
 * Nothing from the browser (highlights, reading positions, settings) is known here; the client
 * starts from the same empty state when it hydrates, then fills it in.
 */
export async function renderRoute(path: string): Promise<string> {
  const handler = createStaticHandler(createRoutes(catalog));
  const context = await handler.query(new Request(new URL(path, 'http://prerender.invalid')));
  if (context instanceof Response) throw new Error(`prerendering ${path} gave a ${context.status} response`);
  const router = createStaticRouter(handler.dataRoutes, context);
  return renderToString(
    <AppProviders highlights={createHighlightStore(createHighlightStorage(noStorage))} reading={createReadingProgressStore(noStorage)}>
      {/* hydrate={false}: no inline script carrying router state, which the CSP would refuse. */}
      <StaticRouterProvider router={router} context={context} hydrate={false} />
    </AppProviders>,
  );
}
