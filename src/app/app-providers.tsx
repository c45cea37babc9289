import { StrictMode, type ReactNode } from 'react';
import type { HighlightStore } from '../domain/highlights/highlight-store.ts';
import type { ReadingProgressStore } from '../domain/reading/reading-progress.ts';
import { HighlightsProvider } from '../features/highlights/highlights-context.tsx';
import { ReadingProgressProvider } from '../features/reading/reading-context.tsx';

/** The app's stores around the router, the same for the browser and for prerendering. */
export function AppProviders({ highlights, reading, children }: { highlights: HighlightStore; reading: ReadingProgressStore; children: ReactNode }) {
  return (
    <StrictMode>
      <HighlightsProvider store={highlights}>
        <ReadingProgressProvider store={reading}>{children}</ReadingProgressProvider>
      </HighlightsProvider>
    </StrictMode>
  );
}
