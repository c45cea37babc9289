import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { articlePath, CURRENT_BUILD_PATH, LIST_PAGE_SIZE, listPagePath, searchIndexPath, type CorpusManifest } from '../domain/articles/corpus-layout.ts';
import { articleDirName, dataDirName } from './build-fingerprint.ts';
import { PRECACHE_ALL_ARTICLES_UP_TO_BYTES, precacheGlobs, REVALIDATED_DATA, seedsTotalBytes } from './offline-config.ts';

const ARTICLE_PAGES = 'article/**/index.html';
/** List pages, article texts, id shards and the search index. */
const DATA_FILES = 'data/**/*.json';
const SHELL_GLOBS = ['assets/**/*.{js,css}', 'index.html', 'highlights/index.html', '404.html', 'apply-settings.js', 'favicon.svg', 'icons/*.png', 'feed.xml'];

const temporaryDirs: string[] = [];
function temporaryDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'broadsheet-offline-'));
  temporaryDirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of temporaryDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('seedsTotalBytes', () => {
  it('adds up the sizes of the .txt files in the folder, in bytes', () => {
    const dir = temporaryDir();
    writeFileSync(path.join(dir, 'one.txt'), 'a'.repeat(100));
    writeFileSync(path.join(dir, 'two.txt'), 'ü'.repeat(10)); // 20 bytes in UTF-8
    writeFileSync(path.join(dir, 'THREE.TXT'), 'b'.repeat(5));
    expect(seedsTotalBytes(dir)).toBe(125);
  });

  it('counts no other files', () => {
    const dir = temporaryDir();
    writeFileSync(path.join(dir, 'story.txt'), 'x'.repeat(42));
    writeFileSync(path.join(dir, 'notes.md'), 'x'.repeat(1000));
    writeFileSync(path.join(dir, 'story.txt.bak'), 'x'.repeat(1000));
    writeFileSync(path.join(dir, 'README'), 'x'.repeat(1000));
    writeFileSync(path.join(dir, 'txt'), 'x'.repeat(1000));
    expect(seedsTotalBytes(dir)).toBe(42);
  });

  it('does not count files in sub-folders, which the build does not read', () => {
    const dir = temporaryDir();
    writeFileSync(path.join(dir, 'top.txt'), 'x'.repeat(7));
    mkdirSync(path.join(dir, 'archive'));
    writeFileSync(path.join(dir, 'archive', 'old.txt'), 'x'.repeat(1000));
    expect(seedsTotalBytes(dir)).toBe(7);
  });

  it('is 0 for an empty folder', () => {
    expect(seedsTotalBytes(temporaryDir())).toBe(0);
  });

  it('is 0 for a folder that does not exist', () => {
    expect(seedsTotalBytes(path.join(temporaryDir(), 'no-such-folder'))).toBe(0);
  });

  it('still counts the other seeds when one entry cannot be read (a dangling link)', () => {
    // Counting 0 here would precache every article page of a collection over the limit.
    const dir = temporaryDir();
    writeFileSync(path.join(dir, 'big.txt'), 'x'.repeat(PRECACHE_ALL_ARTICLES_UP_TO_BYTES + 1));
    symlinkSync(path.join(dir, 'gone.txt'), path.join(dir, 'broken.txt'));
    expect(seedsTotalBytes(dir)).toBe(PRECACHE_ALL_ARTICLES_UP_TO_BYTES + 1);
  });
});

describe('precacheGlobs', () => {
  it('precaches every article page and data file for no seeds and for seeds up to the limit', () => {
    for (const bytes of [0, 1024, PRECACHE_ALL_ARTICLES_UP_TO_BYTES]) {
      expect(precacheGlobs(bytes)).toContain(ARTICLE_PAGES);
      expect(precacheGlobs(bytes)).toContain(DATA_FILES);
    }
  });

  it('does not precache article pages or data files above the limit', () => {
    for (const bytes of [PRECACHE_ALL_ARTICLES_UP_TO_BYTES + 1, 50 * 1024 * 1024]) {
      expect(precacheGlobs(bytes)).not.toContain(ARTICLE_PAGES);
      expect(precacheGlobs(bytes)).not.toContain(DATA_FILES);
    }
  });

  it('sets the limit at 2 MiB of seed text', () => {
    expect(PRECACHE_ALL_ARTICLES_UP_TO_BYTES).toBe(2 * 1024 * 1024);
  });

  it('always precaches the app, the list, the highlights page, 404.html, the icons and the feed', () => {
    for (const bytes of [0, PRECACHE_ALL_ARTICLES_UP_TO_BYTES, PRECACHE_ALL_ARTICLES_UP_TO_BYTES + 1]) {
      expect(precacheGlobs(bytes).filter((glob) => glob !== ARTICLE_PAGES && glob !== DATA_FILES), String(bytes)).toEqual(SHELL_GLOBS);
    }
  });

  it('includes the article pages and data files exactly when the seeds are at most the limit, for any size', () => {
    fc.assert(
      fc.property(fc.nat({ max: 4 * PRECACHE_ALL_ARTICLES_UP_TO_BYTES }), (bytes) => {
        const globs = precacheGlobs(bytes);
        expect(globs.includes(ARTICLE_PAGES)).toBe(bytes <= PRECACHE_ALL_ARTICLES_UP_TO_BYTES);
        expect(globs.includes(DATA_FILES)).toBe(bytes <= PRECACHE_ALL_ARTICLES_UP_TO_BYTES);
        expect(new Set(globs).size).toBe(globs.length);
      }),
    );
  });
});

describe('REVALIDATED_DATA', () => {
  const base = 'https://example.org/reader/';
  const manifest: CorpusManifest = { total: 3, pageSize: LIST_PAGE_SIZE, shards: 1, dataDir: dataDirName('seeds', 'code'), articleDir: articleDirName('code') };
  const url = (file: string) => new URL(file, base).href;

  it('takes build.json and every article file, one each or packed, whatever the slug', () => {
    expect(REVALIDATED_DATA.test(url(CURRENT_BUILD_PATH))).toBe(true);
    for (const slug of ['a-story', 'zürich-東京', '100% sure']) expect(REVALIDATED_DATA.test(url(articlePath(manifest, slug))), slug).toBe(true);
    expect(REVALIDATED_DATA.test(url(articlePath({ ...manifest, articlePacks: 7 }, 'a-story')))).toBe(true);
  });

  it('leaves the content-named data folder (cached for ever), pages and the app’s files to their own rules', () => {
    for (const file of [listPagePath(manifest, 'file', 0), searchIndexPath(manifest), 'article/a-story/', 'index.html', 'assets/index-abc123.js', 'manifest.webmanifest', 'build.json.js']) {
      expect(REVALIDATED_DATA.test(url(file)), file).toBe(false);
    }
  });
});
