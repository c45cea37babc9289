import { createContext, use, useSyncExternalStore, type ReactNode } from 'react';
import type { HighlightStore, HighlightsSnapshot } from '../../domain/highlights/highlight-store.ts';

const HighlightStoreContext = createContext<HighlightStore | null>(null);

export function HighlightsProvider({ store, children }: { store: HighlightStore; children: ReactNode }) {
  return <HighlightStoreContext value={store}>{children}</HighlightStoreContext>;
}

export function useHighlightStore(): HighlightStore {
  const store = use(HighlightStoreContext);
  if (!store) throw new Error('useHighlightStore must be used inside <HighlightsProvider>');
  return store;
}

// Highlights live in the browser: a prerendered page has none, and hydration starts from the same.
const SERVER_SNAPSHOT: HighlightsSnapshot = { highlights: [], notice: null };
const serverSnapshot = () => SERVER_SNAPSHOT;

export function useHighlights(): HighlightsSnapshot {
  const store = useHighlightStore();
  return useSyncExternalStore(store.subscribe, store.getSnapshot, serverSnapshot);
}
