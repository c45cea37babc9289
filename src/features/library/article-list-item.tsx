import { Link } from 'react-router-dom';
import type { ArticleSummary } from '../../domain/articles/article.ts';
import { paths } from '../../config/paths.ts';
import { shortenHeadline } from '../../domain/articles/shorten-headline.ts';

export function ArticleListItem({ article, highlightCount }: { article: ArticleSummary; highlightCount: number }) {
  return (
    <li className="py-5">
      <h2 dir="auto" className="font-serif text-xl leading-snug font-semibold">
        <Link to={paths.article.getHref(article.slug)} className="headline-link break-words">
          {shortenHeadline(article.headline)}
        </Link>
      </h2>
      <p dir="auto" className="mt-2 leading-relaxed break-words text-stone-700 dark:text-stone-300">
        {article.excerpt}
      </p>
      <p className="mt-2 flex flex-wrap gap-x-3 text-sm text-stone-600 dark:text-stone-400">
        <span>{article.readingMinutes} min read</span>
        <span aria-hidden="true">·</span>
        <span>
          {highlightCount} highlight{highlightCount === 1 ? '' : 's'}
        </span>
      </p>
    </li>
  );
}
