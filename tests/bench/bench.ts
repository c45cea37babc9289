/**
 * `npm run bench`: the performance budgets of a static reader, measured and printed as one table.
 * Builds a bare React + React Router app and the reader with 1, 1,000 and 10,000 generated
 * articles, then measures in Chromium. Figures that compare two builds are ratios from one run,
 * since these shared 2-core machines are noisy. Options: --max N (largest collection, default 10000);
 * --only highlights (just the highlight import and save figures, no builds); --only lighthouse
 * (Lighthouse's mobile scores of the list, an article and Highlights, on a 1,000-article build, or
 * on `--dist DIR` if given); --only scale (just the archive-scale figures of
 * tests/bench/scale-bench.ts: --count N articles, default 100000, --corpus DIR to build an existing
 * collection, --timeout S per build, default 1200), which a full run measures last.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { startStaticServer } from '../e2e/static-server.ts';
import { writeCorpus } from '../tools/make-corpus.ts';
import { measureHighlights } from './highlights-bench.ts';
import { describeView, measureLighthouse } from './lighthouse-bench.ts';
import { BUILD_NODE_ARGS, firstViewBytes, measureScale, type ScaleOptions } from './scale-bench.ts';
import { measureSearch, percentile } from './search-bench.ts';

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? undefined : process.argv[index + 1];
}

const maxArticles = Number(option('max') || 10_000) || 10_000;
const only = option('only');
const givenDist = option('dist');
const work = mkdtempSync(path.join(os.tmpdir(), 'broadsheet-bench-'));

interface BuildResult {
  dist: string;
  seconds: number;
  peakMiB: number | null;
}

/** Builds in a child process, timing it and (with GNU time) reading its peak memory. */
function build(name: string, args: string[], env: Record<string, string>): BuildResult {
  const dist = path.join(work, name);
  const command = existsSync('/usr/bin/time') ? '/usr/bin/time' : process.execPath;
  const viteBuild = [...BUILD_NODE_ARGS, 'build', ...args, '--outDir', dist, '--logLevel', 'error'];
  const commandArgs = existsSync('/usr/bin/time') ? ['-f', 'peak-kib=%M', process.execPath, ...viteBuild] : viteBuild;
  const started = performance.now();
  const run = spawnSync(command, commandArgs, { env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`build ${name} failed:\n${run.stderr}`);
  const peak = /peak-kib=(\d+)/.exec(run.stderr)?.[1];
  return { dist, seconds, peakMiB: peak ? Number(peak) / 1024 : null };
}

const rows: string[][] = [];
const row = (what: string, figure: string, budget: string, met: boolean | null) => rows.push([what, figure, budget, met === null ? '' : met ? 'met' : 'MISSED']);
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

/** Highlight import and saving at 10,000, in Node: figures for this machine, no budget yet. */
function highlightRows() {
  for (const { what, ms } of measureHighlights(10_000)) row(`${what} (this machine)`, `${Math.round(ms)} ms`, '', null);
}

/**
 * Lighthouse's mobile audit of the three views (tests/bench/lighthouse-bench.ts): the performance
 * score against its budget, the other three categories, and the metrics behind the score.
 */
async function lighthouseRows(dist: string) {
  const port = Number(process.env.BENCH_PORT ?? 4390) + 2;
  for (const view of await measureLighthouse(dist, port)) {
    const { performance: score = 0, ...others } = view.scores;
    const rest = Object.values(others);
    row(`Lighthouse mobile, ${view.view}: performance (accessibility, best practices, SEO)`, `${score} (${rest.join(', ')})`, '≥ 98, others 100', score >= 98 && rest.every((value) => value === 100));
    row(`Lighthouse mobile, ${view.view}: metrics, median of ${view.runScores.length} runs (simulated slow 4G, this machine's CPU)`, describeView(view).replace(/^.*?; /, ''), '', null);
  }
}

function printTable() {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  console.log(`\nBroadsheet benchmark, ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}\n`);
  const widths = [0, 1, 2, 3].map((i) => Math.max(...[['measure', 'figure', 'budget', ''], ...rows].map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  console.log(line(['measure', 'figure', 'budget', '']));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const r of rows) console.log(line(r));
}

const scaleOptions: ScaleOptions = {
  count: Number(option('count') || 100_000) || 100_000,
  corpus: option('corpus') ? path.resolve(option('corpus') ?? '') : undefined,
  work,
  port: Number(process.env.BENCH_PORT ?? 4390) + 1,
  timeoutSeconds: Number(option('timeout') || 1200) || 1200,
};

/** The archive-scale rows; whatever fails there is a row that says so, never a lost table. */
async function scaleRows() {
  try {
    await measureScale(scaleOptions, row);
  } catch (error) {
    row(`archive scale, ${scaleOptions.count.toLocaleString('en')} articles`, `failed: ${(error as Error).message.split('\n')[0] ?? ''}`, '', false);
  }
}

if (only === 'scale') {
  try {
    await scaleRows();
    printTable();
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  process.exit(0);
}

if (only === 'highlights') {
  highlightRows();
  printTable();
  rmSync(work, { recursive: true, force: true });
  process.exit(0);
}

if (only === 'lighthouse') {
  try {
    let dist = givenDist ? path.resolve(givenDist) : '';
    if (!dist) {
      const seeds = path.join(work, 'seeds-1000');
      await writeCorpus(1000, seeds);
      dist = build('reader-1000', [], { SEEDS_DIR: seeds }).dist;
    }
    await lighthouseRows(dist);
    printTable();
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  process.exit(0);
}

try {
  highlightRows();
  // Two floors: React Router's data router (what the reader uses) and its declarative mode, the least
  // any React + React Router app pays. The budget is against the lower one.
  const hello = build('hello', ['tests/bench/hello-world'], {});
  const helloDeclarative = build('hello-declarative', ['tests/bench/hello-world-declarative'], {});
  const reader1 = build('reader-1', [], { SEEDS_DIR: 'seeds' });
  const helloView = firstViewBytes(hello.dist);
  const declarativeView = firstViewBytes(helloDeclarative.dist);
  const view1 = firstViewBytes(reader1.dist);
  const ratio = view1.jsCss / helloView.jsCss;
  const declarativeRatio = view1.jsCss / declarativeView.jsCss;
  row('first-view JS+CSS (gzip), 1 article vs React + Router, data router', `${kib(view1.jsCss)} vs ${kib(helloView.jsCss)} = ${ratio.toFixed(2)}×`, '', null);
  row('first-view JS+CSS (gzip), 1 article vs React + Router, declarative', `${kib(view1.jsCss)} vs ${kib(declarativeView.jsCss)} = ${declarativeRatio.toFixed(2)}×`, '≤ 1.25×', declarativeRatio <= 1.25);

  const sizes = [1000, maxArticles].filter((n, i, all) => n <= maxArticles && all.indexOf(n) === i);
  const builds = new Map<number, BuildResult>();
  for (const count of sizes) {
    const seeds = path.join(work, `seeds-${count}`);
    await writeCorpus(count, seeds);
    const result = build(`reader-${count}`, [], { SEEDS_DIR: seeds });
    builds.set(count, result);
    row(`build time and peak memory, ${count.toLocaleString('en')} articles`, `${result.seconds.toFixed(1)} s, ${result.peakMiB ? `${Math.round(result.peakMiB)} MiB` : 'n/a'}`, count >= 10_000 ? '≤ 60 s' : '', count >= 10_000 ? result.seconds <= 60 : null);
  }

  const largest = builds.get(maxArticles) as BuildResult;
  const viewLarge = firstViewBytes(largest.dist);
  const bytesRatio = (viewLarge.html + viewLarge.jsCss) / (view1.html + view1.jsCss);
  row(`bytes to show / (gzip), ${maxArticles.toLocaleString('en')} articles vs 1`, `${kib(viewLarge.html + viewLarge.jsCss)} vs ${kib(view1.html + view1.jsCss)} = ${bytesRatio.toFixed(2)}×`, '≤ 1.10×', bytesRatio <= 1.1);

  const port = Number(process.env.BENCH_PORT ?? 4390);
  const server = await startStaticServer({ root: largest.dist, mountPath: '/', port });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`http://127.0.0.1:${port}/`, { waitUntil: 'load' });
    const paint = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN);
    await page.waitForFunction(() => document.querySelector('[data-list-link]') !== null);
    const nodes = await page.evaluate(() => document.getElementsByTagName('*').length);
    row(`DOM nodes on the list, ${maxArticles.toLocaleString('en')} articles`, nodes.toLocaleString('en'), '≤ 1,500', nodes <= 1500);
    row(`time to first list paint, ${maxArticles.toLocaleString('en')} articles (this machine)`, `${Math.round(paint)} ms`, '', null);

    // Search as a phone meets it: what each query fetches and how long it takes (tests/bench/search-bench.ts).
    const figures = await measureSearch(page, largest.dist, path.join(work, `seeds-${maxArticles}`));
    const at = maxArticles.toLocaleString('en');
    row(`first search (“${figures.firstQuery}”, typed): bytes fetched (gzip), ${at} articles`, kib(figures.firstSearchBytes), '≤ 300 KiB', figures.firstSearchBytes <= 300 * 1024);
    row(`first search: focus to results, ${at} articles (this machine)`, `${figures.firstSearchMs} ms`, '', null);
    const further = Math.max(...figures.furtherBytes);
    row(`each further distinct query (typed): bytes fetched, max (median)`, `${kib(further)} (${kib(percentile(figures.furtherBytes, 0.5))})`, '≤ 100 KiB', further <= 100 * 1024);
    const all = [...figures.latencyByWords.values()].flat();
    const perLength = [...figures.latencyByWords].map(([words, times]) => `${words}w ${Math.round(percentile(times, 0.95))}`).join(', ');
    row(`search latency p95 by query length (ms), shards in, ${at} articles`, perLength, '', null);
    const p95 = percentile(all, 0.95);
    row(`search latency p95, 1–12 words (${all.length} queries, this machine)`, `${Math.round(p95)} ms`, '≤ 50 ms', p95 <= 50);
  } finally {
    await browser.close();
    server.close();
  }

  await lighthouseRows(builds.get(1000)?.dist ?? largest.dist);

  // Speed is not bought with worse answers: the relevance suite on a generated collection.
  const relevance = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', 'src/domain/search/search-relevance.test.ts'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const tally = /Tests\s+(.*\(\d+\))/.exec(relevance.stdout)?.[1] ?? 'did not run';
  row('search relevance suite (top-3 answers: headline, body phrase, typo, prefix, Arabic, accents)', tally.trim(), 'all pass', relevance.status === 0);

  await scaleRows();
  printTable();
} finally {
  rmSync(work, { recursive: true, force: true });
}
