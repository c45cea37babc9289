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

export function useHighlights(): HighlightsSnapshot {
  const store = useHighlightStore();
  return useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
}
