import { createContext, use, useSyncExternalStore, type ReactNode } from 'react';
import type { ReadingProgress, ReadingProgressStore } from '../../domain/reading/reading-progress.ts';

const ReadingContext = createContext<ReadingProgressStore | null>(null);

export function ReadingProgressProvider({ store, children }: { store: ReadingProgressStore; children: ReactNode }) {
  return <ReadingContext value={store}>{children}</ReadingContext>;
}

export function useReadingStore(): ReadingProgressStore {
  const store = use(ReadingContext);
  if (!store) throw new Error('useReadingStore must be used inside <ReadingProgressProvider>');
  return store;
}

// Reading positions live in the browser: prerendered pages show every article unread until hydrated.
const SERVER_SNAPSHOT: ReadingProgress = {};
const serverSnapshot = () => SERVER_SNAPSHOT;

export function useReadingProgress(): ReadingProgress {
  const store = useReadingStore();
  return useSyncExternalStore(store.subscribe, store.getSnapshot, serverSnapshot);
}
