import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { currentBuildJson, LIST_PAGE_SIZE, type ArticleEntry } from '../domain/articles/corpus-layout.ts';
import { appVersion, buildCacheDir, BUILD_CACHE_FORMAT, checkCacheState, documentKey, dropBuildCache, loadBuildCache, saveBuildCache, snapshotSeedIndexes, type BuildCacheState } from './build-cache.ts';

const dirs: string[] = [];
const temporaryDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'broadsheet-cache-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const state = (): BuildCacheState => ({
  format: BUILD_CACHE_FORMAT,
  codeVersion: 'code',
  appVersion: 'v1',
  bundleFiles: ['index.html', 'assets/index-abc.js'],
  manifest: { total: 1, pageSize: LIST_PAGE_SIZE, shards: 1, dataDir: 'data/0123456789/', articleDir: 'data/articles-abc/' },
  seeds: { aa: { ok: true, headline: 'A story', excerpt: 'Text.', wordCount: 1, readingMinutes: 1, lang: 'en', warnings: [], textKey: 'k' }, bb: { ok: false, reason: 'the file is empty' } },
  seedFiles: ['a.txt'],
  seedHashes: ['aa'],
  articles: [{ slug: 'a-story', key: 'key', fileBytes: 10, pageBytes: 20 }],
  packs: [],
  lists: { 'list/file/0.json': { signature: 'sig', bytes: 30 } },
  search: null,
});

/** A cache folder and an output folder holding the build.json the cache describes. */
function saved(value: BuildCacheState = state()) {
  const cacheDir = temporaryDir();
  const outDir = temporaryDir();
  saveBuildCache(cacheDir, value);
  writeFileSync(path.join(outDir, 'build.json'), currentBuildJson(value.manifest));
  for (const folder of [value.manifest.dataDir, value.manifest.articleDir]) mkdirSync(path.join(outDir, folder), { recursive: true });
  return { cacheDir, outDir };
}

describe('the build cache', () => {
  it('is trusted when its output folder still holds the build it describes', () => {
    const { cacheDir, outDir } = saved();
    expect(loadBuildCache(cacheDir, outDir, 'code')).toEqual({ state: state() });
  });

  it('is written whole under its own name: no temporary file is left beside it', () => {
    const { cacheDir } = saved();
    expect(readdirSync(cacheDir)).toEqual(['build-cache.json']);
  });

  it.each([
    ['none yet', (cacheDir: string) => dropBuildCache(cacheDir)],
    ['damaged (not JSON)', (cacheDir: string) => writeFileSync(path.join(cacheDir, 'build-cache.json'), '{"format":1,"appVers')],
    ['written by another version (format 0)', (cacheDir: string) => writeFileSync(path.join(cacheDir, 'build-cache.json'), JSON.stringify({ ...state(), format: 0 }))],
    ['damaged (the articles)', (cacheDir: string) => writeFileSync(path.join(cacheDir, 'build-cache.json'), JSON.stringify({ ...state(), articles: [] }))],
  ])('is ignored, and says why, when %s', (reason, spoil) => {
    const { cacheDir, outDir } = saved();
    spoil(cacheDir);
    expect(loadBuildCache(cacheDir, outDir, 'code')).toEqual({ state: null, reason });
  });

  it('is ignored when the code that reads and lays out seeds changed (its records and search index are that code’s)', () => {
    const { cacheDir, outDir } = saved();
    expect(loadBuildCache(cacheDir, outDir, 'other code')).toEqual({ state: null, reason: 'the code that reads and lays out seeds changed' });
  });

  it('is ignored when the output folder was emptied or holds another build', () => {
    const { cacheDir, outDir } = saved();
    writeFileSync(path.join(outDir, 'build.json'), currentBuildJson({ ...state().manifest, dataDir: 'data/fedcba9876/' }));
    expect(loadBuildCache(cacheDir, outDir, 'code')).toEqual({ state: null, reason: 'the output folder holds another build (its build.json differs)' });
    rmSync(path.join(outDir, 'build.json'));
    expect(loadBuildCache(cacheDir, outDir, 'code')).toEqual({ state: null, reason: 'the output folder has no build.json (emptied or never built)' });
  });

  it('is ignored when the output folder lost a folder it describes (deleted by hand)', () => {
    const { cacheDir, outDir } = saved();
    rmSync(path.join(outDir, 'data/articles-abc'), { recursive: true });
    expect(loadBuildCache(cacheDir, outDir, 'code')).toEqual({ state: null, reason: 'the output folder has lost data/articles-abc/' });
  });

  it.each([
    ['a seed record without its headline', { seeds: { aa: { ok: true, excerpt: '' } } }, 'damaged (a seed record)'],
    ['a seed hash with no record', { seedHashes: ['zz'] }, 'damaged (the seed hashes)'],
    ['seed files that do not match the hashes', { seedFiles: [] }, 'damaged (the seed files)'],
    ['an article record without its key', { articles: [{ slug: 'a-story', fileBytes: 1, pageBytes: null }] }, 'damaged (the articles)'],
    ['a search index holding more articles than there are', { search: { file: 'x', digest: 'y', articles: 2 } }, 'damaged (the search index record)'],
    ['no manifest', { manifest: null }, 'damaged (no app version or manifest)'],
    ['a bundle file outside the output folder', { bundleFiles: ['../../home/reader/notes.txt'] }, 'damaged (the bundle files)'],
    ['a data folder outside the output folder', { manifest: { ...state().manifest, dataDir: '../../home/' } }, 'damaged (no app version or manifest)'],
    ['an article slug that is a path', { articles: [{ slug: '../../x', key: 'key', fileBytes: 1, pageBytes: null }] }, 'damaged (an article slug)'],
    ['a list file outside the output folder', { lists: { '../../x.json': { signature: 's', bytes: 1 } } }, 'damaged (the list files)'],
    ['more packs than articles', { manifest: { ...state().manifest, articlePacks: 1_000_000_000 } }, 'damaged (no app version or manifest)'],
    ['a list file without its signature', { lists: { 'list/file/0.json': { bytes: 30 } } }, 'damaged (the list files)'],
  ])('refuses a cache with %s', (_case, change, reason) => {
    expect(checkCacheState({ ...state(), ...change })).toBe(reason);
  });

  it('tells the search thread which of the snapshot’s articles still have their seed, unchanged, and where it is now', () => {
    const previous = { seedFiles: ['a.txt', 'b.txt', 'c.txt', 'd.txt'], seedHashes: ['ha', 'hb', 'hc', 'hd'] };
    // b.txt removed, c.txt edited, a new file before d.txt, and e.txt at the end.
    const current = { seedFiles: ['a.txt', 'c.txt', 'cc.txt', 'd.txt', 'e.txt'], seedHashes: ['ha', 'hc2', 'hcc', 'hd', 'he'] };
    const names = ['a.txt', 'broken.txt', 'c.txt', 'cc.txt', 'd.txt', 'e.txt'];
    expect(snapshotSeedIndexes(previous, 4, current, names)).toEqual([0, -1, -1, 4]);
    expect(snapshotSeedIndexes(previous, 2, current, names)).toEqual([0, -1]);
  });

  it('keeps one cache per output folder', () => {
    expect(buildCacheDir('/cache', 'dist')).not.toBe(buildCacheDir('/cache', 'dist-other'));
    expect(buildCacheDir('/cache', 'dist')).toBe(buildCacheDir('/cache', path.resolve('dist')));
  });

  it('gives the app a new version when its code, server renderer, shell, page options or articles’ folder change', () => {
    const parts = { layoutVersion: 'code', renderer: 'entry-server', shell: '<html>', documentOptions: { relative: true }, prerender: true, articleDir: 'data/articles-abc/' };
    const version = appVersion(parts);
    expect(appVersion({ ...parts })).toBe(version);
    for (const change of [{ layoutVersion: 'code2' }, { renderer: 'entry-server 2' }, { shell: '<html lang>' }, { documentOptions: { relative: false } }, { prerender: false }, { articleDir: 'data/articles-def/' }]) {
      expect(appVersion({ ...parts, ...change })).not.toBe(version);
    }
  });

  it('keys an article’s output by its seed, id, slug, position and neighbours’ links, and nothing else', () => {
    const entry = (slug: string, position: number, headline = slug): ArticleEntry => ({ id: slug, slug, headline, excerpt: 'x', wordCount: 1, readingMinutes: 1, position });
    const key = documentKey('seed', entry('b', 1), entry('a', 0), entry('c', 2));
    expect(documentKey('seed', entry('b', 1), { ...entry('a', 0), excerpt: 'other', wordCount: 9 }, entry('c', 2))).toBe(key);
    expect(documentKey('seed2', entry('b', 1), entry('a', 0), entry('c', 2))).not.toBe(key);
    expect(documentKey('seed', entry('b', 2), entry('a', 0), entry('c', 2))).not.toBe(key);
    expect(documentKey('seed', entry('b', 1), entry('a', 0, 'A new headline'), entry('c', 2))).not.toBe(key);
    expect(documentKey('seed', entry('b', 1), entry('a', 0), undefined)).not.toBe(key);
  });
});
