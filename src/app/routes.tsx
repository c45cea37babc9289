import { useMemo } from 'react';
import { useParams, type RouteObject } from 'react-router-dom';
import { countHighlightsByArticle } from '../domain/highlights/group-highlights.ts';
import { ArticleLoading } from '../features/article/article-loading.tsx';
import { ArticlePage } from '../features/article/article-page.tsx';
import { useArticleDocument, useArticleDocuments } from '../features/corpus/corpus-context.tsx';
import { HighlightableArticleBody } from '../features/highlights/highlightable-article-body.tsx';
import { useHighlights } from '../features/highlights/highlights-context.tsx';
import { HighlightsLoadFailed } from '../features/highlights/highlights-load-failed.tsx';
import { HighlightsPage } from '../features/highlights/highlights-page.tsx';
import { LibraryPage } from '../features/library/library-page.tsx';
import { useReadingProgress, useReadingStore } from '../features/reading/reading-context.tsx';
import { ReadingTracker } from '../features/reading/reading-tracker.tsx';
import { setRead } from '../domain/reading/reading-progress.ts';
import { paths } from '../config/paths.ts';
import { NotFoundPage } from './not-found-page.tsx';
import { RootLayout } from './root-layout.tsx';
import { RouteError } from './route-error.tsx';

function LibraryRoute() {
  const { highlights } = useHighlights();
  const counts = useMemo(() => countHighlightsByArticle(highlights), [highlights]);
  const reading = useReadingProgress();
  const readingStore = useReadingStore();
  const onSetRead = useMemo(() => (id: string, read: boolean) => readingStore.update((state, now) => setRead(state, id, read, now)), [readingStore]);
  return <LibraryPage highlightCounts={counts} reading={reading} onSetRead={onSetRead} />;
}

// Looked up while rendering, not in a loader: a prerendered page carries its article, so it
// hydrates with the same tree at once; an article reached inside the app is fetched here.
function ArticleRoute() {
  const { slug = '' } = useParams();
  const state = useArticleDocument(slug);
  if (state.status === 'missing') return <NotFoundPage what="article" />;
  if (state.status === 'loading') return <ArticleLoading />;
  if (state.status === 'error') return <ArticleLoading error={state.error} onRetry={state.retry} />;
  const { article, previous, next } = state.document;
  return (
    <ArticlePage article={article} previous={previous} next={next} progress={<ReadingTracker key={article.id} article={article} />}>
      <HighlightableArticleBody key={article.id} article={article} />
    </ArticlePage>
  );
}

/** The Highlights view, once the articles its highlights are in have arrived (for their text). */
function HighlightsRoute() {
  const { highlights } = useHighlights();
  const ids = useMemo(() => highlights.map((h) => h.articleId), [highlights]);
  const state = useArticleDocuments(ids);
  const articles = useMemo(
    () => (state.status === 'ready' ? [...state.documents.values()].sort((a, b) => a.position - b.position).map((d) => d.article) : []),
    [state],
  );
  if (state.status === 'error') return <HighlightsLoadFailed error={state.error} onRetry={state.retry} />;
  return <HighlightsPage articles={articles} loadingArticleIds={state.pending} />;
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
