import { createRoot, hydrateRoot } from 'react-dom/client';
import { createBrowserRouter, matchRoutes, RouterProvider } from 'react-router-dom';
import { manifest } from 'virtual:articles';
import { AppProviders } from './app/app-providers.tsx';
import { appBasePath, routerBasename } from './app/base-path.ts';
import { createRoutes, screenFor } from './app/routes.tsx';
import { pinHeadUrls } from './app/pin-head-urls.ts';
import { createCorpusClient, isEntryList } from './data/corpus/corpus-client.ts';
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
const firstPage = pageFirstRows();
const corpus = createCorpusClient({ manifest, baseUrl, fetch: (url, init) => window.fetch(url, init), ...(firstPage ? { firstPage } : {}) });
const services = {
  corpus,
  search: createSearchClient({ indexUrl: new URL(searchIndexPath(manifest), baseUrl).href }),
  highlights: createHighlightStore(createHighlightStorage(() => window.localStorage, windowStorageEvents(window), undefined, storageKeys.highlights)),
  reading: createReadingProgressStore(() => window.localStorage, undefined, storageKeys.reading),
};
initSync({ highlights: services.highlights, reading: services.reading, site: siteNamespace(window.location.host, basePath), homeUrl: baseUrl });
const routes = createRoutes();
const basename = routerBasename(basePath);
const router = createBrowserRouter(routes, { basename });

const app = (
  <AppProviders services={services}>
    <RouterProvider router={router} />
  </AppProviders>
);

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
const page = container;
// Prerendered pages are hydrated once the chunk of their screen is here and, on an article's page,
// its text (preloaded by the page's head: the page carries it only as HTML), so the first render
// matches the HTML. 404.html, served at any unknown address, is rendered afresh.
const match = matchRoutes(routes, window.location, basename)?.at(-1);
const screen = screenFor(match?.route.path);
const articleSlug = match?.route.path === paths.article.path ? match.params.slug : undefined;
const start = () => {
  if (page.dataset.render === 'hydrate') hydrateRoot(page, app);
  else createRoot(page).render(app);
};
// If the chunk or the text cannot be had (offline on a first visit), the page hydrates anyway and shows its loading or error state.
void Promise.allSettled([screen?.preload(), page.dataset.render === 'hydrate' && articleSlug ? corpus.loadArticle(articleSlug) : undefined]).then(start);
