import { useCallback } from 'react';
import { paths } from '../../config/paths';
import type { Article } from '../../domain/articles/article';
import { highlightsToMarkdown } from '../../domain/highlights/export-markdown';
import type { Highlight } from '../../domain/highlights/highlight';
import { newHighlightId, type ImportSummary } from '../../domain/highlights/highlight-store';
import { parseHighlightsImport, toWebAnnotations, type ArticleRef, type Rejection } from '../../domain/highlights/web-annotation';
import { downloadFile } from '../../ui/download-file';
import { useAbsoluteUrl } from '../../ui/use-absolute-url';
import { useHighlights, useHighlightStore } from './highlights-context';

export type ImportReport = ({ ok: true } & ImportSummary & { rejected: Rejection[] }) | { ok: false; error: string };

/** Export to Markdown and W3C Web Annotation JSON-LD, and import from either JSON format. */
export function useHighlightFiles(articles: readonly Article[]) {
  const store = useHighlightStore();
  const { highlights } = useHighlights();
  const absoluteUrl = useAbsoluteUrl();

  const articleRef = useCallback(
    (articleId: string): ArticleRef | undefined => {
      const article = articles.find((a) => a.id === articleId);
      if (!article) return undefined;
      return { id: article.id, headline: article.headline, url: absoluteUrl(paths.article.getHref(article.slug)) };
    },
    [articles, absoluteUrl],
  );

  const passageUrl = useCallback(
    (highlight: Highlight) => {
      const article = articles.find((a) => a.id === highlight.articleId);
      return article && absoluteUrl(paths.article.getHref(article.slug, { highlight: highlight.id }));
    },
    [articles, absoluteUrl],
  );

  const stamp = () => new Date().toISOString().slice(0, 10);

  const exportMarkdown = () =>
    downloadFile(`highlights-${stamp()}.md`, highlightsToMarkdown(highlights, articleRef, passageUrl, new Date()), 'text/markdown;charset=utf-8');

  const exportJson = () =>
    downloadFile(
      `highlights-${stamp()}.jsonld`,
      `${JSON.stringify(toWebAnnotations(highlights, articleRef, new Date()), null, 2)}\n`,
      'application/ld+json;charset=utf-8',
    );

  const importFile = async (file: File): Promise<ImportReport> => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(await file.text());
    } catch {
      return { ok: false, error: `${file.name} is not a JSON file.` };
    }
    const result = parseHighlightsImport(parsed, {
      makeId: newHighlightId,
      now: new Date(),
      findArticle: ({ articleId, source }) => {
        const byId = articleId ? articles.find((a) => a.id === articleId) : undefined;
        if (byId) return byId;
        const slug = decodeURIComponent(/\/article\/([^/?#]+)/.exec(source)?.[1] ?? '');
        return articles.find((a) => a.slug === slug);
      },
    });
    if ('error' in result) return { ok: false, error: `${file.name}: ${result.error}.` };
    return { ok: true, ...store.importHighlights(result.highlights), rejected: result.rejected };
  };

  return { exportMarkdown, exportJson, importFile, hasHighlights: highlights.length > 0 };
}
