import { useCallback, useMemo } from 'react';
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
  const byId = useMemo(() => new Map(articles.map((a) => [a.id, a])), [articles]);
  const bySlug = useMemo(() => new Map(articles.map((a) => [a.slug, a])), [articles]);

  const articleRef = useCallback(
    (articleId: string): ArticleRef | undefined => {
      const article = byId.get(articleId);
      if (!article) return undefined;
      return { id: article.id, headline: article.headline, url: absoluteUrl(paths.article.getHref(article.slug)) };
    },
    [byId, absoluteUrl],
  );

  const passageUrl = useCallback(
    (highlight: Highlight) => {
      const article = byId.get(highlight.articleId);
      return article && absoluteUrl(paths.article.getHref(article.slug, { highlight: highlight.id }));
    },
    [byId, absoluteUrl],
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
    try {
      return importParsed(file.name, parsed);
    } catch (error) {
      return { ok: false, error: `${file.name} could not be imported (${error instanceof Error ? error.message : 'unknown error'}). Nothing was changed.` };
    }
  };

  const importParsed = (fileName: string, parsed: unknown): ImportReport => {
    const result = parseHighlightsImport(parsed, {
      makeId: newHighlightId,
      now: new Date(),
      findArticle: ({ articleId, source }) => {
        const known = articleId ? byId.get(articleId) : undefined;
        if (known) return known;
        const encoded = /\/article\/([^/?#]+)/.exec(source)?.[1] ?? '';
        let slug: string;
        try {
          slug = decodeURIComponent(encoded);
        } catch {
          return undefined; // A malformed link matches no article: the highlight is kept as an orphan.
        }
        return bySlug.get(slug);
      },
    });
    if ('error' in result) return { ok: false, error: `${fileName}: ${result.error}.` };
    return { ok: true, ...store.importHighlights(result.highlights), rejected: result.rejected };
  };

  return { exportMarkdown, exportJson, importFile, hasHighlights: highlights.length > 0 };
}
