import { readdirSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LIST_PAGE_SIZE, type CorpusManifest } from '../domain/articles/corpus-layout.ts';
import { finishedBuildCache, type BuildCacheState } from './build-cache.ts';
import type { Prerenderer, PrerenderData } from './prerender.ts';
import type { RoutePage } from './route-documents.ts';
import { scanSeedsFolder } from './seed-scan.ts';
import { writeCorpusOutput } from './write-corpus.ts';
import { folderTree, temporaryFolders } from '../../tests/fixtures/temporary-folders.ts';

const SHELL = '<!doctype html><html><head><title>x</title><meta name="description" content="x"></head><body><div id="root"></div></body></html>';

const temporaryDir = temporaryFolders();

const seedText = (index: number, headline = `Story number ${index}`) => `${headline}\nThe text of story ${index}, in full.`;

function seedsFolder(count: number): string {
  const dir = temporaryDir('broadsheet-incremental-seeds-');
  for (let index = 0; index < count; index += 1) writeFileSync(path.join(dir, `${String(index).padStart(3, '0')}.txt`), seedText(index));
  return dir;
}

/** Renders each page as its path and the headlines it was given, so a page shows its article and neighbours. */
const prerenderer: Prerenderer = {
  render(pages: readonly RoutePage[], data: PrerenderData) {
    const shown = (page: RoutePage) => data.documents.find((document) => document.article.slug === page.slug);
    return Promise.resolve(
      new Map(
        pages.map((page) => {
          const document = shown(page);
          return [page.fileName, `<main>${page.path} ${document?.article.headline ?? ''} ${document?.previous?.headline ?? ''} ${document?.next?.headline ?? ''}</main>`];
        }),
      ),
    );
  },
  close: () => Promise.resolve(),
};

interface Built {
  state: BuildCacheState;
  /** Articles written, and kept as they were. */
  counts: { written: number; kept: number };
}

/** One build of `seedsDir` into `outDir`, from the last build's cache (null: a full build), as the plugin runs it. */
async function build(seedsDir: string, outDir: string, previous: BuildCacheState | null, capped: { prerenderLimit: number; packs: (total: number) => number } | null = null): Promise<Built> {
  const scanned = scanSeedsFolder(seedsDir, { known: previous ? new Map(Object.entries(previous.seeds)) : undefined });
  const total = scanned.entries.length;
  const manifest: CorpusManifest = {
    total,
    pageSize: LIST_PAGE_SIZE,
    shards: 2,
    dataDir: `data/${scanned.contentHash.slice(0, 10)}/`,
    articleDir: 'data/articles-abc/',
    ...(capped ? { articlePacks: capped.packs(total) } : {}),
  };
  const result = await writeCorpusOutput({
    previous,
    outDir,
    seedsDir,
    scanned,
    manifest,
    writeSearchIndex: () => Promise.resolve(),
    batchSize: 4,
    prerenderLimit: capped?.prerenderLimit,
    shell: SHELL,
    shellUrl: (file) => `/base/${file}`,
    documentOptions: {},
    prerenderer,
  });
  writeFileSync(path.join(outDir, 'build.json'), JSON.stringify(manifest));
  const state = finishedBuildCache({ codeVersion: 'code', appVersion: 'app', bundleFiles: [], manifest, scanned, output: result, searchSnapshot: undefined });
  return { state, counts: { written: result.written, kept: result.kept } };
}

/** When each file under a folder was last written. */
function writeTimes(dir: string): Map<string, number> {
  return new Map([...folderTree(dir).keys()].map((file) => [file, statSync(path.join(dir, file)).mtimeMs]));
}

/** Builds `seedsDir` afresh into a new folder: what the incremental build must equal. */
async function fullBuildTree(seedsDir: string, capped: Parameters<typeof build>[3] = null): Promise<Map<string, string>> {
  const outDir = temporaryDir('broadsheet-incremental-full-');
  await build(seedsDir, outDir, null, capped);
  return folderTree(outDir);
}

// Each test builds several times into temporary folders: generous on a busy machine.
describe('an incremental build (writeCorpusOutput with the last build’s cache)', { timeout: 60_000 }, () => {
  it('writes no article file or page when nothing changed, and leaves the folder as it was', async () => {
    const seeds = seedsFolder(10);
    const outDir = temporaryDir('broadsheet-incremental-out-');
    const first = await build(seeds, outDir, null);
    const before = folderTree(outDir);
    const times = writeTimes(outDir);
    const second = await build(seeds, outDir, first.state);
    expect(second.counts).toEqual({ written: 0, kept: 10 });
    const untouched = (file: string) => file.startsWith('article/') || file.startsWith('data/articles-abc/');
    expect([...writeTimes(outDir)].filter(([file, time]) => untouched(file) && times.get(file) !== time)).toEqual([]);
    expect(folderTree(outDir)).toEqual(before);
    expect(second.state.articles).toEqual(first.state.articles);
  });

  it('adding articles at the end writes them and the old last article (its “next” link), nothing else, and equals a full build', async () => {
    const seeds = seedsFolder(10);
    const outDir = temporaryDir('broadsheet-incremental-out-');
    const first = await build(seeds, outDir, null);
    for (const index of [10, 11, 12]) writeFileSync(path.join(seeds, `${index}.txt`), seedText(index));
    const before = folderTree(outDir);
    const second = await build(seeds, outDir, first.state);
    expect(second.counts).toEqual({ written: 4, kept: 9 });
    const after = folderTree(outDir);
    const changed = [...after.keys()].filter((file) => (file.startsWith('article/') || file.startsWith('data/articles-abc/')) && before.get(file) !== after.get(file));
    expect(changed.sort()).toEqual(
      ['story-number-9', 'story-number-10', 'story-number-11', 'story-number-12'].flatMap((slug) => [`article/${slug}/index.html`, `data/articles-abc/article/${slug}.json`]).sort(),
    );
    expect(after).toEqual(await fullBuildTree(seeds));
  });

  it('an edited text rewrites only that article; an edited headline also its neighbours, and its old address goes', async () => {
    const seeds = seedsFolder(10);
    const outDir = temporaryDir('broadsheet-incremental-out-');
    let last = await build(seeds, outDir, null);

    writeFileSync(path.join(seeds, '004.txt'), `Story number 4\nA corrected text.`);
    let before = folderTree(outDir);
    last = await build(seeds, outDir, last.state);
    let after = folderTree(outDir);
    expect([...after.keys()].filter((file) => before.get(file) !== after.get(file) && file.startsWith('article/')).sort()).toEqual(['article/story-number-4/index.html']);
    expect(after.get('data/articles-abc/article/story-number-4.json')).toContain('A corrected text.');
    expect(after).toEqual(await fullBuildTree(seeds));

    writeFileSync(path.join(seeds, '004.txt'), `A new headline\nA corrected text.`);
    before = folderTree(outDir);
    await build(seeds, outDir, last.state);
    after = folderTree(outDir);
    expect(after.has('article/story-number-4/index.html')).toBe(false);
    expect(after.has('data/articles-abc/article/story-number-4.json')).toBe(false);
    expect([...after.keys()].filter((file) => file.startsWith('article/') && before.get(file) !== after.get(file)).sort()).toEqual([
      'article/a-new-headline/index.html',
      'article/story-number-3/index.html',
      'article/story-number-5/index.html',
    ]);
    expect(after).toEqual(await fullBuildTree(seeds));
  });

  it('a removed seed takes its page and file with it; the articles after it move up a place and are rewritten', async () => {
    const seeds = seedsFolder(10);
    const outDir = temporaryDir('broadsheet-incremental-out-');
    const first = await build(seeds, outDir, null);
    unlinkSync(path.join(seeds, '007.txt'));
    const second = await build(seeds, outDir, first.state);
    const after = folderTree(outDir);
    expect(after.has('article/story-number-7/index.html')).toBe(false);
    expect(after.has('data/articles-abc/article/story-number-7.json')).toBe(false);
    expect(second.state.articles.map((article) => article.slug)).not.toContain('story-number-7');
    expect(after).toEqual(await fullBuildTree(seeds));
  });

  it('rewrites only the list files whose entries changed, in the collection folder renamed from the last build’s', async () => {
    const seeds = seedsFolder(60);
    const outDir = temporaryDir('broadsheet-incremental-out-');
    const first = await build(seeds, outDir, null);
    const listFile = (state: BuildCacheState, file: string) => path.join(outDir, state.manifest.dataDir, file);
    const times = new Map(Object.keys(first.state.lists).map((file) => [file, statSync(listFile(first.state, file)).mtimeMs]));
    for (const index of [60, 61]) writeFileSync(path.join(seeds, `${index}.txt`), seedText(index));
    const second = await build(seeds, outDir, first.state);
    const rewritten = Object.keys(second.state.lists).filter((file) => statSync(listFile(second.state, file)).mtimeMs !== times.get(file));
    // In file order: the last list page and the last entry pages; sorted, the pages the new headlines and reading times fall in; the orders; the id shards they hash to.
    expect(rewritten).toContain('list/file/2.json');
    expect(rewritten).not.toContain('list/file/0.json');
    expect(rewritten).not.toContain('entry/0.json');
    expect(rewritten.length).toBeLessThan(Object.keys(second.state.lists).length / 2);
    expect(folderTree(outDir)).toEqual(await fullBuildTree(seeds));
  });

  it('leaves no file of the last build’s collection folder behind', async () => {
    const seeds = seedsFolder(6);
    const outDir = temporaryDir('broadsheet-incremental-out-');
    const first = await build(seeds, outDir, null);
    writeFileSync(path.join(seeds, '006.txt'), seedText(6));
    const second = await build(seeds, outDir, first.state);
    expect(second.state.manifest.dataDir).not.toBe(first.state.manifest.dataDir);
    expect(readdirSync(path.join(outDir, 'data')).sort()).toEqual(['articles-abc', second.state.manifest.dataDir.slice('data/'.length, -1)].sort());
  });

  it('for a capped host, moves pages with the newest-N window and rewrites only the packs whose members changed', async () => {
    const seeds = seedsFolder(12);
    const capped = { prerenderLimit: 5, packs: () => 4 };
    const outDir = temporaryDir('broadsheet-incremental-out-');
    const first = await build(seeds, outDir, null, capped);
    for (const index of [12, 13]) writeFileSync(path.join(seeds, `${index}.txt`), seedText(index));
    const before = folderTree(outDir);
    await build(seeds, outDir, first.state, capped);
    const after = folderTree(outDir);
    // The window moved by two: the two oldest pages went, the two new ones came.
    expect(after.has('article/story-number-7/index.html')).toBe(false);
    expect(after.has('article/story-number-8/index.html')).toBe(false);
    expect(after.has('article/story-number-13/index.html')).toBe(true);
    const packs = [...after.keys()].filter((file) => file.includes('article-pack/'));
    const rewritten = packs.filter((file) => before.get(file) !== after.get(file));
    expect(rewritten.length).toBeGreaterThan(0);
    expect(rewritten.length).toBeLessThan(packs.length);
    expect(after).toEqual(await fullBuildTree(seeds, capped));
  });

  it('for a capped host, leaves no stale page or pack when the pack count steps, an article leaves the window while edited, a pack empties, or a slug moves', async () => {
    const seeds = seedsFolder(12);
    // The count steps at 13 articles, as articlePackCount's does at its steps.
    const capped = { prerenderLimit: 5, packs: (total: number) => (total >= 13 ? 5 : 4) };
    const outDir = temporaryDir('broadsheet-incremental-out-');
    let last = await build(seeds, outDir, null, capped);

    // One more article (the count steps, the window moves by one) and the article leaving the window edited.
    writeFileSync(path.join(seeds, '012.txt'), seedText(12));
    writeFileSync(path.join(seeds, '007.txt'), `Story number 7\nA corrected text.`);
    last = await build(seeds, outDir, last.state, capped);
    expect(folderTree(outDir)).toEqual(await fullBuildTree(seeds, capped));
    expect(folderTree(outDir).has('article/story-number-7/index.html')).toBe(false);

    // An article outside the window takes the slug of one inside it, which goes.
    unlinkSync(path.join(seeds, '010.txt'));
    writeFileSync(path.join(seeds, '001.txt'), seedText(1, 'Story number 10'));
    last = await build(seeds, outDir, last.state, capped);
    expect(folderTree(outDir)).toEqual(await fullBuildTree(seeds, capped));

    // Most articles removed: packs empty out.
    for (const name of ['002.txt', '003.txt', '004.txt', '005.txt', '006.txt', '008.txt']) unlinkSync(path.join(seeds, name));
    await build(seeds, outDir, last.state, capped);
    expect(folderTree(outDir)).toEqual(await fullBuildTree(seeds, capped));
  });
});
