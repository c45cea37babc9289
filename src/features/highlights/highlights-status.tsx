import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { pageTitle } from '../../config/app.ts';

/** The Highlights view when the articles its highlights are in could not be fetched. */
export function HighlightsLoadFailed({ error, onRetry }: { error: Error; onRetry: () => void }) {
  useDocumentTitle(pageTitle('Highlights'));
  return (
    <div className="mx-auto max-w-3xl px-4 py-8">
      <h1 className="text-3xl font-bold tracking-tight">Highlights</h1>
      <div role="alert" className="mt-6">
        <p>The articles your highlights are in could not be loaded: {error.message} Your highlights are safe.</p>
        <button
          type="button"
          onClick={onRetry}
          className="mt-4 inline-flex min-h-11 items-center rounded-md border border-stone-400 px-4 font-medium hover:bg-stone-100 dark:border-stone-500 dark:hover:bg-stone-800"
        >
          Try again
        </button>
      </div>
    </div>
  );
}

/** The Highlights view while its code arrives (first visit, before the offline copy is in place). */
export function HighlightsLoading() {
  useDocumentTitle(pageTitle('Highlights'));
  return (
    <div className="mx-auto max-w-3xl px-4 py-8">
      <h1 className="text-3xl font-bold tracking-tight">Highlights</h1>
      <p role="status" className="mt-6 text-lg">
        Loading your highlights…
      </p>
    </div>
  );
}
