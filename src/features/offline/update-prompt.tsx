import { useSyncExternalStore } from 'react';
import { useCorpus } from '../../data/corpus/corpus-context.tsx';
import { reloadToCurrentVersion, useServiceWorker } from './use-service-worker.ts';

/**
 * Offers the newly built version without swapping the page under the reader: once its service
 * worker has downloaded it, or once a missing data file showed that the site was deployed again.
 */
export function UpdatePrompt() {
  const { updateReady, applyUpdate } = useServiceWorker();
  const corpus = useCorpus();
  const outdated = useSyncExternalStore(corpus.subscribe, corpus.isOutdated, corpus.isOutdated);
  if (!updateReady && !outdated) return null;
  return (
    <div role="status" className="fixed inset-x-0 bottom-16 z-40 flex justify-center p-4 print:hidden">
      <div className="flex max-w-full items-center gap-3 rounded-lg border border-stone-300 bg-white px-4 py-2 shadow-lg dark:border-stone-600 dark:bg-stone-800">
        <span>{outdated ? 'This site has been updated' : 'New version available'}</span>
        <button type="button" onClick={updateReady ? applyUpdate : () => void reloadToCurrentVersion()} className="min-h-11 rounded-md px-3 font-semibold underline underline-offset-2">
          Reload
        </button>
      </div>
    </div>
  );
}
