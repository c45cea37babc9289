import { createRoot, hydrateRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router-dom';
import { AppProviders } from './app/app-providers.tsx';
import { appBasePath, routerBasename } from './app/base-path.ts';
import { catalog } from './app/catalog.ts';
import { createRoutes } from './app/routes.tsx';
import { pinHeadUrls } from './app/pin-head-urls.ts';
import { createHighlightStorage, windowStorageEvents } from './domain/highlights/highlight-storage.ts';
import { createHighlightStore } from './domain/highlights/highlight-store.ts';
import { createReadingProgressStore } from './domain/reading/reading-progress.ts';
import './styles.css';

pinHeadUrls(document.head);
const basename = routerBasename(appBasePath(import.meta.env.BASE_URL, import.meta.url));
const router = createBrowserRouter(createRoutes(catalog), { basename });
const highlightStore = createHighlightStore(createHighlightStorage(() => window.localStorage, windowStorageEvents(window)));
const readingStore = createReadingProgressStore(() => window.localStorage);

const app = (
  <AppProviders highlights={highlightStore} reading={readingStore}>
    <RouterProvider router={router} />
  </AppProviders>
);

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
// Prerendered pages are hydrated; 404.html, served at any unknown address, is rendered afresh.
if (container.dataset.render === 'hydrate') hydrateRoot(container, app);
else createRoot(container).render(app);
