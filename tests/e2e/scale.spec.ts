import { readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page, Request } from '@playwright/test';
import { slugify } from '../../src/domain/articles/slug.ts';
import { SCALE_BASE_URL, SCALE_BATCH_SIZE, SCALE_COUNT, SCALE_PRERENDER_LIMIT, SCALE_SEEDS } from './config.ts';
import { expect, test } from './fixtures.ts';

/**
 * The reader with a generated collection of 3,000 articles (`npm run build:e2e` writes the seeds
 * with tests/tools/make-corpus.ts and builds them at /big/): the list stays small in the document,
 * data is fetched only when needed, and search, sorting, scrolling and going back still work.
 * What to expect is read from the seed files themselves, not from the build.
 */

test.use({ baseURL: SCALE_BASE_URL });

interface Seed {
  /** 1-based place in file order, as aria-posinset says. */
  position: number;
  lang: string;
  headline: string;
  paragraphs: string[];
}

// The lines make-corpus.ts appends, which the app drops from the end of an article.
const BOILERPLATE = new Set(['Think your friends would be interested? Share this story!', 'Comments are closed.', 'Sign up for our newsletter for the latest news.']);

let seedCache: Seed[] | undefined;
/** Every seed in file order: the first non-empty line is the headline, the others are paragraphs. */
function seeds(): Seed[] {
  seedCache ??= readdirSync(SCALE_SEEDS)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name, index) => {
      const lines = readFileSync(path.join(SCALE_SEEDS, name), 'utf8')
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean);
      const [headline = '', ...body] = lines;
      while (body.length > 0 && BOILERPLATE.has(body.at(-1) ?? '')) body.pop();
      return { position: index + 1, lang: path.basename(name, '.txt').split('_')[1] ?? '', headline, paragraphs: body };
    });
  return seedCache;
}

/** Seeds whose headline no other seed has (make-corpus repeats about 2% of headlines). */
function uniqueHeadlines(): Seed[] {
  const counts = new Map<string, number>();
  for (const seed of seeds()) counts.set(seed.headline, (counts.get(seed.headline) ?? 0) + 1);
  return seeds().filter((seed) => counts.get(seed.headline) === 1);
}

const fold = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
const words = (text: string) => [...new Set(fold(text).split(/[^\p{L}\p{M}\p{N}]+/u).filter(Boolean))];

/** An article's data file: this build packs them (PRERENDER_LIMIT), a few to a file. */
const isArticleData = (url: string) => /\/data\/[^/]+\/article(-pack)?\//.test(new URL(url).pathname);
const ARTICLE_PACK = /\/data\/articles-[0-9a-f]+\/article-pack\/\d+\.json$/;
/** A file of the search index, split by term under search/ in the data folder. */
const isSearchIndex = (url: string) => /\/data\/[^/]+\/search\//.test(new URL(url).pathname);

/** Every request of the browser context (the page, its search worker and its service worker), by URL. */
function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.context().on('request', (request: Request) => urls.push(request.url()));
  return urls;
}

const list = (page: Page) => page.getByRole('list', { name: 'Articles' });

/**
 * Asks for the search index (focusing the box does) and waits until the worker has loaded it: at
 * 3,000 articles that is a few megabytes to fetch and parse, which on a busy machine takes longer
 * than an assertion's few seconds. Waiting for that state first leaves each later assertion only
 * the query to wait for, which is bounded (see query-limits.ts).
 */
async function searchIndexLoaded(page: Page): Promise<void> {
  await page.getByRole('searchbox', { name: 'Search articles' }).focus();
  await expect(page.locator('search[data-search-index]'), 'the search index is loaded').toHaveAttribute('data-search-index', 'ready', { timeout: 60_000 });
}
const row = (page: Page, position: number) => list(page).locator(`li[aria-posinset="${position}"]`);
const rowHeading = (page: Page, position: number) => row(page, position).getByRole('heading', { level: 2 });

/**
 * Scrolls to the end of the first page, as a reader reading on does, and waits until the list is
 * the virtualized one that this sends for: the page is then as tall as all its rows, where the
 * prerendered HTML holds only the first page of them. Then back to the top, where a reader starts.
 */
async function waitForVirtualList(page: Page, rows = SCALE_COUNT): Promise<void> {
  await expect(list(page).locator('li').first()).toHaveAttribute('aria-setsize', String(rows));
  await expect
    .poll(
      () =>
        page.evaluate(() => {
          document.querySelector('ol[aria-label="Articles"] > li:last-child')?.scrollIntoView({ block: 'end', behavior: 'instant' });
          return document.documentElement.scrollHeight;
        }),
      { message: 'the page is as tall as the whole list' },
    )
    .toBeGreaterThan(rows * 60);
  await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
}

const isVirtualizer = (url: string) => /\/virtual-article-list-[^/]*\.js$/.test(new URL(url).pathname);

/**
 * Scrolls the window until the row at `position` (1-based) is drawn with its article and stays on
 * screen. Each step jumps to where that row should be in proportion to the list's height, or
 * centres the row once drawn; rows change height as their data arrives, so it checks again.
 */
async function scrollToRow(page: Page, position: number): Promise<void> {
  await expect
    .poll(
      () =>
        page.evaluate((wanted) => {
          const ol = document.querySelector('ol[aria-label="Articles"]');
          if (!ol) return false;
          const target = ol.querySelector(`li[aria-posinset="${wanted}"]`);
          const heading = target?.querySelector('h2');
          if (heading) {
            const rect = heading.getBoundingClientRect();
            if (rect.top >= 0 && rect.bottom <= window.innerHeight) return true;
          }
          if (target) {
            (heading ?? target).scrollIntoView({ block: 'center', behavior: 'instant' });
            return false;
          }
          // Rows are drawn, but not this one: step from the drawn ones towards it. (A jump in
          // proportion can land short of it again and again when rows are taller than estimated.)
          const drawn = [...ol.querySelectorAll('li[aria-posinset]')];
          const positions = drawn.map((li) => Number(li.getAttribute('aria-posinset')));
          const last = drawn[positions.indexOf(Math.max(...positions))];
          const first = drawn[positions.indexOf(Math.min(...positions))];
          if (last && Math.max(...positions) < wanted && Math.max(...positions) >= wanted - 20) {
            last.scrollIntoView({ block: 'start', behavior: 'instant' });
            return false;
          }
          if (first && Math.min(...positions) > wanted && Math.min(...positions) <= wanted + 20) {
            first.scrollIntoView({ block: 'end', behavior: 'instant' });
            return false;
          }
          const total = Number(ol.querySelector('li')?.getAttribute('aria-setsize') ?? 0);
          const top = ol.getBoundingClientRect().top + window.scrollY;
          window.scrollTo({ top: top + (ol.scrollHeight * (wanted - 1)) / Math.max(1, total), behavior: 'instant' });
          return false;
        }, position),
      { message: `row ${position} is drawn on screen`, timeout: 15_000 },
    )
    .toBe(true);
  await expect(rowHeading(page, position)).toBeInViewport();
}

test('the list opens with 3,000 articles, draws only the rows near the screen, and fetches no article, search index or virtualizer before it is needed', async ({ page }) => {
  const requests = recordRequests(page);
  const pageRequests: string[] = [];
  page.on('request', (request) => pageRequests.push(request.url()));
  await page.goto('./');
  await expect(page.getByRole('status')).toHaveText('3,000 articles');
  await expect(page.locator('html[data-app-ready]')).toBeAttached();
  await page.waitForLoadState('networkidle');
  // The first page is drawn as it is: the virtualizer waits until the reader scrolls towards its end.
  // (Counted from the page alone: the service worker precaches every chunk for offline use.)
  expect(pageRequests.filter(isVirtualizer), 'the virtualizer fetched by the first view').toEqual([]);
  await expect(list(page).locator('li')).toHaveCount(25);
  await waitForVirtualList(page);
  expect(pageRequests.filter(isVirtualizer), 'the virtualizer, once the reader scrolled').toHaveLength(1);
  await expect(rowHeading(page, 1)).toHaveText(seeds()[0]?.headline ?? '');
  await page.waitForLoadState('networkidle');
  expect(await list(page).locator('li').count()).toBeLessThan(200);
  expect(requests.filter(isArticleData), 'article files fetched by the first view').toEqual([]);
  expect(requests.filter(isSearchIndex), 'search index fetched by the first view').toEqual([]);

  // The recorder does see the search index, once the search box asks for it.
  await page.getByRole('searchbox', { name: 'Search articles' }).focus();
  await expect.poll(() => requests.filter(isSearchIndex).length, { message: 'focusing the search box loads the index' }).toBeGreaterThan(0);
});

test('search finds an article among 3,000 by the words of its headline, ranked first, with the matches marked', async ({ page }) => {
  // Every distinct word of the longest unique non-English headline, ANDed: the headline as typed.
  const target = uniqueHeadlines()
    .filter((seed) => seed.lang !== 'en')
    .sort((a, b) => words(b.headline).length - words(a.headline).length || a.position - b.position)[0];
  if (!target) throw new Error('the generated corpus has no non-English article');
  const query = words(target.headline).join(' ');

  await page.goto('./');
  await waitForVirtualList(page);
  await searchIndexLoaded(page);
  const search = page.getByRole('searchbox', { name: 'Search articles' });
  await search.fill(query);
  await expect(page.getByRole('status')).toHaveText(/^[\d,]+ articles? match “/);
  const matches = Number((await page.getByRole('status').textContent())?.match(/^[\d,]+/)?.[0].replace(/,/g, ''));
  expect(matches).toBeGreaterThan(0);
  expect(matches).toBeLessThan(SCALE_COUNT);

  // Best match ranks a match in the headline above matches in the body only.
  const result = list(page).locator('li').filter({ has: page.getByRole('heading', { level: 2, name: target.headline, exact: true }) });
  await expect(result).toHaveCount(1);
  expect(Number(await result.getAttribute('aria-posinset'))).toBeLessThanOrEqual(3);
  await expect(result.getByRole('link', { name: target.headline, exact: true })).toBeVisible();
  await expect(result.getByRole('heading', { level: 2 }).locator('mark.search-match').first()).toBeVisible();
  await expect(page).toHaveURL(/[?&]q=/);
});

test('opening an article from the list fetches that article’s file and no other, and shows its headline and paragraphs', async ({ page }) => {
  // A short article near the top of the list, with a headline of its own.
  const target = uniqueHeadlines().find((seed) => seed.position > 2 && seed.position <= 10 && seed.paragraphs.length >= 2 && seed.paragraphs.length <= 20);
  if (!target) throw new Error('no short article among the first ten');

  await page.goto('./');
  await waitForVirtualList(page);
  await page.waitForLoadState('networkidle');
  const requests = recordRequests(page);
  const link = rowHeading(page, target.position).getByRole('link');
  await expect(link).toHaveText(target.headline);
  const slug = (await link.getAttribute('href'))?.match(/article\/([^/]+)\/?$/)?.[1];
  expect(slug, 'the link leads to an article').toBeTruthy();
  await link.click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(target.headline);
  await expect(page.locator('article p')).toHaveText(target.paragraphs);
  await expect(page).toHaveURL(new RegExp(`article/${slug}/?$`));
  await page.waitForLoadState('networkidle');
  const articleFiles = requests.filter(isArticleData).map((url) => new URL(url).pathname);
  // The service worker may fetch the same file for the page: what matters is that it is one file, the article's pack.
  expect([...new Set(articleFiles)]).toEqual([expect.stringMatching(ARTICLE_PACK)]);
  expect(requests.filter(isSearchIndex)).toEqual([]);
});

test('an article opened at its address, first of a build batch, hydrates from its preloaded pack and links to its neighbours across the batch boundary', async ({ page, request }) => {
  // The build writes and renders the articles in batches: the first of the second one has neighbours in two of them.
  const [previous, target, next] = seeds().slice(SCALE_BATCH_SIZE - 1, SCALE_BATCH_SIZE + 2);
  if (!previous || !target || !next || !uniqueHeadlines().includes(target)) throw new Error('the article after the first batch has no headline of its own');
  expect(target.position, 'the article is among the newest, which have pages').toBeGreaterThan(SCALE_COUNT - SCALE_PRERENDER_LIMIT);
  const address = `article/${slugify(target.headline)}/`;

  // Its text is in the HTML once, not again in a data block: the page preloads its pack instead.
  const response = await request.get(address);
  expect(response.status()).toBe(200);
  const html = await response.text();
  expect(html).not.toContain('"paragraphs"');
  expect(html).toMatch(/<link rel="preload" as="fetch" crossorigin href="\/big\/data\/articles-[0-9a-f]+\/article-pack\/\d+\.json">/);

  const requests = recordRequests(page);
  await page.goto(address);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(target.headline);
  await expect(page.locator('article p')).toHaveText(target.paragraphs);
  await expect(page.getByRole('link', { name: /^Previous article/ })).toContainText(previous.headline);
  await expect(page.getByRole('link', { name: /^Next article/ })).toContainText(next.headline);
  const articleFiles = new Set(requests.filter(isArticleData).map((url) => new URL(url).pathname));
  expect([...articleFiles]).toEqual([expect.stringMatching(ARTICLE_PACK)]);

  // Hydrated: the link is the app's, which opens the next article without loading a page.
  await page.evaluate(() => Object.assign(window, { sameDocument: true }));
  await page.getByRole('link', { name: /^Next article/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(next.headline);
  expect(await page.evaluate(() => 'sameDocument' in window)).toBe(true);
});

test('an article beyond the prerender limit has no page of its own: the host answers 404.html, and the app shows the article', async ({ page, browser, request }) => {
  // The newest articles are the last in file order: the one just before them has no page.
  const target = seeds()[SCALE_COUNT - SCALE_PRERENDER_LIMIT - 1];
  if (!target || !uniqueHeadlines().includes(target)) throw new Error('the article before the prerendered ones has no headline of its own');
  const address = `article/${slugify(target.headline)}/`;
  expect((await request.get(address)).status()).toBe(404);

  await page.goto(address);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(target.headline);
  await expect(page.locator('article p')).toHaveText(target.paragraphs);
  await expect(page).toHaveURL(new RegExp(`${address}$`));

  // What a reader without JavaScript loses: the article, which only the app can show.
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL: SCALE_BASE_URL });
  const noScript = await context.newPage();
  await noScript.goto(address);
  await expect(noScript.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await context.close();
});

/**
 * Scrolls the window to the bottom until the last row of `rows`, loaded, is on screen: rows are
 * measured as they are drawn, which moves the end, so it scrolls again until it stays.
 */
async function scrollToEnd(page: Page, rows = SCALE_COUNT): Promise<void> {
  await expect
    .poll(
      () =>
        page.evaluate((position) => {
          window.scrollTo({ top: document.documentElement.scrollHeight, behavior: 'instant' });
          const heading = document.querySelector(`ol[aria-label="Articles"] li[aria-posinset="${position}"] h2`);
          const rect = heading?.getBoundingClientRect();
          return rect !== undefined && rect.top >= 0 && rect.bottom <= window.innerHeight;
        }, rows),
      { message: 'the last row is drawn at the bottom of the screen', timeout: 15_000 },
    )
    .toBe(true);
}

test('scrolling to the end of the list shows the last article, and it opens from there', async ({ page }) => {
  const last = seeds().at(-1);
  expect(last?.position).toBe(SCALE_COUNT);
  await page.goto('./');
  await waitForVirtualList(page);
  await scrollToEnd(page);
  await expect(rowHeading(page, SCALE_COUNT)).toHaveText(last?.headline ?? '');
  await expect(rowHeading(page, SCALE_COUNT)).toBeInViewport();
  expect(await list(page).locator('li').count()).toBeLessThan(200);

  const requests = recordRequests(page);
  await rowHeading(page, SCALE_COUNT).getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(last?.headline ?? '');
  await expect(page.locator('article p')).toHaveText(last?.paragraphs ?? []);
  await page.waitForLoadState('networkidle');
  expect(new Set(requests.filter(isArticleData).map((url) => new URL(url).pathname)).size, 'article files fetched to open it').toBe(1);
});

test('going back from an article shows the list where it was left, in the middle of 3,000 rows', async ({ page }) => {
  const position = 1200;
  const headline = seeds()[position - 1]?.headline ?? '';
  await page.goto('./');
  await waitForVirtualList(page);
  await scrollToRow(page, position);
  await expect(rowHeading(page, position)).toHaveText(headline);
  await rowHeading(page, position).getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(headline);

  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Articles' })).toBeVisible();
  await expect(rowHeading(page, position)).toHaveText(headline);
  await expect(rowHeading(page, position)).toBeInViewport();
});

/**
 * The German word (of five letters or more) that the most German seeds use: a search with many
 * more results than a screenful.
 */
function commonGermanWord(): { word: string; articles: number } {
  const counts = new Map<string, number>();
  for (const seed of seeds().filter((s) => s.lang === 'de')) {
    for (const word of words([seed.headline, ...seed.paragraphs].join(' '))) if (word.length >= 5 && /^\p{L}+$/u.test(word)) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  const [word = '', articles = 0] = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0] ?? [];
  return { word, articles };
}

test('going back from a search result shows the same search, scrolled to the same result', async ({ page }) => {
  const { word: query, articles } = commonGermanWord();
  expect(articles, `German articles using “${query}”`).toBeGreaterThan(40);
  const position = 30;
  const matching = new RegExp(`^[\\d,]+ articles match “${query}”$`);
  await page.goto('./');
  await waitForVirtualList(page);
  await searchIndexLoaded(page);
  const search = page.getByRole('searchbox', { name: 'Search articles' });
  await search.fill(query);
  await expect(page.getByRole('status')).toHaveText(matching);
  await scrollToRow(page, position);
  const heading = rowHeading(page, position);
  const headline = (await heading.textContent())?.trim() ?? '';
  await heading.getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(headline);
  // The result uses the word (or a word it begins: the word being typed is a prefix).
  expect(fold((await page.locator('article').textContent()) ?? '')).toContain(query);

  await page.goBack();
  await expect(search).toHaveValue(query);
  await expect(page).toHaveURL(new RegExp(`[?&]q=${encodeURIComponent(query)}(&|$)`));
  await expect(page.getByRole('status')).toHaveText(matching);
  await expect(rowHeading(page, position)).toHaveText(headline);
  await expect(rowHeading(page, position)).toBeInViewport();
});

/** The English word of six letters or more starting with `letter` that the most seeds use. */
function commonWordStarting(letter: string): string {
  const counts = new Map<string, number>();
  for (const seed of seeds().filter((s) => s.lang === 'en')) {
    for (const word of words(seed.paragraphs.join(' '))) if (word.length >= 6 && word.startsWith(letter) && /^\p{L}+$/u.test(word)) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? '';
}

test('offline, search answers for words it has looked up, and says so for words it cannot', async ({ page, context }) => {
  // Two visits, a service worker and two workers' worth of fetches: more than one quick page.
  test.slow();
  // Words at opposite ends of the alphabet live in different shards of the index.
  const [known, unknown] = [commonWordStarting('b'), commonWordStarting('w')];
  const requests = recordRequests(page);
  await page.goto('./');
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  // Opened again, the page (and the search worker it starts) goes through the service worker.
  await page.goto('./');
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await waitForVirtualList(page);
  const search = page.getByRole('searchbox', { name: 'Search articles' });
  await search.fill(known);
  await expect(page.getByRole('status')).toHaveText(new RegExp(`^[\\d,]+ articles? match “${known}”$`));
  const answer = await page.getByRole('status').textContent();
  expect(requests.filter(isSearchIndex).length, 'the search fetched some of the index').toBeGreaterThan(1);

  // A new page and a new worker: what was fetched comes from the service worker's cache.
  await context.setOffline(true);
  await page.goto('./');
  await waitForVirtualList(page);
  await search.fill(known);
  await expect(page.getByRole('status')).toHaveText(answer ?? '');
  await search.fill(unknown);
  await expect(page.getByRole('status')).toHaveText(/^Search could not be loaded: This search needs part of the index that could not be fetched \(.+\)\. Searches made before still work offline\.$/);
  await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
  await search.fill(known);
  await expect(page.getByRole('status')).toHaveText(answer ?? '');

  await context.setOffline(false);
  await search.fill(unknown);
  await expect(page.getByRole('status')).toHaveText(new RegExp(`^[\\d,]+ articles? match “${unknown}”$`));
});

test('offline, the app starts from the build.json it cached and an article read before opens again from its cached file', async ({ page, context }) => {
  // Two visits and a service worker: more than one quick page.
  test.slow();
  // A collection this size is not precached: build.json and the article's pack are kept as they are fetched.
  const target = uniqueHeadlines().find((seed) => seed.position > 2 && seed.position <= 10);
  if (!target) throw new Error('no article with a headline of its own among the first ten');
  await page.goto('./');
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  // Opened again, the page's requests go through the service worker.
  await page.goto('./');
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await rowHeading(page, target.position).getByRole('link').click();
  await expect(page.locator('article p')).toHaveText(target.paragraphs);

  await context.setOffline(true);
  await page.goto('./');
  await expect(page.locator('html[data-app-ready]')).toBeAttached();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await rowHeading(page, target.position).getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(target.headline);
  await expect(page.locator('article p')).toHaveText(target.paragraphs);
  await context.setOffline(false);
});

test('sorting by headline orders the list A–Z, keeps the order in the address, and after a reload', async ({ page }) => {
  const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
  const expected = seeds()
    .map((seed) => seed.headline)
    .sort((a, b) => collator.compare(a, b))
    .slice(0, 5);
  await page.goto('./');
  await waitForVirtualList(page);
  await page.getByRole('combobox', { name: 'Sort by' }).selectOption({ label: 'Headline A–Z' });
  await expect(page).toHaveURL(/[?&]sort=headline(&|$)/);
  const firstRows = async () => {
    for (const [index, headline] of expected.entries()) await expect(rowHeading(page, index + 1)).toHaveText(headline);
  };
  await firstRows();

  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Sort by' })).toHaveValue('headline');
  await expect(page.getByRole('status')).toHaveText('3,000 articles');
  await firstRows();
});

/** Words as the app counts them for reading time: runs without spaces that hold a letter or a digit. */
const wordCount = (paragraphs: readonly string[]) => paragraphs.flatMap((p) => p.split(/\s+/)).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;

test('sorting by reading time puts the shortest articles first and the longest last', async ({ page }) => {
  // The app sorts by minutes, then words, keeping file order for equals; minutes follow words (no CJK here).
  const expected = seeds()
    .map((seed) => ({ seed, words: wordCount(seed.paragraphs) }))
    .sort((a, b) => a.words - b.words || a.seed.position - b.seed.position)
    .map(({ seed }) => seed.headline);
  await page.goto('./');
  await waitForVirtualList(page);
  await page.getByRole('combobox', { name: 'Sort by' }).selectOption({ label: 'Shortest read first' });
  await expect(page).toHaveURL(/[?&]sort=reading-time(&|$)/);
  for (const [index, headline] of expected.slice(0, 5).entries()) await expect(rowHeading(page, index + 1)).toHaveText(headline);

  // A jump to the other end of the order: the longest read is the last row.
  await scrollToEnd(page);
  await expect(rowHeading(page, SCALE_COUNT)).toHaveText(expected.at(-1) ?? '');
  expect(await list(page).locator('li').count()).toBeLessThan(200);
});

/** A data file of the collection (under the hashed data folder), by its path there: `article/x.json`, `list/file/3.json`. */
const dataFileOf = (url: string): string | null => /\/data\/[^/]+\/(.+)$/.exec(new URL(url).pathname)?.[1] ?? null;

test('the Highlights view and its export find highlighted articles by id, without loading the list', async ({ page }) => {
  test.slow();
  // Three articles far apart in the list, each with a headline of its own.
  const targets = [20, 1500, 2980].map((near) => uniqueHeadlines().find((seed) => seed.position >= near && seed.paragraphs.length >= 1));
  for (const target of targets) {
    if (!target) throw new Error('no article with a headline of its own near that position');
    await page.goto('./');
    await waitForVirtualList(page);
    await scrollToRow(page, target.position);
    await rowHeading(page, target.position).getByRole('link').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(target.headline);
    // j focuses the first paragraph, h highlights it.
    await page.keyboard.press('j');
    await page.keyboard.press('h');
    await expect(page.locator('article mark')).not.toHaveCount(0);
  }

  const requests = recordRequests(page);
  await page.goto('highlights/');
  for (const target of targets) {
    const group = page.getByRole('region', { name: target?.headline ?? '' });
    await expect(group.getByRole('heading', { level: 2 })).toHaveText(target?.headline ?? '');
    await expect(group.locator('q')).toHaveText(target?.paragraphs[0] ?? '');
  }
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export as Markdown' }).click()]);
  const markdown = await readFile((await file.path()) ?? '', 'utf8');
  for (const target of targets) expect(markdown).toContain(`## [${target?.headline ?? ''}](<`);
  expect(markdown).toMatch(/\[Open at this passage\]\(<http:\/\/127\.0\.0\.1:\d+\/big\/article\/[^>]+\?highlight=/);
  // The Web Annotation export links each highlight to its article's page, found by id (an unfound one would get an id URN).
  const [annotations] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export as Web Annotation JSON' }).click()]);
  const exported = JSON.parse(await readFile((await annotations.path()) ?? '', 'utf8')) as { first: { items: { target: { source: string } }[] } };
  expect(exported.first.items.map((item) => item.target.source)).toEqual(Array.from(targets, () => expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/big\/article\/[^/?]+\/$/)));

  await page.waitForLoadState('networkidle');
  const fetched = [...new Set(requests.map(dataFileOf).filter((file): file is string => file !== null))];
  // The three articles and what maps an id to them: a handful of files out of thousands, and no page of the list.
  expect(fetched.filter((file) => file.startsWith('list/')), 'list pages fetched by the Highlights view and its export').toEqual([]);
  expect(fetched.length, `data files fetched: ${fetched.join(', ')}`).toBeLessThanOrEqual(9);
});
