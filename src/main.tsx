import { createBrowserRouter, matchRoutes, RouterProvider } from 'react-router-dom';
import { AppProviders } from './app/app-providers.tsx';
import { appBasePath, routerBasename } from './app/base-path.ts';
import { createRoutes, screenFor } from './app/routes.tsx';
import { pinHeadUrls } from './app/pin-head-urls.ts';
import { startApp } from './app/start-app.tsx';
import { createCorpusClient, isEntryList, type FetchJson } from './data/corpus/corpus-client.ts';
import { PAGE_DATA_ID, searchIndexPath, type ArticleEntry } from './domain/articles/corpus-layout.ts';
import { paths } from './config/paths.ts';
import { createHighlightStorage, windowStorageEvents } from './domain/highlights/highlight-storage.ts';
import { createHighlightStore } from './domain/highlights/highlight-store.ts';
import { storageKeysFor } from './domain/highlights/storage-namespace.ts';
import { createReadingProgressStore } from './domain/reading/reading-progress.ts';
import { createSearchClient } from './data/search/search-client.ts';
import { siteNamespace } from './domain/sync/site-namespace.ts';
import { initSync } from './features/sync/sync-loader.ts';
import './styles.css';

/** The list's first rows, which the list page carries in a data block so it hydrates without a fetch. */
function pageFirstRows(): readonly ArticleEntry[] | undefined {
  const text = document.getElementById(PAGE_DATA_ID)?.textContent;
  if (!text) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return isEntryList(value) ? value : undefined;
  } catch {
    return undefined; // A damaged page still works: the rows are fetched instead.
  }
}

pinHeadUrls(document.head);
const basePath = appBasePath(import.meta.env.BASE_URL, import.meta.url);
const baseUrl = new URL(basePath, window.location.origin).href;
// Each hosted reader keeps its highlights and reading positions apart from another on the same origin.
const storageKeys = storageKeysFor(basePath);
const fetchJson: FetchJson = (url, init) => window.fetch(url, init);
const routes = createRoutes();
const basename = routerBasename(basePath);

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
// The screen (and article) at this address, which a prerendered page awaits before it hydrates.
const match = matchRoutes(routes, window.location, basename)?.at(-1);

void startApp({
  container,
  baseUrl,
  fetch: fetchJson,
  screen: screenFor(match?.route.path),
  articleSlug: match?.route.path === paths.article.path ? match.params.slug : undefined,
  createApp(manifest) {
    const firstPage = pageFirstRows();
    const corpus = createCorpusClient({ manifest, baseUrl, fetch: fetchJson, ...(firstPage ? { firstPage } : {}) });
    const services = {
      corpus,
      search: createSearchClient({ indexUrl: new URL(searchIndexPath(manifest), baseUrl).href }),
      highlights: createHighlightStore(createHighlightStorage(() => window.localStorage, windowStorageEvents(window), undefined, storageKeys.highlights)),
      reading: createReadingProgressStore(() => window.localStorage, undefined, storageKeys.reading),
    };
    initSync({ highlights: services.highlights, reading: services.reading, site: siteNamespace(window.location.host, basePath), homeUrl: baseUrl });
    const router = createBrowserRouter(routes, { basename });
    const app = (
      <AppProviders services={services}>
        <RouterProvider router={router} />
      </AppProviders>
    );
    return { app, corpus };
  },
});
