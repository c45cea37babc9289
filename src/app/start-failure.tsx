import type { CorpusFetchError } from '../data/corpus/corpus-client.ts';

/**
 * What a page says when the app cannot start: the site's build.json, or on an article's page its
 * text, could not be had. A prerendered page keeps its text (this sits above it): the reader learns
 * why highlighting and search do not answer, and that nothing of theirs is lost.
 */
export function StartFailure({ error, prerendered, missing = 'build' }: { error: CorpusFetchError; prerendered: boolean; missing?: 'build' | 'text' }) {
  const reason = navigator.onLine === false ? 'You are offline, and the reader has not been saved for offline use yet.' : error.message;
  return (
    <aside aria-label="Reader not started" className="mx-auto max-w-3xl p-4 font-sans print:hidden">
      <div role="alert" className="rounded-lg border border-amber-600 bg-amber-50 p-4 text-stone-900 dark:border-amber-400 dark:bg-stone-800 dark:text-stone-100">
        <p className="font-semibold">The reader could not start: {missing === 'build' ? 'the site’s build.json' : 'this article’s text file'} could not be loaded.</p>
        <p className="mt-2">
          {reason} {prerendered ? 'This page shows its text as it was saved; highlighting, search and settings need the reader. ' : ''}Your highlights are safe.
        </p>
        <button
          type="button"
          onClick={() => window.location.reload()}
          className="mt-3 inline-flex min-h-11 items-center rounded-md border border-stone-400 px-4 font-medium hover:bg-stone-100 dark:border-stone-500 dark:hover:bg-stone-700"
        >
          Try again
        </button>
      </div>
    </aside>
  );
}
