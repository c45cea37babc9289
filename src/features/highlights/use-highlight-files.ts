import { articleSlugInHref, paths } from '../../config/paths.ts';
import type { ArticleEntry } from '../../domain/articles/corpus-layout.ts';
import { highlightsToMarkdown } from '../../domain/highlights/export-markdown.ts';
import type { Highlight } from '../../domain/highlights/highlight.ts';
import { newHighlightId, type ImportSummary } from '../../domain/highlights/highlight-store.ts';
import { parseHighlightsImport, toWebAnnotations, type ArticleRef, type Rejection } from '../../domain/highlights/web-annotation.ts';
import { downloadFile } from '../../ui/download-file.ts';
import { useAbsoluteUrl } from '../../ui/use-absolute-url.ts';
import { useCorpus } from '../../data/corpus/corpus-context.tsx';
import { useHighlights, useHighlightStore } from './highlights-context.tsx';

export type ImportReport = ({ ok: true } & ImportSummary & { rejected: Rejection[] }) | { ok: false; error: string };

type ArticleLookup = Pick<ArticleEntry, 'id' | 'slug' | 'headline'>;

/**
 * Export to Markdown and W3C Web Annotation JSON-LD, and import from either JSON format. The
 * articles named are looked up when a file is made or read, not kept in memory.
 */
export function useHighlightFiles() {
  const store = useHighlightStore();
  const corpus = useCorpus();
  const { highlights } = useHighlights();
  const absoluteUrl = useAbsoluteUrl();

  const lookups = (byId: ReadonlyMap<string, ArticleLookup>) => ({
    articleRef: (articleId: string): ArticleRef | undefined => {
      const article = byId.get(articleId);
      if (!article) return undefined;
      return { id: article.id, headline: article.headline, url: absoluteUrl(paths.article.getHref(article.slug)) };
    },
    passageUrl: (highlight: Highlight) => {
      const article = byId.get(highlight.articleId);
      return article && absoluteUrl(paths.article.getHref(article.slug, { highlight: highlight.id }));
    },
  });
  const highlightedArticles = () => corpus.loadEntries(highlights.map((h) => h.articleId));

  const stamp = () => new Date().toISOString().slice(0, 10);

  // A file is made even when the articles cannot be looked up (offline): its highlights are never held back.
  const exportMarkdown = async () => {
    const { articleRef, passageUrl } = lookups(await highlightedArticles().catch(() => new Map()));
    downloadFile(`highlights-${stamp()}.md`, highlightsToMarkdown(highlights, articleRef, passageUrl, new Date()), 'text/markdown;charset=utf-8');
  };

  const exportJson = async () => {
    const { articleRef } = lookups(await highlightedArticles().catch(() => new Map()));
    downloadFile(
      `highlights-${stamp()}.jsonld`,
      `${JSON.stringify(toWebAnnotations(highlights, articleRef, new Date()), null, 2)}\n`,
      'application/ld+json;charset=utf-8',
    );
  };

  const importFile = async (file: File): Promise<ImportReport> => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(await file.text());
    } catch {
      return { ok: false, error: `${file.name} is not a JSON file.` };
    }
    try {
      return importParsed(file.name, parsed, await findArticlesNamedIn(parsed));
    } catch (error) {
      return { ok: false, error: `${file.name} could not be imported (${error instanceof Error ? error.message : 'unknown error'}). Nothing was changed.` };
    }
  };

  // A malformed link matches no article: the highlight is kept as an orphan.
  const slugInLink = articleSlugInHref;

  /** The articles a file refers to, by id or by link, fetched before it is read (a dry run lists them). */
  const findArticlesNamedIn = async (parsed: unknown) => {
    const ids = new Set<string>();
    const slugs = new Set<string>();
    parseHighlightsImport(parsed, {
      makeId: newHighlightId,
      now: new Date(),
      findArticle: ({ articleId, source }) => {
        if (articleId) ids.add(articleId);
        const slug = slugInLink(source);
        if (slug) slugs.add(slug);
        return undefined;
      },
    });
    const byId = new Map(await corpus.loadEntries([...ids]));
    const bySlug = new Map<string, ArticleLookup>();
    for (const document of await Promise.all([...slugs].map((slug) => corpus.loadArticle(slug)))) {
      if (document) bySlug.set(document.article.slug, document.article);
    }
    return { byId, bySlug };
  };

  const importParsed = (fileName: string, parsed: unknown, known: { byId: ReadonlyMap<string, ArticleLookup>; bySlug: ReadonlyMap<string, ArticleLookup> }): ImportReport => {
    const result = parseHighlightsImport(parsed, {
      makeId: newHighlightId,
      now: new Date(),
      findArticle: ({ articleId, source }) => (articleId ? known.byId.get(articleId) : undefined) ?? known.bySlug.get(slugInLink(source) ?? ''),
    });
    if ('error' in result) return { ok: false, error: `${fileName}: ${result.error}.` };
    return { ok: true, ...store.importHighlights(result.highlights), rejected: result.rejected };
  };

  return { exportMarkdown, exportJson, importFile, hasHighlights: highlights.length > 0 };
}
