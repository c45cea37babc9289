import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createServer } from 'vite';
import { afterEach, describe, expect, it } from 'vitest';
import { makeArticle } from '../../tests/fixtures/articles.ts';
import { isArticleDocument } from '../data/corpus/corpus-client.ts';
import {
  articleDocuments,
  articlePath,
  CURRENT_BUILD_PATH,
  isCorpusManifest,
  layoutCorpus,
  LIST_PAGE_SIZE,
  listPagePath,
  searchIndexPath,
  shardPath,
  type ArticleEntry,
  type CorpusManifest,
} from '../domain/articles/corpus-layout.ts';
import { createMemorySearchReader } from '../testing/test-services.tsx';
import { buildCorpusData, loadCorpus, readSeedsFolder } from './in-memory-corpus.ts';
import { ARTICLES_MODULE_ID, articlesModule, seedArticles } from './seed-articles-plugin.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURES = path.join(ROOT, 'tests/fixtures/seeds');

const temporaryDirs: string[] = [];
function temporaryDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'broadsheet-seeds-'));
  temporaryDirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of temporaryDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('readSeedsFolder', () => {
  it('reads the bytes of every .txt file and nothing else', () => {
    const { files, unreadable } = readSeedsFolder(FIXTURES);
    expect(unreadable).toEqual([]);
    expect(files.map((f) => f.name).sort()).toEqual([
      '01-utf8-bom.txt',
      '02-crlf.txt',
      '03-lone-cr.txt',
      '04-blank-lines.txt',
      '05-surrounding-whitespace.txt',
      '06-windows-1252.txt',
      '07-utf16le.txt',
      '08-utf16be.txt',
      '09-empty.txt',
      '10-whitespace-only.txt',
      '11-headline-only.txt',
      '12-trailing-boilerplate.txt',
      '13-rtl.txt',
      '14-only-boilerplate.txt',
      '15-binary.txt',
      '16-control-chars.txt',
    ]);
    const bom = files.find((f) => f.name === '01-utf8-bom.txt');
    expect([...(bom?.bytes.subarray(0, 3) ?? [])]).toEqual([0xef, 0xbb, 0xbf]);
    expect(files.find((f) => f.name === '09-empty.txt')?.bytes.length).toBe(0);
  });

  it('skips a folder whose name ends in .txt', () => {
    const dir = temporaryDir();
    mkdirSync(path.join(dir, 'folder.txt'));
    writeFileSync(path.join(dir, 'real.txt'), 'Headline\nBody.');
    expect(readSeedsFolder(dir).files.map((f) => f.name)).toEqual(['real.txt']);
  });

  it('reports a missing folder instead of throwing', () => {
    const { files, unreadable } = readSeedsFolder(path.join(ROOT, 'tests/fixtures/no-such-folder'));
    expect(files).toEqual([]);
    expect(unreadable).toHaveLength(1);
    expect(unreadable[0]?.file).toBe('');
    expect(unreadable[0]?.message).toMatch(/^cannot read the seeds folder \(ENOENT/);
  });
});

describe('loadCorpus', () => {
  it('builds the fixture folder into articles, skipped files and warnings', () => {
    const corpus = loadCorpus(FIXTURES);
    expect(corpus.articles).toHaveLength(11);
    expect(corpus.articles.map((a) => a.id)[0]).toBe('01-utf8-bom');
    expect(corpus.articles.map((a) => a.id).at(-1)).toBe('16-control-chars');
    expect(corpus.skipped.map((s) => s.file)).toEqual([
      '09-empty.txt',
      '10-whitespace-only.txt',
      '11-headline-only.txt',
      '14-only-boilerplate.txt',
      '15-binary.txt',
    ]);
    expect(corpus.warnings.map((w) => w.file)).toEqual(['06-windows-1252.txt', '16-control-chars.txt', '08-utf16be.txt']);
  });

  it('never lists notes.md or other non-.txt files', () => {
    const corpus = loadCorpus(FIXTURES);
    const mentioned = [...corpus.articles.map((a) => a.id), ...corpus.skipped.map((s) => s.file), ...corpus.warnings.map((w) => w.file)];
    expect(mentioned.filter((name) => name.includes('notes') || name.startsWith('.'))).toEqual([]);
  });

  it('turns a missing folder into a skipped entry, not a throw', () => {
    const corpus = loadCorpus(path.join(ROOT, 'tests/fixtures/no-such-folder'));
    expect(corpus.articles).toEqual([]);
    expect(corpus.warnings).toEqual([]);
    expect(corpus.skipped).toHaveLength(1);
    expect(corpus.skipped[0]?.message).toMatch(/^cannot read the seeds folder/);
  });

  it('gives an empty corpus for an empty folder', () => {
    expect(loadCorpus(temporaryDir())).toEqual({ articles: [], skipped: [], warnings: [] });
  });

  it('builds the bundled seed without problems', () => {
    // Its committed copy: seeds/ is the user's to replace, and tests must not depend on it.
    const corpus = loadCorpus(path.join(ROOT, 'tests/fixtures/e2e-seeds'));
    const name = '000_5e039f83c282c0c8';
    expect([...corpus.skipped, ...corpus.warnings].filter((p) => p.file === `${name}.txt`)).toEqual([]);
    const article = corpus.articles.find((a) => a.id === name);
    expect(article?.slug).toBe('us-led-coalition-members-suspend-iraq-operations-as-region-submerged-in-outrage');
    expect(article?.paragraphs).toHaveLength(7);
  });
});

describe('buildCorpusData', () => {
  // Three list pages at 25 a page, and ids up to id-51 whatever the page size.
  const articles = Array.from({ length: Math.max(2 * LIST_PAGE_SIZE + 2, 52) }, (_, index) =>
    makeArticle(`id-${index}`, `Story ${index}`, [`Text of story ${index}.`], { slug: `story-${index}` }),
  );
  const built = buildCorpusData(articles);

  it('describes the collection in a manifest whose data folder is named by a hash of the content', () => {
    expect(built.manifest).toEqual({
      total: articles.length,
      pageSize: LIST_PAGE_SIZE,
      shards: layoutCorpus(articles).shards,
      dataDir: expect.stringMatching(/^data\/[0-9a-f]{10}\/$/) as unknown,
      articleDir: built.manifest.dataDir,
    });
  });

  it('names the data folder the same for the same articles and differently for any change', () => {
    expect(buildCorpusData(articles).manifest.dataDir).toBe(built.manifest.dataDir);
    const edited = articles.map((article, index) => (index === 30 ? { ...article, paragraphs: ['Edited.'] } : article));
    expect(buildCorpusData(edited).manifest.dataDir).not.toBe(built.manifest.dataDir);
    expect(buildCorpusData(articles.slice(1)).manifest.dataDir).not.toBe(built.manifest.dataDir);
  });

  it('writes every laid-out file and the search index under the data folder', async () => {
    const { manifest, files } = built;
    const expected = layoutCorpus(articles).files.map((file) => `${manifest.dataDir}${file.path}`);
    const searchFiles = [...files.keys()].filter((path) => path.startsWith(`${manifest.dataDir}search/`));
    expect([...files.keys()].filter((path) => !searchFiles.includes(path)).sort()).toEqual(expected.sort());
    expect(searchFiles).toContain(searchIndexPath(manifest));
    expect(files.has(listPagePath(manifest, 'headline', 1))).toBe(true);
    expect(files.has(shardPath(manifest, 0))).toBe(true);
    expect(files.has(decodeURIComponent(articlePath(manifest, 'story-3')))).toBe(true);
    const hits = await createMemorySearchReader(files, manifest.dataDir).search({ text: 'story 51', sort: 'relevance' });
    expect(hits.map((hit) => articles[hit.position]?.id)).toEqual(['id-51']);
  });

  it('gives the first page of the list, as list/file/0.json holds it', () => {
    expect(built.firstPage).toHaveLength(LIST_PAGE_SIZE);
    expect(JSON.parse(built.files.get(listPagePath(built.manifest, 'file', 0)) ?? '') as ArticleEntry[]).toEqual(built.firstPage);
  });

  it('writes each article’s document as its data file', () => {
    for (const document of articleDocuments(articles)) {
      const value: unknown = JSON.parse(built.files.get(`${built.manifest.dataDir}article/${document.article.slug}.json`) ?? '');
      expect(isArticleDocument(value)).toBe(true);
      expect(value).toEqual(document);
    }
  });

  it('builds an empty collection: a manifest of none and an empty first page', () => {
    const empty = buildCorpusData([]);
    expect(empty.manifest.total).toBe(0);
    expect(empty.firstPage).toEqual([]);
    expect(empty.files.has(searchIndexPath(empty.manifest))).toBe(true);
  });
});

describe('articlesModule', () => {
  const built = buildCorpusData([makeArticle('a', 'A </script> story', ['Text.', 'A second paragraph, only in the article file.'], { slug: 'a-story' })]);
  const plugin = articlesModule(() => built.manifest);
  const call = <T>(hook: unknown, ...args: unknown[]): T => (hook as (...a: unknown[]) => T)(...args);

  it('resolves virtual:articles and nothing else', () => {
    const resolved = call<string | undefined>(plugin.resolveId, ARTICLES_MODULE_ID);
    expect(resolved).toBe(`\0${ARTICLES_MODULE_ID}`);
    expect(call(plugin.resolveId, 'virtual:other')).toBeUndefined();
    expect(call(plugin.load, 'virtual:articles')).toBeUndefined();
  });

  it('exports only the manifest, which evaluates to the built one: no article text, not even the first rows', () => {
    const code = call<string>(plugin.load, `\0${ARTICLES_MODULE_ID}`);
    expect([...code.matchAll(/^export const (\w+)/gm)].map((match) => match[1])).toEqual(['manifest']);
    expect(code).not.toContain('story');
    const manifest = /^export const manifest = (.*);$/m.exec(code)?.[1] ?? '';
    expect(JSON.parse(manifest)).toEqual(built.manifest);
  });
});

describe('seedArticles on the dev server', () => {
  it('answers build.json and the data files it names from memory, under the base path', async () => {
    const server = await createServer({
      configFile: false,
      root: ROOT,
      base: '/reader/',
      logLevel: 'silent',
      plugins: [seedArticles({ seedsDir: FIXTURES })],
      server: { middlewareMode: true, hmr: false, ws: false, watch: null },
      optimizeDeps: { noDiscovery: true, include: [] },
    });
    const http = createHttpServer(server.middlewares);
    try {
      await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
      const { port } = http.address() as AddressInfo;
      const base = `http://127.0.0.1:${port}/reader/`;
      const answer = await fetch(`${base}${CURRENT_BUILD_PATH}`);
      expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
      const manifest: unknown = await answer.json();
      expect(isCorpusManifest(manifest)).toBe(true);
      expect(manifest).toEqual(buildCorpusData(loadCorpus(FIXTURES).articles).manifest);
      const list = await fetch(`${base}${listPagePath(manifest as CorpusManifest, 'file', 0)}`);
      expect(list.status).toBe(200);
      expect((await list.json()) as ArticleEntry[]).toHaveLength(Math.min(LIST_PAGE_SIZE, (manifest as CorpusManifest).total));
    } finally {
      await new Promise((resolve) => http.close(resolve));
      await server.close();
    }
  }, 30_000);
});
