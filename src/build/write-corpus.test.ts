import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isArticleDocument } from '../data/corpus/corpus-client.ts';
import { buildCorpus } from '../domain/articles/build-corpus.ts';
import { articleDocuments, articlePath, LIST_PAGE_SIZE, PAGE_DATA_ID, type CorpusManifest } from '../domain/articles/corpus-layout.ts';
import { SearchIndexWriter } from '../domain/search/search-index-writer.ts';
import type { Prerenderer, PrerenderData } from './prerender.ts';
import type { RoutePage } from './route-documents.ts';
import { scanSeedsFolder } from './seed-scan.ts';
import { writeCorpusOutput } from './write-corpus.ts';
import { temporaryFolders } from '../../tests/fixtures/temporary-folders.ts';

const SHELL = '<!doctype html><html><head><title>x</title><meta name="description" content="x"></head><body><div id="root"></div></body></html>';

const temporaryDir = temporaryFolders();

/** A seeds folder of `count` articles, one a file, plus one file that is skipped. */
function seedsFolder(count: number): string {
  const dir = temporaryDir('broadsheet-stream-seeds-');
  for (let index = 0; index < count; index += 1) writeFileSync(path.join(dir, `${String(index).padStart(3, '0')}.txt`), `Story number ${index}\nThe text of story ${index}, in full.`);
  writeFileSync(path.join(dir, '050-empty.txt'), '');
  return dir;
}

/** Records what each render call was given and renders each page as its path. */
function fakePrerenderer() {
  const calls: { pages: string[]; data: PrerenderData }[] = [];
  const prerenderer: Prerenderer = {
    render(pages: readonly RoutePage[], data: PrerenderData) {
      calls.push({ pages: pages.map((page) => page.path), data });
      return Promise.resolve(new Map(pages.map((page) => [page.fileName, `<main>${page.path}</main>`])));
    },
    close: () => Promise.resolve(),
  };
  return { prerenderer, calls };
}

async function writeFolder(count: number, batchSize: number, capped: { packs: number; prerenderLimit: number } | null = null) {
  const seedsDir = seedsFolder(count);
  const outDir = temporaryDir('broadsheet-stream-out-');
  const search = new SearchIndexWriter();
  const scanned = scanSeedsFolder(seedsDir, { onArticle: (article, position) => search.add(article, position) });
  const manifest: CorpusManifest = { total: scanned.entries.length, pageSize: LIST_PAGE_SIZE, shards: 2, dataDir: 'data/abc/', articleDir: 'data/articles-abc/', ...(capped ? { articlePacks: capped.packs } : {}) };
  const { prerenderer, calls } = fakePrerenderer();
  const progress: number[] = [];
  await writeCorpusOutput({
    outDir,
    seedsDir,
    scanned,
    manifest,
    writeSearchIndex: (write) => {
      for (const [file, json] of search.finish().files) write(`${manifest.dataDir}${file}`, json);
      return Promise.resolve();
    },
    batchSize,
    shell: SHELL,
    shellUrl: (file) => `/base/${file}`,
    documentOptions: {},
    prerenderer,
    onBatch: (done) => progress.push(done),
    prerenderLimit: capped?.prerenderLimit,
  });
  const read = (file: string) => readFileSync(path.join(outDir, file), 'utf8');
  return { seedsDir, outDir, scanned, calls, progress, read, manifest };
}

describe('writeCorpusOutput: the build\'s second pass', () => {
  it('renders the articles in batches of at most the batch size, each batch with its own articles only', async () => {
    const { calls, progress } = await writeFolder(53, 20);
    const articleCalls = calls.filter((call) => call.pages.every((page) => page.startsWith('/article/')));
    expect(articleCalls.map((call) => call.pages.length)).toEqual([20, 20, 13]);
    expect(articleCalls.map((call) => call.data.documents.length)).toEqual([20, 20, 13]);
    expect(articleCalls[1]?.data.documents.map((document) => document.position)).toEqual(Array.from({ length: 20 }, (_, index) => 20 + index));
    expect(progress).toEqual([20, 40, 53]);
  });

  it('writes each article file as building in memory would, neighbours across batch boundaries included', async () => {
    const { seedsDir, read } = await writeFolder(53, 20);
    const names = readdirSync(seedsDir).sort();
    const inMemory = articleDocuments(buildCorpus(names.map((name) => ({ name, bytes: readFileSync(path.join(seedsDir, name)) }))).articles);
    expect(inMemory).toHaveLength(53);
    for (const document of inMemory) {
      const value: unknown = JSON.parse(read(`data/articles-abc/article/${document.article.slug}.json`));
      expect(isArticleDocument(value)).toBe(true);
      expect(value).toEqual(document);
    }
  });

  it('gives each article page its HTML and a preload of its data file, and no copy of its text in a data block', async () => {
    const { scanned, read } = await writeFolder(3, 2);
    const slug = scanned.entries[1]?.slug ?? '';
    const html = read(`article/${slug}/index.html`);
    expect(html).toContain(`<main>/article/${slug}/</main>`);
    expect(html).toContain(`<link rel="preload" as="fetch" crossorigin href="/base/data/articles-abc/article/${slug}.json">`);
    expect(html).not.toContain(PAGE_DATA_ID);
    expect(html).not.toContain('"paragraphs"');
  });

  it('writes the list page with its first rows as data, and the Highlights page and 404.html', async () => {
    const { calls, read, scanned } = await writeFolder(30, 100);
    const list = read('index.html');
    const block = new DOMParser().parseFromString(list, 'text/html').getElementById(PAGE_DATA_ID)?.textContent ?? '';
    expect(JSON.parse(block)).toEqual(scanned.entries.slice(0, LIST_PAGE_SIZE));
    expect(calls[0]?.data.firstPage).toEqual(scanned.entries.slice(0, LIST_PAGE_SIZE));
    expect(read('highlights/index.html')).toContain('<main>/highlights/</main>');
    expect(read('404.html')).toContain('data-render="replace"');
  });

  it('writes the list pages, id shards and the search index under the data folder', async () => {
    const { outDir } = await writeFolder(53, 20);
    for (const file of ['list/file/2.json', 'list/headline/0.json', 'order/reading-time.json', 'entry/10.json', 'id/1.json', 'search/index.json']) {
      expect(existsSync(path.join(outDir, 'data/abc', file)), file).toBe(true);
    }
    expect(existsSync(path.join(outDir, 'data/abc/list/file/3.json'))).toBe(false);
  });

  it('for a capped host, prerenders only the newest articles and packs every article by its slug', async () => {
    const { outDir, scanned, calls, read, manifest } = await writeFolder(53, 20, { packs: 11, prerenderLimit: 10 });
    const rendered = calls.flatMap((call) => call.pages).filter((page) => page.startsWith('/article/'));
    expect(rendered.sort()).toEqual(scanned.entries.slice(43).map((entry) => `/article/${entry.slug}/`).sort());
    expect(existsSync(path.join(outDir, `article/${scanned.entries[42]?.slug ?? ''}`))).toBe(false);
    expect(existsSync(path.join(outDir, 'data/articles-abc/article'))).toBe(false);

    const packed = readdirSync(path.join(outDir, 'data/articles-abc/article-pack')).map((name) => JSON.parse(read(`data/articles-abc/article-pack/${name}`)) as unknown[]);
    expect(packed).toHaveLength(11);
    const documents = packed.flat();
    expect(documents.every(isArticleDocument)).toBe(true);
    expect(documents.map((document) => (document as { position: number }).position).sort((a, b) => a - b)).toEqual(scanned.entries.map((entry) => entry.position));
    const newest = scanned.entries[50]?.slug ?? '';
    expect(read(`article/${newest}/index.html`)).toContain(`href="/base/${articlePath(manifest, newest)}"`);
    expect(articlePath(manifest, newest)).toMatch(/^data\/articles-abc\/article-pack\/\d+\.json$/);
  });
});
