import type { Article, ArticleSummary } from './article.ts';
import { shortHash } from './short-hash.ts';
import { sortArticles, type SortOrder } from './sort-articles.ts';

/**
 * How the build lays the collection out as static files, so the first view never grows with it:
 * the app loads a small manifest (build.json) and the list page carries the list's first rows;
 * everything else is fetched.
 *
 *   <dataDir>list/<sort>/<page>.json   a page of list entries, in that sort order
 *   <articleDir>article/<slug>.json     one article, with its neighbours in file order
 *   <articleDir>article-pack/<n>.json   instead, with `articlePacks` (a host with a file cap): the
 *                                       articles whose slug hashes to n, a few to a file
 *   <dataDir>id/<shard>.json            list entries grouped by a hash of their id (highlights know ids)
 *   <dataDir>entry/<n>.json              a few list entries in file order: the rows of search results
 *   <dataDir>order/<sort>.json          every position in that sort order (filters and sorted search results)
 *   <dataDir>search/…                   the full-text index, split by term (see search-index-format.ts)
 *
 * `dataDir` carries a hash of the content, so every file in it can be cached for ever. The
 * articles' files are apart, in `articleDir`, named by the app's version only: a build that adds a
 * day's articles rewrites the files of the articles that changed, not a hundred thousand others
 * (and the pages that preload them keep their addresses), so those files are revalidated, not
 * cached for ever.
 */

/** What the list shows for one article, with its place in file order. */
export interface ArticleEntry extends ArticleSummary {
  /** 0-based position in file order. */
  position: number;
}

export interface ArticleLink {
  slug: string;
  headline: string;
}

/** One article's file: the text, and what the page links to. */
export interface ArticleDocument {
  article: Article;
  position: number;
  previous: ArticleLink | null;
  next: ArticleLink | null;
}

export interface CorpusManifest {
  total: number;
  pageSize: number;
  /** How many id shards there are. */
  shards: number;
  /** Relative to the app's base URL, ending in "/". */
  dataDir: string;
  /** The articles' files (see above): relative to the app's base URL, ending in "/". */
  articleDir: string;
  /** Articles are packed a few to a file, into this many files by a hash of the slug (absent: one file each). */
  articlePacks?: number;
}

/**
 * A file at a fixed address (not under a hashed folder) holding the manifest of the build the site
 * serves now. The app loads it at start-up rather than carrying it, so the app's own files (and
 * every page that loads them) do not change when a seed does. A page opened before a new deploy asks
 * for it again when one of its data files is gone, to tell "this article does not exist" from "this
 * page is an old version".
 */
export const CURRENT_BUILD_PATH = 'build.json';

export function currentBuildJson(manifest: CorpusManifest): string {
  return JSON.stringify(manifest);
}

const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;
/** A folder under the app's base: relative, ending in "/", never climbing out of it. */
const isDataFolder = (value: unknown): value is string => typeof value === 'string' && /^[\w-]+(\/[\w-]+)*\/$/.test(value);

/** Whether a build.json as fetched (untrusted: a host may answer anything) is a manifest the app can use. */
export function isCorpusManifest(value: unknown): value is CorpusManifest {
  if (typeof value !== 'object' || value === null) return false;
  const manifest = value as Record<keyof CorpusManifest, unknown>;
  return (
    isCount(manifest.total) &&
    isCount(manifest.pageSize) &&
    manifest.pageSize > 0 &&
    isCount(manifest.shards) &&
    manifest.shards > 0 &&
    isDataFolder(manifest.dataDir) &&
    isDataFolder(manifest.articleDir) &&
    (manifest.articlePacks === undefined || (isCount(manifest.articlePacks) && manifest.articlePacks > 0))
  );
}

/** The id of the data block in which the list page carries its first rows (ArticleEntry[]). */
export const PAGE_DATA_ID = 'page-data';

export const LIST_SORT_ORDERS: readonly SortOrder[] = ['file', 'headline', 'reading-time'];
/**
 * Rows a list page holds. The first page comes with the app and is prerendered into `/`: enough
 * to fill a tall screen, and small enough that `/` weighs about the same at 10,000 articles as at 1.
 */
export const LIST_PAGE_SIZE = 25;
const ENTRIES_PER_SHARD = 40;
/**
 * Entries per file for the rows of search results and filtered lists, which are scattered over the
 * collection: one small file per row shown (as Pagefind fetches one fragment per result shown),
 * rather than a list page of 25 for each.
 */
export const ENTRY_PAGE_SIZE = 5;
const MAX_SHARDS = 1024;

export function listPagePath(manifest: CorpusManifest, sort: SortOrder, page: number): string {
  return `${manifest.dataDir}list/${sort}/${page}.json`;
}

/**
 * Articles a pack holds on average. A reader opening an article fetches its pack: about this many
 * articles' text (measured at 10,000 generated articles: about 4× the gzip bytes of one article),
 * for a fifth of the files. Only builds for hosts with a file cap pack.
 */
export const ARTICLES_PER_PACK = 5;

/**
 * How many packs a collection is cut into: about one per ARTICLES_PER_PACK articles, rounded up
 * to a step of a sixteenth of the count's power of two, so that adding a day's articles leaves the
 * count, and so every article's pack, as it was (a new count moves nearly every article to another
 * pack): at 100,000 articles, 20,480 packs, which change once 5,120 articles more have come.
 */
export function articlePackCount(total: number): number {
  const needed = Math.max(1, Math.ceil(total / ARTICLES_PER_PACK));
  const step = 2 ** Math.max(0, Math.floor(Math.log2(needed)) - 4);
  return Math.ceil(needed / step) * step;
}

/** The pack an article's document is in: from its slug alone, which is all an article's address tells. */
export function articlePackOf(slug: string, packs: number): number {
  return shardOf(slug, packs);
}

/** The file holding an article's document: its own, or its pack. */
export function articlePath(manifest: CorpusManifest, slug: string): string {
  if (manifest.articlePacks) return `${manifest.articleDir}article-pack/${articlePackOf(slug, manifest.articlePacks)}.json`;
  return `${manifest.articleDir}article/${encodeURIComponent(slug)}.json`;
}

export function entryPagePath(manifest: CorpusManifest, page: number): string {
  return `${manifest.dataDir}entry/${page}.json`;
}

export function shardPath(manifest: CorpusManifest, shard: number): string {
  return `${manifest.dataDir}id/${shard}.json`;
}

/** The search index's directory file; its shards sit beside it. */
export function searchIndexPath(manifest: CorpusManifest): string {
  return `${manifest.dataDir}search/index.json`;
}

/** Every position, in `sort` order: a list filtered by reading status, or search hits, sorted without the whole list. */
export function orderPath(manifest: CorpusManifest, sort: SortOrder): string {
  return `${manifest.dataDir}order/${sort}.json`;
}

export function shardCount(total: number): number {
  return Math.min(MAX_SHARDS, Math.max(1, Math.ceil(total / ENTRIES_PER_SHARD)));
}

export function shardOf(id: string, shards: number): number {
  return Number.parseInt(shortHash(id), 16) % shards;
}

export function toEntry(article: Article, position: number): ArticleEntry {
  const { paragraphs: _paragraphs, ...summary } = article;
  return { ...summary, position };
}

const linkTo = (other: ArticleSummary | undefined): ArticleLink | null => (other ? { slug: other.slug, headline: other.headline } : null);

/** One article's file, from the summaries of its neighbours in file order (all the page links to). */
export function articleDocument(article: Article, position: number, previous: ArticleSummary | undefined, next: ArticleSummary | undefined): ArticleDocument {
  return { article, position, previous: linkTo(previous), next: linkTo(next) };
}

/** Each article with links to its neighbours in file order. */
export function articleDocuments(articles: readonly Article[]): ArticleDocument[] {
  return articles.map((article, position) => articleDocument(article, position, articles[position - 1], articles[position + 1]));
}

/** A pack of articles' documents (see `articlePacks`). */
export function articlePackFile(pack: number, documents: readonly ArticleDocument[]): CorpusFile {
  return { path: `article-pack/${pack}.json`, json: JSON.stringify(documents) };
}

export function articleFile(document: ArticleDocument): CorpusFile {
  return { path: `article/${document.article.slug}.json`, json: JSON.stringify(document) };
}

/** A file's path under `dataDir` and its JSON text. */
export interface CorpusFile {
  path: string;
  json: string;
}

/** A data file of the collection's lists, before its JSON is made: the entries it shows, in order. */
export interface ListFilePart {
  path: string;
  members: readonly ArticleEntry[];
  json: () => string;
}

/**
 * The data files that need the whole collection but none of its text: list pages in each sort
 * order, the sort orders, entry pages and id shards. Made one at a time, each file's JSON only when
 * asked for, so a caller can write each and let it go, or keep a file whose entries did not change.
 */
export function* listFileParts(entries: readonly ArticleEntry[]): Generator<ListFilePart> {
  const slice = (path: string, members: readonly ArticleEntry[]): ListFilePart => ({ path, members, json: () => JSON.stringify(members) });
  for (const sort of LIST_SORT_ORDERS) {
    const sorted = sort === 'file' ? entries : sortArticles(entries, sort);
    if (sort !== 'file') yield { path: `order/${sort}.json`, members: sorted, json: () => JSON.stringify(sorted.map((entry) => entry.position)) };
    for (let page = 0; page * LIST_PAGE_SIZE < sorted.length; page += 1) {
      yield slice(`list/${sort}/${page}.json`, sorted.slice(page * LIST_PAGE_SIZE, (page + 1) * LIST_PAGE_SIZE));
    }
  }
  for (let page = 0; page * ENTRY_PAGE_SIZE < entries.length; page += 1) {
    yield slice(`entry/${page}.json`, entries.slice(page * ENTRY_PAGE_SIZE, (page + 1) * ENTRY_PAGE_SIZE));
  }
  const shards = shardCount(entries.length);
  const byShard: ArticleEntry[][] = Array.from({ length: shards }, () => []);
  for (const entry of entries) byShard[shardOf(entry.id, shards)]?.push(entry);
  for (const [index, shard] of byShard.entries()) yield slice(`id/${index}.json`, shard);
}

/** `listFileParts`, each with its JSON. */
export function* listFiles(entries: readonly ArticleEntry[]): Generator<CorpusFile> {
  for (const part of listFileParts(entries)) yield { path: part.path, json: part.json() };
}

/**
 * Every data file of a collection (paths relative to `dataDir`) and the first page of the list in
 * file order, which the list page carries so it paints without a fetch.
 */
export function layoutCorpus(articles: readonly Article[]): { files: CorpusFile[]; firstPage: ArticleEntry[]; shards: number } {
  const entries = articles.map(toEntry);
  const files = [...listFiles(entries)];
  for (const document of articleDocuments(articles)) files.push(articleFile(document));
  return { files, firstPage: entries.slice(0, LIST_PAGE_SIZE), shards: shardCount(entries.length) };
}
