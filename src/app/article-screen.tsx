import type { ArticleDocument } from '../domain/articles/corpus-layout.ts';
import { ArticlePage } from '../features/article/article-page.tsx';
import { HighlightableArticleBody } from '../features/highlights/highlightable-article-body.tsx';
import { ListenLauncher } from '../features/listen/listen-launcher.tsx';
import { ReadingTracker } from '../features/reading/reading-tracker.tsx';

/** An article with its highlighting and reading progress: loaded apart, since the list does not need it. */
export default function ArticleScreen({ document }: { document: ArticleDocument }) {
  const { article, previous, next } = document;
  return (
    <ArticlePage
      article={article}
      previous={previous}
      next={next}
      progress={<ReadingTracker key={article.id} article={article} />}
      listen={<ListenLauncher key={article.id} article={article} next={next} />}
    >
      <HighlightableArticleBody key={article.id} article={article} />
    </ArticlePage>
  );
}
