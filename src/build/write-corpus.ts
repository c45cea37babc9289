import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { rereadArticle } from '../domain/articles/build-corpus.ts';
import { articleDocument, articleFile, articlePackFile, articlePackOf, articlePath, listFiles, LIST_PAGE_SIZE, type ArticleDocument, type CorpusManifest } from '../domain/articles/corpus-layout.ts';
import type { Prerenderer } from './prerender.ts';
import { fileGroups, groupBatches } from './batches.ts';
import { articlePage, routeDocument, SITE_PAGES, type RouteDocumentOptions } from './route-documents.ts';
import type { ScannedCorpus } from './seed-scan.ts';

/** Writes files under a folder, making each sub-folder once; `written` hears of each file's size. */
export function folderWriter(outDir: string, written: (file: string, bytes: number) => void = () => {}): (file: string, content: string) => void {
  const made = new Set<string>();
  return (file, content) => {
    const target = path.join(outDir, file);
    const folder = path.dirname(target);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    writeFileSync(target, content);
    written(file, Buffer.byteLength(content));
  };
}

/** The first position in file order with a prerendered page: all of them, or the newest `limit` (the last in file order). */
export function firstPrerendered(total: number, limit: number | undefined): number {
  return limit === undefined ? 0 : Math.max(0, total - limit);
}

export interface CorpusOutputOptions {
  outDir: string;
  seedsDir: string;
  scanned: ScannedCorpus;
  manifest: CorpusManifest;
  /** Writes the search index into the data folder; run alongside the articles' batches (it may be on another thread). */
  writeSearchIndex: (write: (file: string, content: string) => void) => Promise<unknown>;
  /** Articles read, written and rendered together (at least; a pack is never split). */
  batchSize: number;
  /** Prerender only the newest this many articles (the last in file order); the others are served by the app through 404.html. */
  prerenderLimit?: number | undefined;
  /** The built index.html every page is made from. */
  shell: string;
  /** A path under the output folder as a URL in the shell's form ("./x" in a relative build, "/base/x" otherwise). */
  shellUrl: (file: string) => string;
  documentOptions: Omit<RouteDocumentOptions, 'bodies' | 'data' | 'preloadData'>;
  /** Null when pages are not prerendered (then each is the shell the app fills in). */
  prerenderer: Prerenderer | null;
  /** Hears of each file written, with its size in bytes (the search index's files are the caller's). */
  written?: (file: string, bytes: number) => void;
  /** Told after each batch, for a progress line. */
  onBatch?: (done: number, total: number) => void;
}

/**
 * The build's second pass: writes the collection's data files and pages straight into the output
 * folder, the article files and pages one batch at a time, re-reading each batch's seeds, so no
 * more than a batch of texts and pages is held at once. Each article's text is written once per
 * format: in its page's HTML and in its JSON file (or its pack's, with `articlePacks`), which the
 * page preloads to hydrate from. Packed articles are read pack by pack, so each pack is written whole.
 */
export async function writeCorpusOutput(options: CorpusOutputOptions): Promise<void> {
  const { scanned, manifest, prerenderer } = options;
  const write = folderWriter(options.outDir, options.written);
  const { entries, seedFiles } = scanned;

  for (const file of listFiles(entries)) write(`${manifest.dataDir}${file.path}`, file.json);
  const searchIndex = options.writeSearchIndex(write);
  // Awaited after the batches: until then a failure must not count as unhandled.
  searchIndex.catch(() => {});

  // The list page carries its first rows as data (in the same gzip stream as the rendered rows, they cost little).
  const firstPage = entries.slice(0, LIST_PAGE_SIZE);
  const siteBodies = prerenderer ? await prerenderer.render(SITE_PAGES, { documents: [], firstPage }) : new Map<string, string>();
  for (const page of SITE_PAGES) {
    const data = page === SITE_PAGES[0] ? JSON.stringify(firstPage) : undefined;
    write(page.fileName, routeDocument(options.shell, page, { ...options.documentOptions, bodies: siteBodies, data }));
  }

  const prerenderFrom = firstPrerendered(entries.length, options.prerenderLimit);
  const packs = manifest.articlePacks;
  const groups = fileGroups(entries.length, packs ? { packs, of: (position) => articlePackOf(entries[position]?.slug ?? '', packs) } : undefined);
  let done = 0;
  for (const batch of groupBatches(groups, options.batchSize)) {
    const documents: ArticleDocument[] = [];
    for (const group of batch) {
      const grouped: ArticleDocument[] = [];
      for (const position of group) {
        const entry = entries[position];
        const name = seedFiles[position];
        if (!entry || name === undefined) continue;
        const article = rereadArticle({ name, bytes: readFileSync(path.join(options.seedsDir, name)) }, entry);
        grouped.push(articleDocument(article, position, entries[position - 1], entries[position + 1]));
      }
      const file = packs ? articlePackFile(articlePackOf(grouped[0]?.article.slug ?? '', packs), grouped) : grouped[0] && articleFile(grouped[0]);
      if (file) write(`${manifest.articleDir}${file.path}`, file.json);
      documents.push(...grouped);
      done += group.length;
    }
    const rendered = documents.filter((document) => document.position >= prerenderFrom);
    const pages = rendered.map((document) => articlePage(document.article));
    const bodies = prerenderer && pages.length ? await prerenderer.render(pages, { documents: rendered }) : new Map<string, string>();
    for (const page of pages) {
      const preloadData = page.slug === undefined ? undefined : options.shellUrl(articlePath(manifest, page.slug));
      write(page.fileName, routeDocument(options.shell, page, { ...options.documentOptions, bodies, preloadData }));
    }
    options.onBatch?.(done, entries.length);
  }
  await searchIndex;
}
