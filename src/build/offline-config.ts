import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { pageFile, paths } from '../config/paths.ts';

/**
 * Up to this many bytes of seed text, every article page and data file (list pages, article texts,
 * the search index) is precached by the service worker, so the whole collection reads and searches
 * offline after one visit. Above it, only the app, the list and the Highlights page are precached,
 * and each article, list page and the search index are cached as they are first used.
 */
export const PRECACHE_ALL_ARTICLES_UP_TO_BYTES = 2 * 1024 * 1024;

/** The bytes of the seed files the build reads (regular .txt files; a broken link counts nothing). */
export function seedsTotalBytes(seedsDir: string): number {
  let names: string[];
  try {
    names = readdirSync(seedsDir);
  } catch {
    return 0;
  }
  let total = 0;
  for (const name of names.filter((n) => /\.txt$/i.test(n))) {
    try {
      const stats = statSync(path.join(seedsDir, name));
      if (stats.isFile()) total += stats.size;
    } catch {
      // Unreadable: the build reports it; it adds nothing to precache.
    }
  }
  return total;
}

/** The files the service worker precaches, as globs over dist/. */
export function precacheGlobs(seedsBytes: number): string[] {
  const shell = ['assets/**/*.{js,css}', pageFile(paths.library.sitePath()), pageFile(paths.highlights.sitePath()), paths.notFound.fileName, 'apply-settings.js', 'favicon.svg', 'icons/*.png', 'feed.xml'];
  return seedsBytes <= PRECACHE_ALL_ARTICLES_UP_TO_BYTES ? [...shell, pageFile(paths.article.sitePath('**')), 'data/**/*.json'] : shell;
}

/**
 * The files the service worker fetches network-first, falling back to its copy offline: build.json
 * and the articles' files, whose addresses stay the same from one deploy to the next while their
 * content changes (see corpus-layout.ts). Cached first, they would be stale for ever; the data
 * folder, named by its content, is cached first instead. A RegExp, as Workbox writes it into the
 * worker (a function could not reach this module there); it matches only the site's own URLs.
 */
export const REVALIDATED_DATA = /\/build\.json$|\/data\/articles-[0-9a-f]+\/.+\.json$/;
