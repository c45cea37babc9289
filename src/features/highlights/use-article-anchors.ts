import { useMemo } from 'react';
import { articleText } from '../../domain/articles/article-text.ts';
import type { Article } from '../../domain/articles/article.ts';
import type { Highlight } from '../../domain/highlights/highlight.ts';
import { anchorQuote } from '../../domain/highlights/anchoring/anchor-highlight.ts';
import type { AnchoredSpan } from '../../domain/highlights/anchoring/text-segments.ts';
import { useHighlights } from './highlights-context.tsx';

export interface ArticleAnchors {
  text: string;
  /** Highlights of this article placed in its current text, in the order they were made. */
  anchored: (AnchoredSpan & { highlight: Highlight })[];
}

export function useArticleAnchors(article: Article): ArticleAnchors {
  const { highlights } = useHighlights();
  const text = useMemo(() => articleText(article.paragraphs), [article]);
  const anchored = useMemo(
    () =>
      highlights.flatMap((highlight) => {
        if (highlight.articleId !== article.id) return [];
        const span = anchorQuote(text, highlight.quote, highlight.position);
        return span ? [{ ...span, id: highlight.id, highlight }] : [];
      }),
    [highlights, article.id, text],
  );
  return { text, anchored };
}
