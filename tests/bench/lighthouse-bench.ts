/**
 * Lighthouse's mobile audit (its default: a mid-range phone, simulated slow 4G, simulated
 * throttling) of the three views a reader meets first: the list, an article and Highlights,
 * against a production build served with gzip as real hosts serve it, in Debian's Chromium. Each
 * view is audited `runs` times and the run of median performance is kept, as Lighthouse's own
 * guidance on variability advises: on a shared machine one run can be ten points off. Used by
 * `npm run bench`; runs alone against a built dist:
 *
 *   tsx tests/bench/lighthouse-bench.ts --dist DIR [--port N] [--runs N]
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { startStaticServer } from '../e2e/static-server.ts';

export interface LighthouseView {
  view: string;
  url: string;
  /** Category → score, 0–100. */
  scores: Record<string, number>;
  /** Metric → milliseconds (CLS: unitless, times 1,000). */
  metrics: { fcp: number; lcp: number; si: number; tbt: number; cls: number };
  /** The audits that cost the most, as Lighthouse names them, with their display value. */
  opportunities: string[];
  /** Performance scores of every run, the kept one among them. */
  runScores: number[];
  /** Lighthouse's measure of this machine's CPU speed, to tell a slow run from a slow page. */
  benchmarkIndex: number;
}

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

/** The paths of the three views in a built dist: the list, its first article, Highlights. */
export function viewPaths(dist: string): { view: string; path: string }[] {
  const article = readdirSync(path.join(dist, 'article')).sort()[0];
  return [
    { view: 'list', path: '/' },
    ...(article ? [{ view: 'article', path: `/article/${article}/` }] : []),
    { view: 'highlights', path: '/highlights/' },
  ];
}

/** Audits `dist` served at `port` (and the next port for Chromium's debugging connection). */
export async function measureLighthouse(dist: string, port: number, runs = 3): Promise<LighthouseView[]> {
  const server = await startStaticServer({ root: dist, mountPath: '/', port });
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    port: port + 1,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'],
    // A first start on a loaded machine can take longer than the default 25 s.
    maxConnectionRetries: 120,
  });
  try {
    const views: LighthouseView[] = [];
    for (const { view, path: pathname } of viewPaths(dist)) {
      const url = `http://127.0.0.1:${port}${pathname}`;
      const audited: Omit<LighthouseView, 'runScores'>[] = [];
      for (let run = 0; run < runs; run += 1) audited.push(await audit(view, url, chrome.port));
      const byScore = [...audited].sort((a, b) => (a.scores.performance ?? 0) - (b.scores.performance ?? 0));
      const median = byScore[Math.floor((byScore.length - 1) / 2)];
      if (median) views.push({ ...median, runScores: audited.map((result) => result.scores.performance ?? 0) });
    }
    return views;
  } finally {
    chrome.kill();
    server.close();
  }
}

async function audit(view: string, url: string, port: number): Promise<Omit<LighthouseView, 'runScores'>> {
  const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse could not audit ${url}: ${lhr.runtimeError.message}`);
  const ms = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
  const scores = Object.fromEntries(CATEGORIES.map((id) => [id, Math.round((lhr.categories[id]?.score ?? 0) * 100)]));
  const opportunities = Object.values(lhr.audits)
    .filter((item) => item.score !== null && item.score < 0.9 && item.scoreDisplayMode !== 'informative' && item.scoreDisplayMode !== 'notApplicable')
    .map((item) => `${item.id}${item.displayValue ? ` (${item.displayValue})` : ''}`);
  return {
    view,
    url,
    scores,
    metrics: { fcp: ms('first-contentful-paint'), lcp: ms('largest-contentful-paint'), si: ms('speed-index'), tbt: ms('total-blocking-time'), cls: ms('cumulative-layout-shift') * 1000 },
    opportunities,
    benchmarkIndex: Math.round(lhr.environment.benchmarkIndex),
  };
}

/** One line per view: the four scores, then the metrics. */
export function describeView({ view, scores, metrics, runScores, benchmarkIndex }: LighthouseView): string {
  const s = (seconds: number) => `${(seconds / 1000).toFixed(2)} s`;
  return `${view}: ${CATEGORIES.map((id) => `${id} ${scores[id]}`).join(', ')}; FCP ${s(metrics.fcp)}, LCP ${s(metrics.lcp)}, SI ${s(metrics.si)}, TBT ${Math.round(metrics.tbt)} ms, CLS ${(metrics.cls / 1000).toFixed(3)}; runs ${runScores.join('/')}, benchmark index ${benchmarkIndex}`;
}

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? undefined : process.argv[index + 1];
}

// Run as a script, not imported by bench.ts (whose name this file's name also ends with).
if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const dist = path.resolve(option('dist') ?? 'dist');
  const port = Number(option('port') ?? 4392);
  for (const view of await measureLighthouse(dist, port, Number(option('runs') ?? 3))) {
    console.log(describeView(view));
    if (view.opportunities.length > 0) console.log(`  below 90: ${view.opportunities.join(', ')}`);
  }
}
