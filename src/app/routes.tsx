import { useMemo } from 'react';
import { useParams, type RouteObject } from 'react-router-dom';
import type { Catalog } from '../domain/articles/catalog.ts';
import { countHighlightsByArticle } from '../domain/highlights/group-highlights.ts';
import { ArticlePage } from '../features/article/article-page.tsx';
import { HighlightableArticleBody } from '../features/highlights/highlightable-article-body.tsx';
import { useHighlights } from '../features/highlights/highlights-context.tsx';
import { HighlightsPage } from '../features/highlights/highlights-page.tsx';
import { LibraryPage } from '../features/library/library-page.tsx';
import { useReadingProgress, useReadingStore } from '../features/reading/reading-context.tsx';
import { ReadingTracker } from '../features/reading/reading-tracker.tsx';
import { setRead } from '../domain/reading/reading-progress.ts';
import { paths } from '../config/paths.ts';
import { NotFoundPage } from './not-found-page.tsx';
import { RootLayout } from './root-layout.tsx';
import { RouteError } from './route-error.tsx';

/** The site map. Features know nothing of each other; the routes compose them. */
export function createRoutes(catalog: Catalog): RouteObject[] {
  function LibraryRoute() {
    const { highlights } = useHighlights();
    const counts = useMemo(() => countHighlightsByArticle(highlights), [highlights]);
    const reading = useReadingProgress();
    const readingStore = useReadingStore();
    return (
      <LibraryPage
        articles={catalog.articles}
        highlightCounts={counts}
        reading={reading}
        onSetRead={(id, read) => readingStore.update((state, now) => setRead(state, id, read, now))}
      />
    );
  }

  // Looked up while rendering, not in a loader: the prerendered page then hydrates with the same
  // tree at once, with no loader data to carry over (which would need an inline script).
  function ArticleRoute() {
    const { slug = '' } = useParams();
    const article = catalog.bySlug(slug);
    if (!article) return <NotFoundPage what="article" />;
    const { previous, next } = catalog.neighbours(article.id);
    return (
      <ArticlePage article={article} previous={previous} next={next} progress={<ReadingTracker key={article.id} article={article} />}>
        <HighlightableArticleBody key={article.id} article={article} />
      </ArticlePage>
    );
  }

  return [
    {
      path: paths.library.path,
      element: <RootLayout articles={catalog.articles} />,
      errorElement: <RouteError />,
      children: [
        {
          errorElement: <RouteError />,
          children: [
            { index: true, element: <LibraryRoute /> },
            { path: paths.article.path, element: <ArticleRoute /> },
            { path: paths.highlights.path, element: <HighlightsPage articles={catalog.articles} /> },
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ];
}
