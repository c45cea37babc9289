import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SeedRecord } from '../domain/articles/build-corpus.ts';
import { currentBuildJson, CURRENT_BUILD_PATH, isCorpusManifest, type ArticleEntry, type CorpusManifest } from '../domain/articles/corpus-layout.ts';

/**
 * What one build of a seeds folder into an output folder leaves for the next, so that adding a
 * day's articles to a hundred thousand rewrites the files those articles touch, not every file.
 *
 * Kept beside the build (under Vite's cache folder), one file per output folder. Trusted only when
 * every check passes: its format, the output folder still holding the build.json it wrote (a
 * deleted or rebuilt-by-other-means folder is not its own), and — once the app is built — the same
 * app version (the code, the built shell and the build's options). Anything else is said in one
 * line and the build is a full one. The file is removed before the output folder is touched and
 * written whole (to a temporary name, then renamed) once the build has finished, so a build that
 * fails half-way leaves no cache that describes a folder it no longer matches.
 */
export const BUILD_CACHE_FORMAT = 1;

/** What the cache knows of one article's output. */
export interface CachedArticle {
  /** Its slug: the address of its page and file. */
  slug: string;
  /** A hash of every input of its data file (see `documentKey`). */
  key: string;
  /** Bytes of its data file (0 when packed: the pack's are counted) and of its page (null: no page). */
  fileBytes: number;
  pageBytes: number | null;
}

/** What the cache knows of one pack of articles (a build for a host with a file cap). */
export interface CachedPack {
  key: string;
  bytes: number;
}

/** What the cache knows of one of the collection's list files: a signature of the entries it shows, and its bytes. */
export interface CachedListFile {
  signature: string;
  bytes: number;
}

export interface CachedSearchIndex {
  /** The search index writer's state after the build's articles, saved by its thread. */
  file: string;
  digest: string;
  /** How many articles it holds: the first this many of `articles`. */
  articles: number;
}

export interface BuildCacheState {
  format: typeof BUILD_CACHE_FORMAT;
  /** The code that reads seeds and lays them out (`codeFingerprint`): the seed records and the search index snapshot are its. */
  codeVersion: string;
  /** Everything besides the seeds that decides the output (see `appVersion`). */
  appVersion: string;
  /** The files Vite wrote (the app's assets, index.html, build.json, the feed…), so the next build removes those it no longer has. */
  bundleFiles: string[];
  /** The manifest of the build, as its build.json holds it. */
  manifest: CorpusManifest;
  /** Seeds by the sha256 of their bytes: what parsing them gave. */
  seeds: Record<string, SeedRecord>;
  /** Each article's seed file and the sha256 of its bytes, by position. */
  seedFiles: string[];
  seedHashes: string[];
  /** Each article's output, by position. */
  articles: CachedArticle[];
  /** Each pack's output, by pack number, when articles are packed. */
  packs: (CachedPack | null)[];
  /** The collection's list files, by path under the data folder. */
  lists: Record<string, CachedListFile>;
  search: CachedSearchIndex | null;
}

const CACHE_FILE = 'build-cache.json';

/** The cache a finished build leaves: the versions it was made by, what it read, and what it wrote. */
export function finishedBuildCache(build: {
  codeVersion: string;
  appVersion: string;
  bundleFiles: string[];
  manifest: CorpusManifest;
  scanned: { records: ReadonlyMap<string, SeedRecord>; seedFiles: string[]; seedHashes: string[] };
  output: Pick<BuildCacheState, 'articles' | 'packs' | 'lists'>;
  /** The search index snapshot saved for this build's articles, if it was. */
  searchSnapshot: { file: string; digest: string } | undefined;
}): BuildCacheState {
  const { scanned, output, searchSnapshot } = build;
  return {
    format: BUILD_CACHE_FORMAT,
    codeVersion: build.codeVersion,
    appVersion: build.appVersion,
    bundleFiles: build.bundleFiles,
    manifest: build.manifest,
    seeds: Object.fromEntries(scanned.records),
    seedFiles: scanned.seedFiles,
    seedHashes: scanned.seedHashes,
    articles: output.articles,
    packs: output.packs,
    lists: output.lists,
    search: searchSnapshot ? { file: searchSnapshot.file, digest: searchSnapshot.digest, articles: scanned.seedHashes.length } : null,
  };
}

/** The cache folder of one output folder (a project building two folders keeps two caches). */
export function buildCacheDir(viteCacheDir: string, outDir: string): string {
  return path.join(viteCacheDir, 'broadsheet-build', createHash('sha256').update(path.resolve(outDir)).digest('hex').slice(0, 12));
}

/**
 * The version of everything besides the seeds that decides the output: the layout code (which
 * names the articles' folder), the built app shell (which names every asset a page links), the
 * page options and whether pages are prerendered. A different version rebuilds every page.
 */
export function appVersion(parts: { layoutVersion: string; renderer: string; shell: string; documentOptions: unknown; prerender: boolean; articleDir: string }): string {
  const hash = createHash('sha256').update(String(BUILD_CACHE_FORMAT));
  for (const part of [parts.layoutVersion, parts.renderer, parts.shell, JSON.stringify(parts.documentOptions), String(parts.prerender), parts.articleDir]) hash.update('\0').update(part);
  return hash.digest('hex');
}

/**
 * A hash of everything an article's data file (and so its page) is made of: its seed, its id,
 * slug and position, and the links to its neighbours in file order. The page also shows the app,
 * which the app version stands for.
 */
export function documentKey(seedHash: string, entry: ArticleEntry, previous: ArticleEntry | undefined, next: ArticleEntry | undefined): string {
  const link = (other: ArticleEntry | undefined) => (other ? [other.slug, other.headline] : null);
  return createHash('sha256')
    .update(JSON.stringify([seedHash, entry.id, entry.slug, entry.position, link(previous), link(next)]))
    .digest('hex');
}

/** A hash of a pack's members' keys, in position order. */
export function packKey(memberKeys: readonly string[]): string {
  const hash = createHash('sha256');
  for (const key of memberKeys) hash.update(key).update('\0');
  return hash.digest('hex');
}

export type LoadedCache = { state: BuildCacheState } | { state: null; reason: string };

/** A relative path that stays in the output folder: the cache names files to delete, so it must not name others. */
const isInside = (file: string): boolean => file !== '' && !path.isAbsolute(file) && !file.split(/[\\/]/).includes('..');

/** What `slugify` makes: letters, marks, digits and hyphens (so never a path of its own). */
const SLUG = /^[\p{L}\p{M}\p{N}-]+$/u;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function isCachedArticle(value: unknown): value is CachedArticle {
  return (
    isObject(value) &&
    typeof value.slug === 'string' &&
    typeof value.key === 'string' &&
    typeof value.fileBytes === 'number' &&
    (value.pageBytes === null || typeof value.pageBytes === 'number')
  );
}

function isSeedRecord(value: unknown): value is SeedRecord {
  if (!isObject(value)) return false;
  if (value.ok === false) return typeof value.reason === 'string';
  return (
    value.ok === true &&
    typeof value.headline === 'string' &&
    typeof value.excerpt === 'string' &&
    typeof value.wordCount === 'number' &&
    typeof value.readingMinutes === 'number' &&
    (value.lang === undefined || typeof value.lang === 'string') &&
    typeof value.textKey === 'string' &&
    Array.isArray(value.warnings) &&
    value.warnings.every((warning) => typeof warning === 'string')
  );
}

/** Every part the build reads, checked: a cache written by other code, or damaged, is refused whole. */
export function checkCacheState(value: unknown): BuildCacheState | string {
  if (!isObject(value)) return 'not a build cache';
  if (value.format !== BUILD_CACHE_FORMAT) return `written by another version (format ${String(value.format)})`;
  const { manifest, seeds, seedFiles, seedHashes, articles, packs, lists, search } = value;
  // Its folders and names are deleted and renamed under the output folder: none may lead out of it.
  if (typeof value.codeVersion !== 'string' || typeof value.appVersion !== 'string' || !isCorpusManifest(manifest) || (manifest.articlePacks ?? 0) > manifest.total + 1) {
    return 'damaged (no app version or manifest)';
  }
  if (!Array.isArray(value.bundleFiles) || !value.bundleFiles.every((file) => typeof file === 'string' && isInside(file))) return 'damaged (the bundle files)';
  if (!isObject(seeds) || !Object.values(seeds).every(isSeedRecord)) return 'damaged (a seed record)';
  if (!Array.isArray(seedHashes) || !seedHashes.every((hash) => typeof hash === 'string' && Object.hasOwn(seeds, hash))) return 'damaged (the seed hashes)';
  if (!Array.isArray(seedFiles) || seedFiles.length !== seedHashes.length || !seedFiles.every((file) => typeof file === 'string')) return 'damaged (the seed files)';
  if (!Array.isArray(articles) || articles.length !== manifest.total || articles.length !== seedHashes.length || !articles.every(isCachedArticle)) return 'damaged (the articles)';
  if (!articles.every((article) => SLUG.test(article.slug))) return 'damaged (an article slug)';
  if (!Array.isArray(packs) || !packs.every((pack) => pack === null || (isObject(pack) && typeof pack.key === 'string' && typeof pack.bytes === 'number'))) return 'damaged (the packs)';
  if (!isObject(lists) || !Object.entries(lists).every(([file, record]) => isInside(file) && isObject(record) && typeof record.signature === 'string' && typeof record.bytes === 'number')) {
    return 'damaged (the list files)';
  }
  if (search !== null && !(isObject(search) && typeof search.file === 'string' && typeof search.digest === 'string' && typeof search.articles === 'number' && search.articles <= articles.length)) {
    return 'damaged (the search index record)';
  }
  return value as unknown as BuildCacheState;
}

/**
 * For each article of the last build's search index snapshot, in position order, the index in
 * `names` (this build's seeds, in file order) of its seed if that seed is still there unchanged, or
 * -1 (removed, edited, or no longer an article): the search thread keeps those articles' postings
 * and reads only the other seeds.
 */
export function snapshotSeedIndexes(previous: Pick<BuildCacheState, 'seedFiles' | 'seedHashes'>, articles: number, current: { seedFiles: readonly string[]; seedHashes: readonly string[] }, names: readonly string[]): number[] {
  const hashNow = new Map(current.seedFiles.map((file, position) => [file, current.seedHashes[position]]));
  const indexOf = new Map(names.map((name, index) => [name, index]));
  return previous.seedFiles.slice(0, articles).map((file, position) => (hashNow.get(file) === previous.seedHashes[position] ? (indexOf.get(file) ?? -1) : -1));
}

/**
 * The cache of the last build into `outDir`, if it can be trusted so far (the app version is
 * checked later, once the app is built), or why not. `codeVersion`: the code that reads seeds,
 * whose records and search index the cache holds.
 */
export function loadBuildCache(cacheDir: string, outDir: string, codeVersion: string): LoadedCache {
  let text: string;
  try {
    text = readFileSync(path.join(cacheDir, CACHE_FILE), 'utf8');
  } catch {
    return { state: null, reason: 'none yet' };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { state: null, reason: 'damaged (not JSON)' };
  }
  const checked = checkCacheState(value);
  if (typeof checked === 'string') return { state: null, reason: checked };
  if (checked.codeVersion !== codeVersion) return { state: null, reason: 'the code that reads and lays out seeds changed' };
  let built: string;
  try {
    built = readFileSync(path.join(outDir, CURRENT_BUILD_PATH), 'utf8');
  } catch {
    return { state: null, reason: `the output folder has no ${CURRENT_BUILD_PATH} (emptied or never built)` };
  }
  if (built !== currentBuildJson(checked.manifest)) return { state: null, reason: `the output folder holds another build (its ${CURRENT_BUILD_PATH} differs)` };
  for (const folder of [checked.manifest.dataDir, checked.manifest.articleDir]) {
    if (!existsSync(path.join(outDir, folder))) return { state: null, reason: `the output folder has lost ${folder}` };
  }
  return { state: checked };
}

/** Forgets the cache: the output folder is about to change. */
export function dropBuildCache(cacheDir: string): void {
  rmSync(path.join(cacheDir, CACHE_FILE), { force: true });
}

/** Writes the cache whole, under a temporary name first, so it is never read half-written. */
export function saveBuildCache(cacheDir: string, state: BuildCacheState): void {
  mkdirSync(cacheDir, { recursive: true });
  const temporary = path.join(cacheDir, `${CACHE_FILE}.${process.pid}.tmp`);
  writeFileSync(temporary, JSON.stringify(state));
  renameSync(temporary, path.join(cacheDir, CACHE_FILE));
}

/** The cache folder's file for the search index writer's snapshot. */
export function searchSnapshotFile(cacheDir: string): string {
  return path.join(cacheDir, 'search-index.bin');
}
