import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateSeeds } from '../../tests/tools/make-corpus.ts';
import { buildCacheDir } from './build-cache.ts';
import { folderTree } from '../../tests/fixtures/temporary-folders.ts';

/**
 * The build cache through the real build: Vite, the plugin, the search index thread and its
 * snapshot. A collection is built, then built again with another option (the app changes), then
 * changed (seeds added at the end, one corrected, one given a new headline, a broken file added,
 * then one removed) and built again from the cache each time; each result must be what a build
 * without the cache makes of the same seeds, file for file.
 */
const root = path.resolve(import.meta.dirname, '../..');
const work = mkdtempSync(path.join(tmpdir(), 'broadsheet-vite-incremental-'));
const outDirs: string[] = [];
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  for (const outDir of outDirs) rmSync(buildCacheDir(path.join(root, 'node_modules/.vite'), outDir), { recursive: true, force: true });
});

function viteBuild(seedsDir: string, outDir: string, env: Record<string, string> = {}): string {
  outDirs.push(outDir);
  const run = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--outDir', outDir, '--emptyOutDir'], {
    cwd: root,
    env: { ...process.env, SEEDS_DIR: seedsDir, ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`vite build failed:\n${run.stderr}`);
  return `${run.stdout}${run.stderr}`;
}

/** Every file under a folder with its text; the feed and the service worker carry the build's time and are compared apart. */
const tree = (dir: string) => folderTree(dir, (file) => file === 'feed.xml' || file === 'sw.js');

/** The service worker's precache list, without the feed's revision (it carries the build's time). */
const precacheList = (dir: string) =>
  [...readFileSync(path.join(dir, 'sw.js'), 'utf8').matchAll(/\{url:"([^"]+)",revision:("[^"]*"|null)\}/g)]
    .map(([, url, revision]) => (url === 'feed.xml' ? url : `${url} ${revision}`))
    .sort();

/** A build from the cache, then a build without it into a folder of its own: the two must be the same site. */
function expectSameAsFresh(seeds: string, cached: string, name: string, env: Record<string, string> = {}): string {
  const log = viteBuild(seeds, cached, env);
  const fresh = path.join(work, `dist-fresh-${name}`);
  viteBuild(seeds, fresh, { ...env, BUILD_CACHE: '0' });
  expect(tree(cached)).toEqual(tree(fresh));
  expect(precacheList(cached)).toEqual(precacheList(fresh));
  return log;
}

describe('a rebuild from the build cache, through Vite', () => {
  it('writes only what changed and gives the same site as a build without the cache', { timeout: 300_000 }, () => {
    const seeds = path.join(work, 'seeds');
    mkdirSync(seeds);
    const generated = generateSeeds(14, 11);
    const names = generated.map((seed) => seed.name);
    for (const { name, text } of generated.slice(0, 12)) writeFileSync(path.join(seeds, name), text);
    const cached = path.join(work, 'dist-cached');
    expect(viteBuild(seeds, cached, { SITE_URL: 'https://example.org/news/' })).toMatch(/build cache not used: .*; a full build/);
    expect(readdirSync(cached)).toContain('sitemap.xml');

    // The app built otherwise (no site URL): every page is written again, and the sitemap goes.
    expect(expectSameAsFresh(seeds, cached, 'app-changed')).toContain('the app, or how it is built, changed; every page is written again');
    expect(readdirSync(cached)).not.toContain('sitemap.xml');

    // A day's news at the end, a corrected text, a new headline (its neighbours link to it), a broken file.
    for (const { name, text } of generated.slice(12)) writeFileSync(path.join(seeds, `zz-${name}`), text);
    const textOf = (index: number) => generated[index]?.text ?? '';
    writeFileSync(path.join(seeds, names[3] ?? ''), `${textOf(3).split('\n')[0] ?? ''}\nA corrected text.\n`);
    writeFileSync(path.join(seeds, names[7] ?? ''), `A new headline\n${textOf(7).split('\n').slice(1).join('\n')}`);
    writeFileSync(path.join(seeds, 'broken.txt'), '');
    const log = expectSameAsFresh(seeds, cached, 'changed');
    expect(log).toMatch(/\b(6|7) articles written, \d+ unchanged and kept as they were/);
    expect(log).toMatch(/the search index went on from the last build's/);
    expect(log).toContain('broken.txt: empty file');

    // A removed seed: the articles after it move up a place.
    rmSync(path.join(seeds, names[5] ?? ''));
    expect(expectSameAsFresh(seeds, cached, 'removed')).toMatch(/articles written, \d+ unchanged and kept as they were/);

    // A build without the cache into the same folder leaves no cache to be trusted by the next.
    const cacheFile = path.join(buildCacheDir(path.join(root, 'node_modules/.vite'), cached), 'build-cache.json');
    expect(existsSync(cacheFile)).toBe(true);
    viteBuild(seeds, cached, { BUILD_CACHE: '0' });
    expect(existsSync(cacheFile)).toBe(false);
  });
});
