/**
 * Search as a reader meets it, in a real Chromium against a production build: what the first
 * search downloads and how long it takes, what each further query adds, and the time from a
 * keystroke to the results once a query's data is in, by query length. Queries are runs of words
 * taken from the collection's own articles (so each has results), typed a key at a time as a
 * reader types them. Used by `npm run bench`; runs alone against a built dist:
 *
 *   tsx tests/bench/search-bench.ts --dist DIR --seeds DIR [--port N]
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';
import { startStaticServer } from '../e2e/static-server.ts';
import { limitSearchQuery } from '../../src/domain/search/query-limits.ts';
import { createRandom } from '../tools/text-edits.ts';

export interface SearchFigures {
  firstQuery: string;
  firstSearchBytes: number;
  firstSearchMs: number;
  /** Gzipped bytes each further distinct query fetched, in order. */
  furtherBytes: number[];
  /** Keystroke-to-results times (ms) with the data in, by number of words in the query. */
  latencyByWords: Map<number, number[]>;
  /** Gzipped bytes fetched in all, by folder of the data (search, list, order…). */
  bytesByKind: Map<string, number>;
}

const fold = (text: string): string => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
const wordsOf = (text: string): string[] => fold(text).split(/[^\p{L}\p{M}\p{N}]+/u).filter(Boolean);

/** Queries of 1 to 12 words, each a run of words from one article, `perLength` of each length. */
export function queriesFromSeeds(seedsDir: string, perLength = 6, seed = 11): Map<number, string[]> {
  const random = createRandom(seed);
  const names = readdirSync(seedsDir).filter((name) => name.endsWith('.txt')).sort();
  const queries = new Map<number, string[]>();
  for (let length = 1; length <= 12; length += 1) {
    const list: string[] = [];
    while (list.length < perLength) {
      const name = names[Math.floor(random() * names.length)] ?? '';
      const words = wordsOf(readFileSync(path.join(seedsDir, name), 'utf8'));
      if (words.length < length + 1) continue;
      const start = Math.floor(random() * (words.length - length));
      const query = words.slice(start, start + length).join(' ');
      // A one-word query of a very common short word says little: prefer a word of four letters or more.
      if (length === 1 && query.length < 4) continue;
      list.push(query);
    }
    queries.set(length, list);
  }
  return queries;
}

const STATUS = 'main [role="status"]';

/** Types `text` into the search box a key at a time and waits for its results. */
async function typeQuery(page: Page, text: string): Promise<void> {
  const box = page.getByRole('searchbox', { name: 'Search articles' });
  await box.fill('');
  await page.waitForFunction((selector) => !/match/.test(document.querySelector(selector)?.textContent ?? ''), STATUS);
  await box.pressSequentially(text);
  await waitForResults(page, shownAs(text));
}

/** How the status quotes a query: past the word limit (10), only its first words are searched. */
const shownAs = (text: string): string => limitSearchQuery(text).text;

async function waitForResults(page: Page, text: string): Promise<void> {
  await page.waitForFunction(
    ([selector, wanted]) => {
      const status = document.querySelector(selector as string)?.textContent ?? '';
      return status.includes(`“${wanted as string}”`) && /match|could not/.test(status);
    },
    [STATUS, text],
    { timeout: 120_000 },
  );
}

/** From setting the box's value to the list showing that query's result, measured in the page. */
async function timedQuery(page: Page, text: string): Promise<number> {
  const box = page.getByRole('searchbox', { name: 'Search articles' });
  await box.fill('');
  await page.waitForFunction((selector) => !/match/.test(document.querySelector(selector)?.textContent ?? ''), STATUS);
  // A string, not a function: tsx's name helpers do not exist in the page.
  return (await page.evaluate(`(async () => {
    const text = ${JSON.stringify(text)};
    const shown = ${JSON.stringify(shownAs(text))};
    const input = document.querySelector('input[type="search"]');
    const status = document.querySelector(${JSON.stringify(STATUS)});
    const start = performance.now();
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, text);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((resolve) => {
      (function check() {
        const now = status.textContent;
        if (now.includes('“' + shown + '”') && /match/.test(now)) resolve();
        else requestAnimationFrame(check);
      })();
    });
    return performance.now() - start;
  })()`)) as number;
}

/** Counts the gzipped bytes of the data files `page` requests, each file once, by folder of the data. */
function dataBytesCounter(page: Page, dist: string): { newBytes: () => number; byKind: Map<string, number> } {
  const requested: string[] = [];
  page.context().on('request', (request) => {
    const pathname = new URL(request.url()).pathname;
    if (/\/data\//.test(pathname)) requested.push(pathname);
  });
  // Data files the service worker fetches again are counted once: bytes that cross the network.
  const counted = new Set<string>();
  const byKind = new Map<string, number>();
  const newBytes = (): number => {
    let bytes = 0;
    for (const pathname of requested) {
      if (counted.has(pathname)) continue;
      counted.add(pathname);
      const file = path.join(dist, decodeURIComponent(pathname.replace(/^.*?\/data\//, 'data/')));
      try {
        const size = gzipSync(readFileSync(file)).length;
        bytes += size;
        const kind = /\/data\/[^/]+\/([^/]+)\//.exec(pathname)?.[1] ?? 'other';
        byKind.set(kind, (byKind.get(kind) ?? 0) + size);
      } catch {
        // Not a file of this build.
      }
    }
    return bytes;
  };
  return { newBytes, byKind };
}

export interface FirstSearchFigures {
  firstQuery: string;
  firstSearchBytes: number;
  firstSearchMs: number;
  /** Gzipped bytes fetched so far, by folder of the data (the first search only, until more are made). */
  bytesByKind: Map<string, number>;
}

/** The first search in `page`, already showing the list of the build in `dist`: what it fetches, how long it takes. */
export async function measureFirstSearch(page: Page, dist: string, seedsDir: string): Promise<FirstSearchFigures & { newBytes: () => number }> {
  const { newBytes, byKind } = dataBytesCounter(page, dist);
  newBytes();
  const firstQuery = queriesFromSeeds(seedsDir).get(2)?.[0] ?? 'government';
  const started = Date.now();
  await page.getByRole('searchbox', { name: 'Search articles' }).focus();
  await typeQuery(page, firstQuery);
  const firstSearchMs = Date.now() - started;
  const firstSearchBytes = newBytes();
  return { firstQuery, firstSearchBytes, firstSearchMs, bytesByKind: byKind, newBytes };
}

/** Measures search in `page`, already showing the list of the build in `dist`. */
export async function measureSearch(page: Page, dist: string, seedsDir: string): Promise<SearchFigures> {
  const { firstQuery, firstSearchBytes, firstSearchMs, bytesByKind, newBytes } = await measureFirstSearch(page, dist, seedsDir);
  console.log(`first search fetched: ${[...bytesByKind].map(([kind, bytes]) => `${kind} ${(bytes / 1024).toFixed(1)} KiB`).join(', ')}`);
  const queries = queriesFromSeeds(seedsDir);

  const furtherBytes: number[] = [];
  const latencyByWords = new Map<number, number[]>();
  for (const [length, list] of queries) {
    for (const query of list) {
      if (query === firstQuery) continue;
      await typeQuery(page, query);
      furtherBytes.push(newBytes());
      const times = latencyByWords.get(length) ?? [];
      times.push(await timedQuery(page, query));
      latencyByWords.set(length, times);
    }
  }
  return { firstQuery, firstSearchBytes, firstSearchMs, furtherBytes, latencyByWords, bytesByKind };
}

export function percentile(values: readonly number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * fraction) - 1))] ?? Number.NaN;
}

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? undefined : process.argv[index + 1];
}

// The whole path: bench.ts, which imports this file, ends with the same letters as its name.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dist = path.resolve(option('dist') ?? 'dist');
  const seeds = path.resolve(option('seeds') ?? 'seeds');
  const port = Number(option('port') ?? 4390);
  const server = await startStaticServer({ root: dist, mountPath: '/', port });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
  try {
    const page = await browser.newPage({ viewport: { width: 412, height: 900 } });
    await page.goto(`http://127.0.0.1:${port}/`, { waitUntil: 'load' });
    await page.waitForFunction(() => document.querySelector('[data-list-link]') !== null);
    const figures = await measureSearch(page, dist, seeds);
    const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
    console.log(`first search "${figures.firstQuery}": ${kib(figures.firstSearchBytes)} gzip, ${figures.firstSearchMs} ms`);
    console.log(`further queries: max ${kib(Math.max(...figures.furtherBytes))}, median ${kib(percentile(figures.furtherBytes, 0.5))}`);
    for (const [words, times] of figures.latencyByWords) console.log(`${words} word(s): p50 ${Math.round(percentile(times, 0.5))} ms, p95 ${Math.round(percentile(times, 0.95))} ms`);
    const all = [...figures.latencyByWords.values()].flat();
    console.log(`all: p95 ${Math.round(percentile(all, 0.95))} ms over ${all.length} queries`);
  } finally {
    await browser.close();
    server.close();
  }
}
