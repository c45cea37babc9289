import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router-dom';
import { catalog } from './app/catalog.ts';
import { createRoutes } from './app/routes.tsx';
import { createHighlightStorage, windowStorageEvents } from './domain/highlights/highlight-storage.ts';
import { createHighlightStore } from './domain/highlights/highlight-store.ts';
import { HighlightsProvider } from './features/highlights/highlights-context.tsx';
import { ReadingProgressProvider } from './features/reading/reading-context.tsx';
import { createReadingProgressStore } from './domain/reading/reading-progress.ts';
import './styles.css';

// Vite's base ("/" or "/reader/"), without the trailing slash the router does not want.
const basename = import.meta.env.BASE_URL.replace(/\/$/, '') || '/';
const router = createBrowserRouter(createRoutes(catalog), { basename });
const highlightStore = createHighlightStore(createHighlightStorage(() => window.localStorage, windowStorageEvents(window)));
const readingStore = createReadingProgressStore(() => window.localStorage);

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <HighlightsProvider store={highlightStore}>
      <ReadingProgressProvider store={readingStore}>
        <RouterProvider router={router} />
      </ReadingProgressProvider>
    </HighlightsProvider>
  </StrictMode>,
);
