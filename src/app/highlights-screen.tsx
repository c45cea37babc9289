import { useMemo } from 'react';
import { useArticleDocuments } from '../data/corpus/corpus-context.tsx';
import { useHighlights } from '../features/highlights/highlights-context.tsx';
import { HighlightsLoadFailed } from '../features/highlights/highlights-status.tsx';
import { HighlightsPage } from '../features/highlights/highlights-page.tsx';

/** The Highlights view, with the articles its highlights are in (for their text): loaded apart from the list. */
export default function HighlightsScreen() {
  const { highlights } = useHighlights();
  const ids = useMemo(() => highlights.map((h) => h.articleId), [highlights]);
  const state = useArticleDocuments(ids);
  const articles = useMemo(
    () => (state.status === 'ready' ? [...state.documents.values()].sort((a, b) => a.position - b.position).map((d) => d.article) : []),
    [state],
  );
  if (state.status === 'error') return <HighlightsLoadFailed error={state.error} onRetry={state.retry} />;
  return <HighlightsPage articles={articles} loadingArticleIds={state.pending} />;
}
