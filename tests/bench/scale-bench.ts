/**
 * The reader at archive scale (100,000 articles by default): `npm run bench -- --only scale
 * [--count N] [--corpus DIR] [--timeout S]`. Builds the collection with `vite build` under GNU
 * time (wall time, peak memory, exit status), sizes the output, then measures the reader in Chromium: the bytes of `/` against
 * a one-article build, the elements on `/`, the bytes of the first search. Also the search index
 * writer alone, in Node (tests/bench/search-index-bench.ts). Last, the rebuilds from the build
 * cache: after ten new seeds (a day's news), one corrected and one removed. A build that fails (the heap runs
 * out) or runs past the timeout is a row that says so; the figures that need its output are
 * reported as not measured.
 *
 * --corpus takes an existing collection without writing into it: its files are hard-linked (or
 * copied) into the bench's own folder, where the ten new seeds go.
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { startStaticServer } from '../e2e/static-server.ts';
import { measureOutput } from '../../src/build/output-size.ts';
import { buildCacheDir } from '../../src/build/build-cache.ts';
import { generateSeeds, writeCorpus } from '../tools/make-corpus.ts';
import { measureFirstSearch } from './search-bench.ts';

export type AddRow = (what: string, figure: string, budget: string, met: boolean | null) => void;

export interface ScaleOptions {
  count: number;
  /** An existing collection to build instead of generating one. */
  corpus: string | undefined;
  /** The bench's scratch folder. */
  work: string;
  port: number;
  timeoutSeconds: number;
}

interface TimedBuild {
  ok: boolean;
  seconds: number;
  peakMiB: number | null;
  /** Why it failed, in a line: the heap ran out, a timeout, or the last line of its error output. */
  failure: string;
}

const vite = path.resolve('node_modules/vite/bin/vite.js');
/**
 * As `npm run build` runs Vite: with each thread's heap capped, so V8 collects before it grows. The
 * streaming build needs far less, but left to its default a heap grows lazily towards a quarter of
 * the machine's memory (3.1 GiB peak at 100,000 articles on a 24 GiB machine; 1.7 GiB capped).
 */
export const BUILD_NODE_ARGS = ['--max-old-space-size=2048', vite];
const MiB = 2 ** 20;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const mib = (bytes: number) => `${(bytes / MiB).toFixed(0)} MiB`;

/** `vite build` of `seedsDir` into `outDir` in a process group of its own, killed whole at the timeout. */
function timedBuild(seedsDir: string, outDir: string, timeoutSeconds: number): Promise<TimedBuild> {
  const useTime = existsSync('/usr/bin/time');
  const args = [...BUILD_NODE_ARGS, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'];
  // GNU time writes its report to a file of its own: in the build's stderr it could be cut off or mixed with the build's last words.
  const report = `${outDir}.time.txt`;
  rmSync(report, { force: true });
  const [command, commandArgs] = useTime ? ['/usr/bin/time', ['-v', '-o', report, process.execPath, ...args]] : [process.execPath, args];
  const started = performance.now();
  const child = spawn(command, commandArgs, { env: { ...process.env, SEEDS_DIR: seedsDir }, detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    // The tail is what says why a build died; keep it bounded.
    stderr = (stderr + chunk).slice(-256 * 1024);
  });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    if (child.pid) process.kill(-child.pid, 'SIGKILL');
  }, timeoutSeconds * 1000);
  return new Promise((resolve) => {
    child.on('close', (code) => {
      clearTimeout(timer);
      const seconds = (performance.now() - started) / 1000;
      const timeReport = existsSync(report) ? readFileSync(report, 'utf8') : '';
      const peak = /Maximum resident set size \(kbytes\): (\d+)/.exec(timeReport)?.[1];
      const ok = !timedOut && code === 0;
      let failure = '';
      if (timedOut) failure = `stopped at the ${timeoutSeconds} s timeout`;
      else if (/heap out of memory|Reached heap limit/i.test(stderr)) failure = 'JavaScript heap out of memory';
      else if (!ok) {
        // The build's first error, else its last line.
        const lines = stderr.split('\n').map((line) => line.trim()).filter(Boolean);
        failure = lines.find((line) => /^\w*Error\b/.test(line)) ?? lines.at(-1) ?? `exit status ${code ?? 'unknown'}`;
      }
      resolve({ ok, seconds, peakMiB: peak ? Number(peak) / 1024 : null, failure });
    });
  });
}

/**
 * Gzipped bytes of what a first visit to `/` downloads: the HTML, and the scripts, styles and
 * manifest (build.json, preloaded) it loads before the app starts (counted with the scripts).
 */
export function firstViewBytes(dist: string): { html: number; jsCss: number } {
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const assets = [...html.matchAll(/(?:src|href)="\.?\/?([^"]+\.(?:js|css|json))"/g)].map((m) => m[1] as string);
  const gzip = (file: string) => gzipSync(readFileSync(path.join(dist, file))).length;
  return { html: gzipSync(html).length, jsCss: assets.reduce((sum, file) => sum + gzip(file), 0) };
}

/** The bench's own copy of a collection: hard links where the file system allows, copies where not. */
async function seedsFolder(options: ScaleOptions): Promise<string> {
  const seeds = path.join(options.work, `scale-seeds-${options.count}`);
  if (!options.corpus) {
    await writeCorpus(options.count, seeds);
    return seeds;
  }
  // Nothing of an earlier run (the seeds it added) may be left in the copy.
  rmSync(seeds, { recursive: true, force: true });
  mkdirSync(seeds, { recursive: true });
  for (const name of readdirSync(options.corpus)) {
    const from = path.join(options.corpus, name);
    try {
      linkSync(from, path.join(seeds, name));
    } catch {
      copyFileSync(from, path.join(seeds, name));
    }
  }
  return seeds;
}

/** The search index writer alone, in a process of its own so its peak memory is its own. */
function searchIndexRows(seeds: string, at: string, row: AddRow): void {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'tests/bench/search-index-bench.ts', '--seeds', seeds, '--json'], { encoding: 'utf8', maxBuffer: 16 * MiB });
  const json = run.stdout.trim().split('\n').at(-1) ?? '';
  if (run.status !== 0 || !json.startsWith('{')) {
    row(`search index writer alone, ${at} articles`, `failed: ${run.stderr.trim().split('\n').at(-1) ?? `exit ${run.status}`}`, '', false);
    return;
  }
  const figures = JSON.parse(json) as { addSeconds: number; finishSeconds: number; snapshotBytes: number; snapshotSaveSeconds: number; snapshotLoadSeconds: number; appendedArticles: number; appendSeconds: number; peakRssMiB: number; heapAfterAddsMiB: number; files: number; bytes: number; firstQuery: string; firstSearchBytes: number };
  row(`search index alone (parse, add, write), ${at} articles (this machine)`, `${(figures.addSeconds + figures.finishSeconds).toFixed(1)} s, peak ${Math.round(figures.peakRssMiB)} MiB, heap after adds ${Math.round(figures.heapAfterAddsMiB)} MiB`, '', null);
  row(
    `search index rebuilt from its snapshot plus ${figures.appendedArticles} articles, ${at} articles (this machine)`,
    `snapshot ${mib(figures.snapshotBytes)}: save ${figures.snapshotSaveSeconds.toFixed(2)} s, load ${figures.snapshotLoadSeconds.toFixed(2)} s, add ${figures.appendSeconds.toFixed(2)} s, write ${figures.finishSeconds.toFixed(1)} s`,
    '',
    null,
  );
  row(`search index files, ${at} articles`, `${figures.files.toLocaleString('en')} files, ${mib(figures.bytes)}`, '', null);
  row(`first search (“${figures.firstQuery}”, every prefix) in Node: index bytes (gzip), ${at} articles`, kib(figures.firstSearchBytes), '≤ 500 KiB', figures.firstSearchBytes <= 500 * 1024);
}

export async function measureScale(options: ScaleOptions, row: AddRow): Promise<void> {
  const at = options.count.toLocaleString('en');
  const seeds = await seedsFolder(options);
  const articles = readdirSync(seeds).filter((name) => name.endsWith('.txt')).length;
  console.log(`scale: ${articles.toLocaleString('en')} seeds in ${seeds}`);
  searchIndexRows(seeds, at, row);

  const dist = path.join(options.work, `scale-dist-${options.count}`);
  // A full build: with no earlier output the build cache is not used (and the rebuilds below use the one it leaves).
  rmSync(dist, { recursive: true, force: true });
  const built = await timedBuild(seeds, dist, options.timeoutSeconds);
  const peak = built.peakMiB === null ? 'n/a' : `${Math.round(built.peakMiB)} MiB`;
  if (!built.ok) {
    row(`build, ${at} articles`, `FAILED after ${built.seconds.toFixed(0)} s at ${peak}: ${built.failure}`, '≤ 240 s, ≤ 3 GiB', false);
    row(`output, rebuild and reader at ${at}`, 'not measured: the build failed', '', null);
    return;
  }
  row(`build time, ${at} articles`, `${built.seconds.toFixed(1)} s`, '≤ 240 s', built.seconds <= 240);
  row(`build peak memory (max RSS), ${at} articles`, peak, '≤ 3 GiB', built.peakMiB === null ? null : built.peakMiB <= 3 * 1024);
  const size = measureOutput(dist);
  row(`output size and file count, ${at} articles`, `${mib(size.totalBytes)}, ${size.files.toLocaleString('en')} files`, '≤ 1 GiB, ≤ 20,000 files', size.totalBytes <= 2 ** 30 && size.files <= 20_000);
  row(`largest output file, ${at} articles`, `${size.largestFile?.path ?? ''} ${kib(size.largestFile?.bytes ?? 0)}`, '', null);

  const one = await timedBuild(path.resolve('seeds'), path.join(options.work, 'scale-dist-1'), options.timeoutSeconds);
  if (one.ok) {
    const firstView = (folder: string) => {
      const bytes = firstViewBytes(folder);
      return bytes.html + bytes.jsCss;
    };
    const large = firstView(dist);
    const small = firstView(path.join(options.work, 'scale-dist-1'));
    row(`bytes to show / (gzip), ${at} articles vs 1`, `${kib(large)} vs ${kib(small)} = ${(large / small).toFixed(2)}×`, '≤ 1.10×', large / small <= 1.1);
  } else row(`bytes to show / (gzip), ${at} articles vs 1`, `not measured: the one-article build failed (${one.failure})`, '≤ 1.10×', false);

  const server = await startStaticServer({ root: dist, mountPath: '/', port: options.port });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
  try {
    const page = await browser.newPage({ viewport: { width: 412, height: 900 } });
    await page.goto(`http://127.0.0.1:${options.port}/`, { waitUntil: 'load' });
    await page.waitForFunction(() => document.querySelector('[data-list-link]') !== null);
    const elements = await page.evaluate(() => document.getElementsByTagName('*').length);
    row(`DOM elements on /, ${at} articles`, elements.toLocaleString('en'), '≤ 1,500', elements <= 1500);
    const search = await measureFirstSearch(page, dist, seeds);
    const parts = [...search.bytesByKind].map(([kind, bytes]) => `${kind} ${kib(bytes)}`).join(', ');
    row(`first search (“${search.firstQuery}”, typed) in Chromium: bytes (gzip), ${at} articles`, `${kib(search.firstSearchBytes)} (${parts})`, '≤ 500 KiB', search.firstSearchBytes <= 500 * 1024);
  } catch (error) {
    row(`reader at ${at} articles`, `failed: ${(error as Error).message.split('\n')[0] ?? ''}`, '', false);
  } finally {
    await browser.close();
    server.close();
  }

  await measureRebuilds(seeds, dist, at, options.timeoutSeconds, row);
}

/**
 * Builds again into the same folder, from the cache the last build left: after a day's news (ten
 * new seeds, named to sort after the rest, as dated or numbered names do), after one article's text
 * is corrected, and after one is removed (the articles after it move up a place, and the search
 * index, keyed by place, is built afresh).
 */
async function measureRebuilds(seeds: string, dist: string, at: string, timeoutSeconds: number, row: AddRow): Promise<void> {
  const names = readdirSync(seeds).filter((name) => name.endsWith('.txt')).sort();
  const middle = names[Math.floor(names.length / 2)] ?? '';
  const changes: [string, string, () => void][] = [
    [`adding 10 articles to ${at}`, '≤ 30 s', () => {
      for (const { name, text } of generateSeeds(10, 2027)) writeFileSync(path.join(seeds, `added-${name}`), text);
    }],
    ['correcting the text of one article in the middle', '', () => {
      const [headline = '', ...rest] = readFileSync(path.join(seeds, middle), 'utf8').split('\n');
      // A copy of the seed is edited, so a collection hard-linked from elsewhere stays as it was.
      rmSync(path.join(seeds, middle));
      writeFileSync(path.join(seeds, middle), [headline, 'A correction: an earlier version of this report gave the wrong date.', ...rest].join('\n'));
    }],
    ['removing one article in the middle', '', () => rmSync(path.join(seeds, names[Math.floor(names.length / 3)] ?? ''))],
  ];
  for (const [change, budget, apply] of changes) {
    apply();
    const rebuilt = await timedBuild(seeds, dist, timeoutSeconds);
    const what = `rebuild after ${change}`;
    const met = budget ? rebuilt.ok && rebuilt.seconds <= 30 : null;
    if (rebuilt.ok) row(what, `${rebuilt.seconds.toFixed(1)} s, ${rebuilt.peakMiB === null ? 'n/a' : `${Math.round(rebuilt.peakMiB)} MiB`}`, budget, met);
    else row(what, `FAILED after ${rebuilt.seconds.toFixed(0)} s: ${rebuilt.failure}`, budget, false);
  }
  // The cache of the bench's own output folder (a new one each run): hundreds of MiB at 100,000 articles.
  const cache = buildCacheDir(path.resolve('node_modules/.vite'), dist);
  row(`build cache kept for ${at} articles`, mib(folderBytes(cache)), '', null);
  rmSync(cache, { recursive: true, force: true });
}

function folderBytes(folder: string): number {
  let total = 0;
  for (const name of readdirSync(folder)) total += statSync(path.join(folder, name)).size;
  return total;
}
