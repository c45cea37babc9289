import { lazy, Suspense } from 'react';
import { backupsDownloadFile } from '../../domain/highlights/highlight-backups.ts';
import { downloadFile } from '../../ui/download-file.ts';
import { useHighlights, useHighlightStore } from './highlights-context.tsx';

const ExportHighlightsButton = lazy(() => import('./export-highlights-button.tsx'));

/** Tells the reader, in plain words, when their highlights are not being saved, and how to keep them. */
export function StorageNotice() {
  const { notice } = useHighlights();
  const store = useHighlightStore();
  const hasHighlights = useHighlights().highlights.length > 0;
  if (!notice) return null;
  const offerExport = hasHighlights && notice.kind !== 'unreadable';
  return (
    <div role="alert" className="border-b border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
      <div className="mx-auto flex max-w-3xl flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2 text-sm">
        <p className="min-w-0 flex-1 basis-60">{notice.message}</p>
        {(notice.kind === 'unreadable' || notice.kind === 'kept-unreadable') && (
          <button
            type="button"
            onClick={() => downloadFile('broadsheet-unreadable-highlights.json', backupsDownloadFile(store.backups()), 'application/json')}
            className="min-h-11 rounded px-2 font-semibold underline underline-offset-2 hover:no-underline"
          >
            Download the saved data
          </button>
        )}
        {offerExport && (
          <Suspense>
            <ExportHighlightsButton />
          </Suspense>
        )}
        <button type="button" onClick={() => store.dismissNotice()} className="min-h-11 rounded px-2 font-medium underline underline-offset-2 hover:no-underline">
          Dismiss
        </button>
      </div>
    </div>
  );
}
