import { useHighlights, useHighlightStore } from './highlights-context.tsx';

/** Tells the reader, in plain words, when their highlights are not being saved. */
export function StorageNotice() {
  const { notice } = useHighlights();
  const store = useHighlightStore();
  if (!notice) return null;
  return (
    <div role="alert" className="border-b border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
      <div className="mx-auto flex max-w-3xl items-start gap-3 px-4 py-3 text-sm">
        <p className="flex-1">{notice}</p>
        <button
          type="button"
          onClick={() => store.dismissNotice()}
          className="min-h-6 rounded px-2 py-1 font-medium underline underline-offset-2 hover:no-underline"
        >
          Dismiss
        </button>
      </div>
    </div>
  );
}
