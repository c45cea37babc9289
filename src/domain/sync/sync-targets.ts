import type { StoredHighlights } from '../highlights/stored-highlights.ts';
import type { ReadingProgress } from '../reading/reading-progress.ts';

/**
 * All the sync needs of the app's stores: read every record, hear of changes, take in another
 * device's records. The highlight and reading stores meet these as they are; the sync never
 * reaches into how they save.
 */
export interface SyncedHighlights {
  records(): StoredHighlights;
  subscribe(listener: () => void): () => void;
  mergeFromElsewhere(incoming: StoredHighlights): void;
}

export interface SyncedReading {
  getSnapshot(): ReadingProgress;
  subscribe(listener: () => void): () => void;
  update(change: (state: ReadingProgress, now: Date) => ReadingProgress): void;
}

export interface SyncTargets {
  highlights: SyncedHighlights;
  reading: SyncedReading;
  /** `siteNamespace()` of this hosted reader. */
  site: string;
  /** The reader's home page: where Dropbox and Google send the reader back, one address to register with them. */
  homeUrl: string;
}
