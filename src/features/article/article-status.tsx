import { isOutdatedError } from '../../data/corpus/corpus-client.ts';
import { AllArticlesLink } from './all-articles-link.tsx';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { pageTitle } from '../../config/app.ts';

/**
 * What the article page shows while its text travels, or when it could not be had: a heading the
 * route focus can land on, a live message, and a way to try again. When the site was deployed again
 * since the page was opened, its article is in the new version: `onRetry` then loads that version.
 */
export function ArticleStatus({ error, onRetry }: { error?: Error | undefined; onRetry?: (() => void) | undefined }) {
  useDocumentTitle(pageTitle(error ? 'Article not loaded' : 'Loading article'));
  if (isOutdatedError(error)) {
    return (
      <div className="reader-page mx-auto px-4 py-6 sm:py-10">
        <AllArticlesLink />
        <div role="alert" className="mt-6 font-sans">
          <h1 className="text-2xl font-bold tracking-tight">This site has been updated</h1>
          <p className="mt-3">The article is in the new version, which this page does not have yet. Your highlights are safe.</p>
          <button
            type="button"
            onClick={onRetry}
            className="mt-4 inline-flex min-h-11 items-center rounded-md border border-stone-400 px-4 font-medium hover:bg-stone-100 dark:border-stone-500 dark:hover:bg-stone-800"
          >
            Load the new version
          </button>
        </div>
      </div>
    );
  }
  return (
    <div className="reader-page mx-auto px-4 py-6 sm:py-10">
      <AllArticlesLink />
      <div role={error ? 'alert' : 'status'} className="mt-6 font-sans">
        <h1 className="text-2xl font-bold tracking-tight">{error ? 'This article could not be loaded' : 'Loading the article…'}</h1>
        {error && (
          <>
            <p className="mt-3">
              {navigator.onLine === false ? 'You are offline, and this article was not saved for offline reading.' : error.message} Your highlights are safe.
            </p>
            <button type="button" onClick={onRetry} className="mt-4 inline-flex min-h-11 items-center rounded-md border border-stone-400 px-4 font-medium hover:bg-stone-100 dark:border-stone-500 dark:hover:bg-stone-800">
              Try again
            </button>
          </>
        )}
      </div>
    </div>
  );
}
