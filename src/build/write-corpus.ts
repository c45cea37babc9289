import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { rereadArticle } from '../domain/articles/build-corpus.ts';
import { articleDocument, articleFile, articlePackFile, articlePackOf, articlePath, listFileParts, LIST_PAGE_SIZE, type ArticleDocument, type ArticleEntry, type CorpusManifest } from '../domain/articles/corpus-layout.ts';
import { paths } from '../config/paths.ts';
import type { Prerenderer } from './prerender.ts';
import { fileGroups, groupBatches } from './batches.ts';
import { articlePage, routeDocument, SITE_PAGES, type RouteDocumentOptions } from './route-documents.ts';
import type { ScannedCorpus } from './seed-scan.ts';
import { documentKey, packKey, type BuildCacheState, type CachedArticle, type CachedListFile, type CachedPack } from './build-cache.ts';

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
  /**
   * What the last build into this folder wrote, when the cache is trusted and the app is the same:
   * an article whose inputs did not change keeps its file and page as they are, and the outputs of
   * articles that are gone are deleted. Null: every article is written.
   */
  previous?: BuildCacheState | null;
}

/** What was written (or kept) for each article and pack: the next build's cache. */
export interface CorpusOutput {
  articles: CachedArticle[];
  packs: (CachedPack | null)[];
  lists: Record<string, CachedListFile>;
  /** Articles whose file or page was written, and the rest, kept as they were. */
  written: number;
  kept: number;
}

/**
 * The build's second pass: writes the collection's data files and pages straight into the output
 * folder, the article files and pages one batch at a time, re-reading each batch's seeds, so no
 * more than a batch of texts and pages is held at once. Each article's text is written once per
 * format: in its page's HTML and in its JSON file (or its pack's, with `articlePacks`), which the
 * page preloads to hydrate from. Packed articles are read pack by pack, so each pack is written whole.
 */
export async function writeCorpusOutput(options: CorpusOutputOptions): Promise<CorpusOutput> {
  const { scanned, manifest, prerenderer } = options;
  const write = folderWriter(options.outDir, options.written);
  const { entries, seedFiles, seedHashes } = scanned;

  const keys = entries.map((entry, position) => documentKey(seedHashes[position] ?? '', entry, entries[position - 1], entries[position + 1]));
  const lists = writeListFiles({ outDir: options.outDir, write, tally: options.written, manifest, entries, keys, previous: options.previous ?? null });
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
  const packOf = (position: number) => articlePackOf(entries[position]?.slug ?? '', packs ?? 1);
  const plan = planCorpusOutput(options.previous ?? null, { entries, keys, prerenderFrom, packs, packOf });
  for (const file of plan.deleted) rmSync(path.join(options.outDir, file), { recursive: true, force: true });

  const articles: CachedArticle[] = entries.map((entry, position) => plan.kept.get(position) ?? { slug: entry.slug, key: keys[position] ?? '', fileBytes: 0, pageBytes: null });
  const packRecords: (CachedPack | null)[] = packs ? Array.from({ length: packs }, (_, pack) => plan.keptPacks.get(pack) ?? null) : [];
  // What is kept still counts in the hosting report.
  for (const [position, kept] of plan.kept) {
    const entry = entries[position];
    if (!entry) continue;
    if (kept.fileBytes && !packs) options.written?.(`${manifest.articleDir}article/${entry.slug}.json`, kept.fileBytes);
    if (kept.pageBytes !== null) options.written?.(articlePage(entry).fileName, kept.pageBytes);
  }
  for (const [pack, kept] of plan.keptPacks) options.written?.(`${manifest.articleDir}article-pack/${pack}.json`, kept.bytes);

  const groups = fileGroups(entries.length, packs ? { packs, of: packOf } : undefined).filter((group) => group.some((position) => plan.work.has(position)));
  let done = 0;
  const toDo = groups.reduce((sum, group) => sum + group.length, 0);
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
      const pack = packs ? packOf(group[0] ?? 0) : null;
      // A pack is rewritten whole when any member changed; an article's own file only when it changed.
      const rewritten = grouped.filter((document) => pack !== null || plan.work.get(document.position)?.file);
      const file = pack !== null ? articlePackFile(pack, grouped) : rewritten[0] && articleFile(rewritten[0]);
      if (file && (pack === null || plan.rewritePacks.has(pack))) {
        write(`${manifest.articleDir}${file.path}`, file.json);
        const bytes = Buffer.byteLength(file.json);
        if (pack !== null) packRecords[pack] = { key: plan.packKeys.get(pack) ?? '', bytes };
        else if (rewritten[0]) articles[rewritten[0].position] = { ...(articles[rewritten[0].position] as CachedArticle), fileBytes: bytes };
      }
      documents.push(...grouped.filter((document) => document.position >= prerenderFrom && plan.work.get(document.position)?.page));
      done += group.length;
    }
    const pages = documents.map((document) => articlePage(document.article));
    const bodies = prerenderer && pages.length ? await prerenderer.render(pages, { documents }) : new Map<string, string>();
    pages.forEach((page, index) => {
      const position = documents[index]?.position ?? 0;
      const preloadData = page.slug === undefined ? undefined : options.shellUrl(articlePath(manifest, page.slug));
      const html = routeDocument(options.shell, page, { ...options.documentOptions, bodies, preloadData });
      write(page.fileName, html);
      articles[position] = { ...(articles[position] as CachedArticle), pageBytes: Buffer.byteLength(html) };
    });
    options.onBatch?.(done, toDo);
  }
  await searchIndex;
  return { articles, packs: packRecords, lists, written: plan.work.size, kept: entries.length - plan.work.size };
}

/**
 * Writes the collection's list files (list pages, sort orders, entry pages, id shards) into its
 * data folder. From a trusted cache the last build's folder is renamed to this build's name first,
 * and a file is written only when the entries it shows changed (a signature of their keys, which
 * cover each entry's seed, id, slug and place): a day's new articles touch the last pages in file
 * order and the pages they sort into, not the 33,000 files of a 100,000-article collection. The
 * search index is the search thread's, written whole into the folder afterwards.
 */
function writeListFiles(options: {
  outDir: string;
  write: (file: string, content: string) => void;
  /** Hears of each file kept as it was, for the hosting report (`write` tells of those written). */
  tally: ((file: string, bytes: number) => void) | undefined;
  manifest: CorpusManifest;
  entries: readonly ArticleEntry[];
  keys: readonly string[];
  previous: BuildCacheState | null;
}): Record<string, CachedListFile> {
  const { outDir, write, manifest, previous } = options;
  let before: Readonly<Record<string, CachedListFile>> = previous?.lists ?? {};
  if (previous && previous.manifest.dataDir !== manifest.dataDir) {
    const folder = path.join(outDir, manifest.dataDir);
    rmSync(folder, { recursive: true, force: true });
    try {
      renameSync(path.join(outDir, previous.manifest.dataDir), folder);
      rmSync(path.join(folder, 'search'), { recursive: true, force: true });
    } catch {
      before = {}; // Nothing to keep: every file is written.
    }
  }
  const lists: Record<string, CachedListFile> = {};
  for (const part of listFileParts(options.entries)) {
    const hash = createHash('sha256').update(part.path);
    for (const member of part.members) hash.update(options.keys[member.position] ?? '');
    const signature = hash.digest('hex');
    const file = `${manifest.dataDir}${part.path}`;
    const old = before[part.path];
    if (old?.signature === signature) {
      lists[part.path] = old;
      options.tally?.(file, old.bytes);
      continue;
    }
    const json = part.json();
    write(file, json);
    lists[part.path] = { signature, bytes: Buffer.byteLength(json) };
  }
  for (const file of Object.keys(before)) if (!Object.hasOwn(lists, file)) rmSync(path.join(outDir, manifest.dataDir, file), { force: true });
  return lists;
}

/** What an article needs written: its data file, its page, or both. */
interface ArticleWork {
  file: boolean;
  page: boolean;
}

export interface CorpusOutputPlan {
  /** Positions with something to write. */
  work: Map<number, ArticleWork>;
  /** Positions whose file and page stay as the last build wrote them, with what it recorded. */
  kept: Map<number, CachedArticle>;
  /** Packs to rewrite, each one's key, and those kept. */
  rewritePacks: Set<number>;
  packKeys: Map<number, string>;
  keptPacks: Map<number, CachedPack>;
  /** Files and folders under the output folder to delete: outputs of articles that are gone or lost their page. */
  deleted: string[];
}

/**
 * Compares this build's articles with the last build's record (`previous`: trusted, and of the same
 * app version, so of the same articles' folder): which articles' files and pages
 * must be written (a changed seed, slug, position or neighbour, or a page newly due), which stay,
 * and which outputs are gone. Pure: the caller reads, writes and deletes.
 */
export function planCorpusOutput(
  previous: BuildCacheState | null,
  current: { entries: readonly ArticleEntry[]; keys: readonly string[]; prerenderFrom: number; packs: number | undefined; packOf: (position: number) => number },
): CorpusOutputPlan {
  const { entries, keys, prerenderFrom, packs, packOf } = current;
  const before = new Map<string, CachedArticle>();
  for (const record of previous?.articles ?? []) before.set(record.slug, record);
  const samePacking = previous !== null && (previous.manifest.articlePacks ?? 0) === (packs ?? 0);
  const plan: CorpusOutputPlan = { work: new Map(), kept: new Map(), rewritePacks: new Set(), packKeys: new Map(), keptPacks: new Map(), deleted: [] };
  const slugs = new Set<string>();
  entries.forEach((entry, position) => {
    slugs.add(entry.slug);
    const record = before.get(entry.slug);
    const wantsPage = position >= prerenderFrom;
    const same = record !== undefined && record.key === keys[position] && (packs === undefined || samePacking);
    const page = wantsPage && !(same && record.pageBytes !== null);
    const file = !same;
    if (file || page) plan.work.set(position, { file, page });
    if (record && same) plan.kept.set(position, { ...record, pageBytes: wantsPage ? record.pageBytes : null });
    // Out of PRERENDER_LIMIT's window now, changed or not: the page at its address goes.
    if (record && !wantsPage && record.pageBytes !== null) plan.deleted.push(paths.article.sitePath(entry.slug));
  });
  for (const record of before.values()) {
    if (slugs.has(record.slug)) continue;
    if (record.pageBytes !== null) plan.deleted.push(paths.article.sitePath(record.slug));
    if (!previous?.manifest.articlePacks) plan.deleted.push(`${previous?.manifest.articleDir ?? ''}article/${record.slug}.json`);
  }
  if (packs) {
    const members: number[][] = Array.from({ length: packs }, () => []);
    entries.forEach((_entry, position) => members[packOf(position)]?.push(position));
    members.forEach((positions, pack) => {
      if (positions.length === 0) {
        // Its last member gone: its old file would still serve their texts.
        if (previous?.packs[pack]) plan.deleted.push(`${previous.manifest.articleDir}article-pack/${pack}.json`);
        return;
      }
      const key = packKey(positions.map((position) => keys[position] ?? ''));
      plan.packKeys.set(pack, key);
      const kept = samePacking ? previous?.packs[pack] : null;
      if (kept && kept.key === key) plan.keptPacks.set(pack, kept);
      else {
        plan.rewritePacks.add(pack);
        for (const position of positions) if (!plan.work.has(position)) plan.work.set(position, { file: true, page: false });
      }
    });
    if (previous?.manifest.articlePacks) for (let pack = packs; pack < previous.manifest.articlePacks; pack += 1) plan.deleted.push(`${previous.manifest.articleDir}article-pack/${pack}.json`);
  }
  return plan;
}
