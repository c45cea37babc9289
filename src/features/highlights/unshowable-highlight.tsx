import { useId } from 'react';
import type { Highlight } from '../../domain/highlights/highlight.ts';
import { HIGHLIGHTS_STORAGE_VERSION } from '../../domain/highlights/stored-highlights.ts';
import { downloadFile } from '../../ui/download-file.ts';
import { useRemoveHighlight } from './use-remove-highlight.ts';

/**
 * What a highlight that could not be rendered shows instead: its quote as plain text, and the two
 * things the reader must still be able to do with it, remove it or keep it (as a file Import takes).
 */
export function UnshowableHighlight({ highlight, error }: { highlight: Highlight; error: unknown }) {
  const removeHighlight = useRemoveHighlight();
  const labelId = useId();
  const quote = typeof highlight.quote?.exact === 'string' ? highlight.quote.exact : '';
  const download = () =>
    downloadFile('broadsheet-highlight.json', `${JSON.stringify({ version: HIGHLIGHTS_STORAGE_VERSION, highlights: [highlight], deleted: [] }, null, 2)}\n`, 'application/json');
  return (
    <li aria-labelledby={labelId} className="border-s-4 border-dashed border-red-700 ps-4 dark:border-red-300">
      <p id={labelId} className="font-semibold">
        This highlight could not be shown
      </p>
      <p className="text-sm text-stone-600 dark:text-stone-400">({error instanceof Error ? error.message : 'unknown error'})</p>
      {quote && (
        <p dir="auto" className="mt-1 line-clamp-3 whitespace-pre-line font-serif">
          {quote}
        </p>
      )}
      <div className="mt-1 flex flex-wrap gap-x-3 text-sm">
        <button type="button" onClick={download} className="min-h-11 underline underline-offset-2">
          Download it
        </button>
        <button type="button" onClick={() => removeHighlight(highlight.id)} className="min-h-11 text-red-800 underline underline-offset-2 dark:text-red-300">
          Delete it
        </button>
      </div>
    </li>
  );
}
