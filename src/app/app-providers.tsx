import { StrictMode, type ReactNode } from 'react';
import type { CorpusClient } from '../data/corpus/corpus-client.ts';
import type { HighlightStore } from '../domain/highlights/highlight-store.ts';
import type { ReadingProgressStore } from '../domain/reading/reading-progress.ts';
import { CorpusProvider } from '../data/corpus/corpus-context.tsx';
import { HighlightsProvider } from '../features/highlights/highlights-context.tsx';
import { SearchProvider, type ArticleSearch } from '../data/search/search-context.tsx';
import { ReadingProgressProvider } from '../data/reading/reading-context.tsx';

export interface AppServices {
  corpus: CorpusClient;
  /** Null while prerendering. */
  search: ArticleSearch | null;
  highlights: HighlightStore;
  reading: ReadingProgressStore;
}

/** The app's data and stores around the router, the same for the browser and for prerendering. */
export function AppProviders({ services, children }: { services: AppServices; children: ReactNode }) {
  return (
    <StrictMode>
      <CorpusProvider client={services.corpus}>
        <SearchProvider search={services.search}>
          <HighlightsProvider store={services.highlights}>
            <ReadingProgressProvider store={services.reading}>{children}</ReadingProgressProvider>
          </HighlightsProvider>
        </SearchProvider>
      </CorpusProvider>
    </StrictMode>
  );
}
