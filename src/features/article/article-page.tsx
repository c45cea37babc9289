import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { AppLink } from '../../ui/app-link.tsx';
import { AllArticlesLink } from './all-articles-link.tsx';
import type { ReactNode } from 'react';
import type { Article } from '../../domain/articles/article.ts';
import type { ArticleLink } from '../../domain/articles/corpus-layout.ts';
import { paths } from '../../config/paths.ts';
import { pageTitle } from '../../config/app.ts';
import { shortenHeadline } from '../../domain/articles/shorten-headline.ts';

export interface ArticlePageProps {
  article: Article;
  previous?: ArticleLink | null | undefined;
  next?: ArticleLink | null | undefined;
  /** The article's paragraphs, drawn by whoever composes this page (the app passes the highlightable body). */
  children: ReactNode;
  /** Shown after the reading time: the app passes the progress bar and time left. */
  progress?: ReactNode;
  /** Under the reading time: the app passes the Listen control. */
  listen?: ReactNode;
}

/**
 * One article set for long reading: a measure of 55–75 characters in the article's own font (see
 * .reader-page), generous leading, and the reader's font, size and spacing from Settings.
 */
export function ArticlePage({ article, previous, next, children, progress, listen }: ArticlePageProps) {
  useDocumentTitle(pageTitle(shortenHeadline(article.headline, 120)));
  return (
    <div className="reader-page mx-auto px-4 py-6 sm:py-10">
      <AllArticlesLink />
      <article aria-labelledby="article-headline" lang={article.lang} className="mt-6">
        <header className="mb-8">
          <h1 id="article-headline" dir="auto" className="text-[1.75em] leading-tight font-bold tracking-tight break-words sm:text-[1.9em]">
            {article.headline}
          </h1>
          <div className="mt-3 flex flex-wrap gap-x-2 font-sans text-sm text-stone-600 dark:text-stone-400">
            <span>{article.readingMinutes} min read</span>
            <span aria-hidden="true">·</span>
            {/* A fixed locale: the prerendered page and the reader's browser must print the same digits. */}
            <span>{article.wordCount.toLocaleString('en')} words</span>
            {progress && <span aria-hidden="true">·</span>}
            {progress}
          </div>
          {listen}
        </header>
        {children}
      </article>
      <nav aria-label="More articles" className="mt-12 grid gap-4 border-t border-stone-200 pt-6 font-sans sm:grid-cols-2 print:hidden dark:border-stone-700">
        {previous && (
          <AppLink to={paths.article.getHref(previous.slug)} rel="prev" className="group block rounded-md p-2 hover:bg-stone-100 dark:hover:bg-stone-800">
            <span className="block text-sm text-stone-600 dark:text-stone-400">Previous article</span>
            <span dir="auto" className="font-serif font-semibold break-words group-hover:underline">
              {previous.headline}
            </span>
          </AppLink>
        )}
        {next && (
          <AppLink
            to={paths.article.getHref(next.slug)}
            rel="next"
            className="group block rounded-md p-2 text-end hover:bg-stone-100 sm:col-start-2 dark:hover:bg-stone-800"
          >
            <span className="block text-sm text-stone-600 dark:text-stone-400">Next article</span>
            <span dir="auto" className="font-serif font-semibold break-words group-hover:underline">
              {next.headline}
            </span>
          </AppLink>
        )}
      </nav>
    </div>
  );
}
