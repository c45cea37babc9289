import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeArticle } from '../../../tests/fixtures/articles.ts';
import type { Article } from './article.ts';
import {
  articleDocuments,
  articlePackCount,
  articlePath,
  currentBuildJson,
  isCorpusManifest,
  layoutCorpus,
  LIST_PAGE_SIZE,
  LIST_SORT_ORDERS,
  listPagePath,
  orderPath,
  searchIndexPath,
  shardCount,
  shardOf,
  shardPath,
  toEntry,
  type ArticleDocument,
  type ArticleEntry,
  type CorpusManifest,
} from './corpus-layout.ts';
import { sortArticles, type SortOrder } from './sort-articles.ts';

/** `count` articles with varied headlines and lengths, so each sort order differs from file order. */
function articlesOf(count: number): Article[] {
  return Array.from({ length: count }, (_, index) => {
    const n = String(index).padStart(4, '0');
    // Headlines cycle through the alphabet backwards; reading times cycle through 1..7 minutes.
    const letter = String.fromCharCode(122 - (index % 26));
    return makeArticle(`id-${n}`, `${letter} story ${n}`, [`Text of story ${n}.`], { slug: `story-${n}`, readingMinutes: 1 + ((index * 3) % 7) });
  });
}

const manifestFor = (total: number, dataDir = 'data/abc/'): CorpusManifest => ({ total, pageSize: LIST_PAGE_SIZE, shards: shardCount(total), dataDir, articleDir: dataDir });

/** The files of a layout as a map from path to parsed JSON. */
function filesOf(articles: readonly Article[]): Map<string, unknown> {
  return new Map(layoutCorpus(articles).files.map((file) => [file.path, JSON.parse(file.json) as unknown]));
}

/** The list pages of one sort order, in page order. */
function pagesOf(files: Map<string, unknown>, sort: SortOrder): ArticleEntry[][] {
  const pages: ArticleEntry[][] = [];
  for (let page = 0; files.has(`list/${sort}/${page}.json`); page += 1) pages.push(files.get(`list/${sort}/${page}.json`) as ArticleEntry[]);
  return pages;
}

const ids = (items: readonly { id: string }[]) => items.map((item) => item.id);

describe('layoutCorpus: list pages', () => {
  it.each([0, 1, LIST_PAGE_SIZE - 1, LIST_PAGE_SIZE, LIST_PAGE_SIZE + 1, 2 * LIST_PAGE_SIZE, 2 * LIST_PAGE_SIZE + 1])(
    'cuts %i articles into full pages of LIST_PAGE_SIZE and one last partial page, for every sort',
    (count) => {
      const files = filesOf(articlesOf(count));
      for (const sort of LIST_SORT_ORDERS) {
        const pages = pagesOf(files, sort);
        expect(pages.length, sort).toBe(Math.ceil(count / LIST_PAGE_SIZE));
        expect(pages.length, sort).toBe(Math.ceil(count / LIST_PAGE_SIZE));
        pages.slice(0, -1).forEach((page) => expect(page).toHaveLength(LIST_PAGE_SIZE));
        const last = pages.at(-1);
        if (last) expect(last.length).toBe(count - (pages.length - 1) * LIST_PAGE_SIZE);
        expect(files.has(`list/${sort}/${pages.length}.json`)).toBe(false);
      }
    },
  );

  it('puts every article exactly once in every sort order', () => {
    const articles = articlesOf(2 * LIST_PAGE_SIZE + 7);
    const files = filesOf(articles);
    for (const sort of LIST_SORT_ORDERS) {
      const listed = pagesOf(files, sort).flat();
      expect(listed).toHaveLength(articles.length);
      expect(new Set(ids(listed)).size).toBe(articles.length);
      expect([...ids(listed)].sort()).toEqual(ids(articles).sort());
    }
  });

  it('keeps file order for "file" and the sortArticles order for the others, across page boundaries', () => {
    const articles = articlesOf(LIST_PAGE_SIZE + 13);
    const files = filesOf(articles);
    expect(ids(pagesOf(files, 'file').flat())).toEqual(ids(articles));
    expect(ids(pagesOf(files, 'headline').flat())).toEqual(ids(sortArticles(articles, 'headline')));
    expect(ids(pagesOf(files, 'reading-time').flat())).toEqual(ids(sortArticles(articles, 'reading-time')));
    expect(ids(pagesOf(files, 'headline').flat())).not.toEqual(ids(articles));
  });

  it('lists entries without the text, each with its position in file order', () => {
    const articles = articlesOf(LIST_PAGE_SIZE + 3);
    for (const sort of LIST_SORT_ORDERS) {
      for (const entry of pagesOf(filesOf(articles), sort).flat()) {
        expect(entry).not.toHaveProperty('paragraphs');
        expect(entry).toEqual(toEntry(articles[entry.position] as Article, entry.position));
      }
    }
  });

  it('gives the first page in file order as firstPage, the same as list/file/0.json', () => {
    const articles = articlesOf(LIST_PAGE_SIZE + 3);
    const layout = layoutCorpus(articles);
    expect(layout.firstPage).toEqual(articles.slice(0, LIST_PAGE_SIZE).map(toEntry));
    expect(filesOf(articles).get('list/file/0.json')).toEqual(layout.firstPage);
    expect(layoutCorpus(articlesOf(3)).firstPage).toHaveLength(3);
    expect(layoutCorpus([]).firstPage).toEqual([]);
  });

  it('gives every file its own path', () => {
    const paths = layoutCorpus(articlesOf(3 * LIST_PAGE_SIZE)).files.map((file) => file.path);
    expect(new Set(paths).size).toBe(paths.length);
  });
});

describe('layoutCorpus: article files', () => {
  it('writes one file per article at article/<slug>.json, holding its document', () => {
    const articles = articlesOf(4);
    const files = filesOf(articles);
    const documents = articleDocuments(articles);
    for (const document of documents) expect(files.get(`article/${document.article.slug}.json`)).toEqual(document);
    expect([...files.keys()].filter((path) => path.startsWith('article/'))).toHaveLength(4);
  });

  it('keeps the slug as it is in the file path (the host decodes the URL that articlePath encodes)', () => {
    const article = makeArticle('x', 'Zürich', ['Text.'], { slug: 'zürich-東京 a#b' });
    expect(layoutCorpus([article]).files.map((file) => file.path)).toContain('article/zürich-東京 a#b.json');
  });
});

describe('articleDocuments', () => {
  it('links each article to its neighbours in file order, with its position', () => {
    const articles = articlesOf(3);
    const [first, middle, last] = articleDocuments(articles) as [ArticleDocument, ArticleDocument, ArticleDocument];
    const link = (index: number) => ({ slug: articles[index]?.slug, headline: articles[index]?.headline });
    expect(first).toEqual({ article: articles[0], position: 0, previous: null, next: link(1) });
    expect(middle).toEqual({ article: articles[1], position: 1, previous: link(0), next: link(2) });
    expect(last).toEqual({ article: articles[2], position: 2, previous: link(1), next: null });
  });

  it('gives a single article no neighbours, and no articles no documents', () => {
    const [only] = articleDocuments(articlesOf(1));
    expect(only?.previous).toBeNull();
    expect(only?.next).toBeNull();
    expect(articleDocuments([])).toEqual([]);
  });

  it('links only slug and headline, never a neighbour’s text', () => {
    const [first] = articleDocuments(articlesOf(2));
    expect(Object.keys(first?.next ?? {}).sort()).toEqual(['headline', 'slug']);
  });
});

describe('layoutCorpus: id shards', () => {
  it.each([0, 1, 39, 40, 41, 250])('puts each of %i ids in exactly one shard, the one shardOf names', (count) => {
    const articles = articlesOf(count);
    const layout = layoutCorpus(articles);
    expect(layout.shards).toBe(shardCount(count));
    const files = filesOf(articles);
    const seen: string[] = [];
    for (let shard = 0; shard < layout.shards; shard += 1) {
      const entries = files.get(`id/${shard}.json`) as ArticleEntry[] | undefined;
      expect(entries, `id/${shard}.json`).toBeDefined();
      for (const entry of entries ?? []) {
        expect(shardOf(entry.id, layout.shards)).toBe(shard);
        expect(entry).toEqual(toEntry(articles[entry.position] as Article, entry.position));
        seen.push(entry.id);
      }
    }
    expect(files.has(`id/${layout.shards}.json`)).toBe(false);
    expect(seen.sort()).toEqual(ids(articles).sort());
  });

  it('uses one shard per 40 articles, at least one and at most 1024', () => {
    expect(shardCount(0)).toBe(1);
    expect(shardCount(1)).toBe(1);
    expect(shardCount(40)).toBe(1);
    expect(shardCount(41)).toBe(2);
    expect(shardCount(400)).toBe(10);
    expect(shardCount(1024 * 40)).toBe(1024);
    expect(shardCount(10_000_000)).toBe(1024);
  });

  it('maps any id to a shard in range, the same every time', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.integer({ min: 1, max: 1024 }), (id, shards) => {
        const shard = shardOf(id, shards);
        expect(Number.isInteger(shard)).toBe(true);
        expect(shard).toBeGreaterThanOrEqual(0);
        expect(shard).toBeLessThan(shards);
        expect(shardOf(id, shards)).toBe(shard);
      }),
    );
  });
});

describe('data file paths', () => {
  const manifest = manifestFor(10, 'data/0123456789/');
  const base = 'https://example.org/reader/';

  it('keeps articles’ files in their own folder, apart from the collection’s', () => {
    const apart = { ...manifest, articleDir: 'data/articles-abc/' };
    expect(articlePath(apart, 'a-story')).toBe('data/articles-abc/article/a-story.json');
    expect(articlePath({ ...apart, articlePacks: 4 }, 'a-story')).toMatch(/^data\/articles-abc\/article-pack\/[0-3]\.json$/);
    expect(listPagePath(apart, 'file', 0)).toBe('data/0123456789/list/file/0.json');
  });

  it('names list pages, shards and the search index under the data folder', () => {
    expect(listPagePath(manifest, 'reading-time', 3)).toBe('data/0123456789/list/reading-time/3.json');
    expect(shardPath(manifest, 7)).toBe('data/0123456789/id/7.json');
    expect(searchIndexPath(manifest)).toBe('data/0123456789/search/index.json');
    expect(orderPath(manifest, 'headline')).toBe('data/0123456789/order/headline.json');
    expect(articlePath(manifest, 'a-story')).toBe('data/0123456789/article/a-story.json');
  });

  it('percent-encodes a slug, so no character of it ends the path or starts a query or fragment', () => {
    expect(articlePath(manifest, 'zürich-東京')).toBe('data/0123456789/article/z%C3%BCrich-%E6%9D%B1%E4%BA%AC.json');
    expect(articlePath(manifest, 'a#b?c')).toBe('data/0123456789/article/a%23b%3Fc.json');
    expect(articlePath(manifest, '100% sure')).toBe('data/0123456789/article/100%25%20sure.json');
    expect(articlePath(manifest, '../x/y')).toBe('data/0123456789/article/..%2Fx%2Fy.json');
  });

  it('gives, for any slug, a URL whose decoded path is the file layoutCorpus writes for it', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }), (slug) => {
        const url = new URL(articlePath(manifest, slug), base);
        expect(url.search).toBe('');
        expect(url.hash).toBe('');
        expect(decodeURIComponent(url.pathname)).toBe(`/reader/${manifest.dataDir}article/${slug}.json`);
      }),
    );
  });

  it('agrees with the paths layoutCorpus writes', () => {
    const articles = articlesOf(LIST_PAGE_SIZE + 1);
    const paths = new Set(layoutCorpus(articles).files.map((file) => `${manifest.dataDir}${file.path}`));
    for (const sort of LIST_SORT_ORDERS) {
      expect(paths.has(listPagePath(manifest, sort, 0))).toBe(true);
      expect(paths.has(listPagePath(manifest, sort, 1))).toBe(true);
    }
    for (const article of articles) expect(paths.has(articlePath(manifest, article.slug))).toBe(true);
    expect(paths.has(shardPath(manifest, 0))).toBe(true);
  });
});

describe('articlePackCount', () => {
  it('packs about five articles a file, never fewer than one file', () => {
    expect([0, 1, 5, 6, 80].map(articlePackCount)).toEqual([1, 1, 1, 2, 16]);
    expect(articlePackCount(100_000)).toBe(20_480);
  });

  it('keeps its count while a day’s articles are added, so articles stay in their packs', () => {
    expect(articlePackCount(100_010)).toBe(articlePackCount(100_000));
    expect(articlePackCount(10_050)).toBe(articlePackCount(10_000));
    // Never more than a sixteenth over one pack per five articles.
    for (const total of [17, 333, 4_097, 65_537, 250_000]) expect(articlePackCount(total)).toBeLessThanOrEqual(Math.ceil((Math.ceil(total / 5) * 17) / 16));
  });
});

describe('isCorpusManifest', () => {
  const manifest: CorpusManifest = { total: 12, pageSize: LIST_PAGE_SIZE, shards: 1, dataDir: 'data/0123456789/', articleDir: 'data/articles-abcdef0123/' };
  const parsed = (value: CorpusManifest) => JSON.parse(currentBuildJson(value)) as unknown;

  it('accepts the manifest a build writes to build.json, packed or not, and an empty collection', () => {
    expect(isCorpusManifest(parsed(manifest))).toBe(true);
    expect(isCorpusManifest(parsed({ ...manifest, articlePacks: 3 }))).toBe(true);
    expect(isCorpusManifest(parsed({ ...manifest, total: 0 }))).toBe(true);
  });

  it('refuses what a host may answer instead: nothing, another JSON file, the old build.json with a data folder only', () => {
    for (const value of [null, undefined, 'data/0123456789/', [], {}, [manifest], { dataDir: 'data/0123456789/' }]) expect(isCorpusManifest(value), JSON.stringify(value)).toBe(false);
  });

  it('refuses a damaged field', () => {
    const damaged: Record<string, unknown>[] = [
      { total: -1 },
      { total: 1.5 },
      { total: '12' },
      { pageSize: 0 },
      { shards: 0 },
      { dataDir: 'data/0123456789' },
      { dataDir: '' },
      { articleDir: undefined },
      { articlePacks: 0 },
      { articlePacks: null },
    ];
    for (const change of damaged) expect(isCorpusManifest({ ...manifest, ...change }), JSON.stringify(change)).toBe(false);
  });

  it('refuses folders that would lead the app off its own site or out of its folder', () => {
    for (const dataDir of ['/data/x/', 'https://evil.example/', '//evil.example/', '../data/x/', 'data/../../x/', 'data/x?/']) expect(isCorpusManifest({ ...manifest, dataDir }), dataDir).toBe(false);
  });
});

describe('toEntry', () => {
  it('keeps everything but the paragraphs, language included, and adds the position', () => {
    const article = makeArticle('x', 'Headline', ['One.', 'Two.'], { lang: 'fr' });
    const { paragraphs: _paragraphs, ...summary } = article;
    expect(toEntry(article, 4)).toEqual({ ...summary, position: 4 });
    expect(article.paragraphs).toEqual(['One.', 'Two.']);
  });
});
