import { Suspense, useMemo } from 'react';
import { useParams, type RouteObject } from 'react-router-dom';
import { countHighlightsByArticle } from '../domain/highlights/count-highlights.ts';
import { isOutdatedError } from '../data/corpus/corpus-client.ts';
import { reloadToCurrentVersion } from '../features/offline/use-service-worker.ts';
import { ArticleStatus } from '../features/article/article-status.tsx';
import { useArticleDocument, useCorpus } from '../data/corpus/corpus-context.tsx';
import { HighlightsLoading } from '../features/highlights/highlights-status.tsx';
import { useHighlights } from '../features/highlights/highlights-context.tsx';
import { LibraryPage } from '../features/library/library-page.tsx';
import { useReadingProgress, useReadingStore } from '../data/reading/reading-context.tsx';
import { setRead } from '../domain/reading/reading-progress.ts';
import { paths } from '../config/paths.ts';
import { NotFoundPage } from './not-found-page.tsx';
import { articleScreen, highlightsScreen } from './screens.tsx';
import { RootLayout } from './root-layout.tsx';
import { RouteError } from './route-error.tsx';

function LibraryRoute() {
  const { highlights } = useHighlights();
  const counts = useMemo(() => countHighlightsByArticle(highlights), [highlights]);
  const reading = useReadingProgress();
  const readingStore = useReadingStore();
  const onSetRead = useMemo(() => (id: string, read: boolean) => readingStore.update((state, now) => setRead(state, id, read, now)), [readingStore]);
  const corpus = useCorpus();
  // Fetched ahead while the pointer is on its way or the finger is down, so the article opens at once.
  // A failure here is not the reader's concern yet: opening the article tries again and says so.
  const onArticleIntent = useMemo(
    () => (slug: string) => {
      articleScreen.preload().catch(() => {});
      corpus.loadArticle(slug).catch(() => {});
    },
    [corpus],
  );
  return <LibraryPage highlightCounts={counts} reading={reading} onSetRead={onSetRead} onArticleIntent={onArticleIntent} />;
}

// The article's text is looked up while rendering, not in a loader: a prerendered page carries
// it, so it hydrates with the same tree at once; an article reached inside the app is fetched here.
// The screens other than the list are separate chunks: the first view does not download them.
const ArticleScreen = articleScreen.Screen;
const HighlightsScreen = highlightsScreen.Screen;

function ArticleRoute() {
  const { slug = '' } = useParams();
  const state = useArticleDocument(slug);
  if (state.status === 'missing') return <NotFoundPage what="article" />;
  if (state.status === 'loading') return <ArticleStatus />;
  // After a new deploy, trying again cannot help: the article is in the new version of the site.
  if (state.status === 'error') return <ArticleStatus error={state.error} onRetry={isOutdatedError(state.error) ? () => void reloadToCurrentVersion() : state.retry} />;
  return (
    <Suspense fallback={<ArticleStatus />}>
      <ArticleScreen document={state.document} />
    </Suspense>
  );
}

function HighlightsRoute() {
  return (
    <Suspense fallback={<HighlightsLoading />}>
      <HighlightsScreen />
    </Suspense>
  );
}

/** The screen chunk a page opened at this address needs before it can hydrate. */
export function screenFor(routePath: string | undefined): { preload: () => Promise<void> } | null {
  if (routePath === paths.article.path) return articleScreen;
  if (routePath === paths.highlights.path) return highlightsScreen;
  return null;
}

/** The site map. Features know nothing of each other; the routes compose them. */
export function createRoutes(): RouteObject[] {
  return [
    {
      path: paths.library.path,
      element: <RootLayout />,
      errorElement: <RouteError />,
      children: [
        {
          errorElement: <RouteError />,
          children: [
            { index: true, element: <LibraryRoute /> },
            { path: paths.article.path, element: <ArticleRoute /> },
            { path: paths.highlights.path, element: <HighlightsRoute /> },
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ];
}
