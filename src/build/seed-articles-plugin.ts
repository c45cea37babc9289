import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Logger, Plugin, ResolvedConfig } from 'vite';
import { formatCorpusReport, type Corpus } from '../domain/articles/build-corpus.ts';
import { articlePackCount, currentBuildJson, CURRENT_BUILD_PATH, LIST_PAGE_SIZE, shardCount, type CorpusManifest } from '../domain/articles/corpus-layout.ts';
import { startPrerenderer } from './prerender.ts';
import { atomFeed, robotsTxt, sitemap } from './site-files.ts';
import { articleDirName, buildCodeVersion, dataDirName, rendererVersion } from './build-fingerprint.ts';
import { formatHostingReport } from './hosting-report.ts';
import { measureOutput, OutputTally } from './output-size.ts';
import { scanSeedsFolder, type ScannedCorpus } from './seed-scan.ts';
import { buildCorpusData, loadCorpus, type CorpusBuild } from './in-memory-corpus.ts';
import { emptiesOutDir, emptyFolder, removeSearchStaging, searchStagingFolder } from './output-folder.ts';
import { screenChunks } from './screen-chunks.ts';
import { startSearchIndexThread, type SearchIndexThread } from './search-index-thread.ts';
import { firstPrerendered, writeCorpusOutput } from './write-corpus.ts';
import { appVersion, buildCacheDir, dropBuildCache, finishedBuildCache, loadBuildCache, saveBuildCache, searchSnapshotFile, snapshotSeedIndexes, type BuildCacheState, type LoadedCache } from './build-cache.ts';
import type { SearchSnapshotInput } from './search-index-worker.ts';

export const ARTICLES_MODULE_ID = 'virtual:articles';
const RESOLVED_ID = `\0${ARTICLES_MODULE_ID}`;

/**
 * Serves the manifest as `virtual:articles`, to the prerender (src/entry-server.tsx). The browser's
 * app must not import it: it loads build.json, so its own files do not change with the seeds.
 */
export function articlesModule(getManifest: () => CorpusManifest): Plugin {
  return {
    name: 'broadsheet:articles-module',
    resolveId(id) {
      return id === ARTICLES_MODULE_ID ? RESOLVED_ID : undefined;
    },
    load(id) {
      if (id !== RESOLVED_ID) return undefined;
      return `export const manifest = ${JSON.stringify(getManifest())};`;
    },
  };
}

export interface SeedArticlesOptions {
  seedsDir: string;
  strict?: boolean;
  /** Prerender every route's HTML (the production build); off for unit tests of the plugin. */
  prerender?: boolean;
  /** The site's absolute URL, when known: canonical links, absolute feed links, sitemap.xml, robots.txt. */
  siteUrl?: string | undefined;
  /** Articles read, written and prerendered together by the build (BUILD_BATCH_SIZE). */
  batchSize?: number;
  /**
   * For a host with a file cap (PRERENDER_LIMIT): prerender only the newest this many articles (the
   * last in file order) and pack every article's JSON a few to a file; the others are served by the
   * app through 404.html.
   */
  prerenderLimit?: number | undefined;
  /**
   * Keep a build cache (BUILD_CACHE, on unless "0"): the next build into the same folder rewrites
   * only the files of articles that changed (see build-cache.ts). The output folder is then updated
   * in place rather than emptied.
   */
  cache?: boolean;
}

/** The build's own folders, whose files the hosting report counts as they are written rather than walking them. */
const TALLIED_FOLDERS: ReadonlySet<string> = new Set(['data', 'article']);

/** A batch this size keeps a build's memory flat while paying the per-batch cost (a renderer, a write burst) rarely. */
export const DEFAULT_BATCH_SIZE = 500;

/** What the build's first pass learnt, for the hooks after it. */
interface BuildState {
  scanned: ScannedCorpus;
  search: SearchIndexThread;
  manifest: CorpusManifest;
  /** The code that reads seeds and lays them out, with the build's options: names the articles' folder. */
  layoutVersion: string;
  /**
   * With the cache (the output folder is not emptied by Vite), the search index is written as soon
   * as it is indexed, while Vite bundles the app, into this folder of the output; writeBundle moves
   * it into the data folder once that folder is settled. Null: written in writeBundle.
   */
  searchStaging: { folder: string; files: Promise<[path: string, bytes: number][]> } | null;
}

/**
 * Parses `seeds/` and serves a small manifest as `virtual:articles`. The production build streams:
 * its first pass (buildStart) reads every seed once and keeps each article's summary and search
 * terms, never its text; once Vite has written the app, its second pass (writeBundle) reads the
 * seeds again in batches and writes each batch's data files and prerendered pages straight into
 * the output folder, then the list pages, the search index, feed.xml (and sitemap.xml and
 * robots.txt with a site URL). The dev server keeps the whole collection in memory instead.
 * Prints a report of skipped files and warnings on every build; with STRICT_SEEDS=1 a skipped
 * file fails the build.
 */
export function seedArticles(options: SeedArticlesOptions): Plugin {
  const seedsDir = path.resolve(options.seedsDir);
  const label = path.basename(seedsDir);
  let corpus: Corpus | null = null;
  let data: CorpusBuild | null = null;
  let build: BuildState | null = null;
  let config: ResolvedConfig;
  const streaming = () => config.command === 'build';
  const caching = options.cache ?? false;
  /** Whether the output folder is to be emptied, as the user's config and Vite's default have it (the cache takes that job over). */
  let asksEmpty: boolean | undefined;
  let outDir = '';
  let cacheDir = '';
  let cache: LoadedCache = { state: null, reason: 'off' };
  let codeVersion = '';

  const report = (logger: Logger, loaded: Pick<Corpus, 'skipped' | 'warnings'> & { articles: readonly unknown[] }) => {
    const text = formatCorpusReport(loaded, label);
    if (loaded.skipped.length || loaded.warnings.length) logger.warn(text);
    else logger.info(text);
  };
  const currentCorpus = (logger: Logger): Corpus => {
    if (!corpus) {
      corpus = loadCorpus(seedsDir);
      report(logger, corpus);
    }
    return corpus;
  };
  const currentData = (): CorpusBuild => (data ??= buildCorpusData(currentCorpus(config.logger).articles));
  const scanOnce = (): BuildState => {
    if (build) return build;
    const started = performance.now();
    let search: SearchIndexThread | null = null;
    const previous = cache.state;
    const saveSnapshot = caching ? { saveSnapshot: searchSnapshotFile(cacheDir) } : {};
    const startSearch = (names: readonly string[], snapshot?: SearchSnapshotInput) => startSearchIndexThread({ seedsDir, names: [...names], ...saveSnapshot, ...(snapshot ? { snapshot } : {}) });
    let listed: readonly string[] = [];
    // The search index is built on a thread of its own: from scratch, reading the same seeds
    // alongside this scan; or from the last build's snapshot, once this scan has said which seeds
    // it still holds unchanged.
    const known = previous ? new Map(Object.entries(previous.seeds)) : undefined;
    const scanned = scanSeedsFolder(seedsDir, {
      known,
      onListed: (names) => {
        listed = names;
        if (!previous?.search) search = startSearch(names);
      },
    });
    if (previous?.search) {
      const { file, digest, articles } = previous.search;
      search = startSearch(listed, { file, digest, seeds: snapshotSeedIndexes(previous, articles, scanned, listed) });
    }
    if (!search) throw new Error('the seeds folder was never listed');
    const staging = caching ? searchStagingFolder() : null;
    const searchStaging = staging ? { folder: staging, files: search.write(outDir, `${staging}/`) } : null;
    // Awaited in writeBundle: until then a failure must not count as unhandled.
    searchStaging?.files.catch(() => {});
    const layoutVersion = `${codeVersion}:${options.prerenderLimit ?? 'all'}`;
    const manifest: CorpusManifest = {
      total: scanned.entries.length,
      pageSize: LIST_PAGE_SIZE,
      shards: shardCount(scanned.entries.length),
      dataDir: dataDirName(scanned.contentHash, layoutVersion),
      articleDir: articleDirName(layoutVersion),
      ...(options.prerenderLimit === undefined ? {} : { articlePacks: articlePackCount(scanned.entries.length) }),
    };
    report(config.logger, { articles: scanned.entries, skipped: scanned.skipped, warnings: scanned.warnings });
    const reused = scanned.reused ? ` (${scanned.reused.toLocaleString('en')} unchanged seeds not parsed again)` : '';
    config.logger.info(`${label}: read in ${seconds(performance.now() - started)}${reused}`);
    return (build = { scanned, search, manifest, layoutVersion, searchStaging });
  };
  const currentManifest = () => (streaming() ? scanOnce().manifest : currentData().manifest);
  const module = articlesModule(currentManifest);
  let written: { outDir: string; tally: OutputTally } | null = null;
  /** The cache this build leaves, saved once the whole build has succeeded. */
  let pendingCache: BuildCacheState | null = null;

  return {
    name: 'broadsheet:seed-articles',
    config(user, { command }) {
      if (command !== 'build' || !caching) return;
      asksEmpty = user.build?.emptyOutDir ?? undefined;
      // Updated in place, file by file, instead (see buildStart and writeBundle).
      return { build: { emptyOutDir: false } };
    },
    configResolved(resolved) {
      config = resolved;
    },
    buildStart() {
      if (streaming()) {
        outDir = path.resolve(config.root, config.build.outDir);
        cacheDir = buildCacheDir(config.cacheDir, outDir);
        codeVersion = buildCodeVersion(config.root);
        // Held in memory from here: the folder is about to change, and a build that stops half-way
        // must leave no cache behind (nor may a build without one leave an older one to be trusted).
        cache = caching ? loadBuildCache(cacheDir, outDir, codeVersion) : { state: null, reason: 'off' };
        dropBuildCache(cacheDir);
        if (caching && !cache.state) {
          config.logger.info(`${label}: build cache not used: ${cache.reason}; a full build`);
          // What Vite would have done: nothing of an earlier build is left to be served by mistake.
          if (emptiesOutDir(asksEmpty, config.root, outDir)) emptyFolder(outDir);
        }
        removeSearchStaging(outDir);
      }
      const scanned = streaming() ? scanOnce().scanned : null;
      const loaded = scanned ? { ...scanned, articles: scanned.entries } : currentCorpus(config.logger);
      if (options.strict && loaded.skipped.length > 0) {
        this.error(`STRICT_SEEDS is set and ${loaded.skipped.length} seed file(s) were skipped:\n${formatCorpusReport(loaded, label)}`);
      }
    },
    resolveId: module.resolveId,
    load: module.load,
    configureServer(server) {
      server.watcher.add(seedsDir);
      const reload = (file: string) => {
        if (path.dirname(path.resolve(file)) !== seedsDir) return;
        corpus = null;
        data = null;
        const loaded = server.moduleGraph.getModuleById(RESOLVED_ID);
        if (loaded) server.moduleGraph.invalidateModule(loaded);
        server.ws.send({ type: 'full-reload' });
      };
      server.watcher.on('add', reload);
      server.watcher.on('change', reload);
      server.watcher.on('unlink', reload);
      // The data files and build.json the build would write, served from memory.
      server.middlewares.use((request, response, next) => {
        const url = new URL(request.url ?? '/', 'http://dev.invalid');
        const base = config.base.startsWith('/') ? config.base : '/';
        let file = '';
        try {
          file = url.pathname.startsWith(base) ? decodeURIComponent(url.pathname.slice(base.length)) : '';
        } catch {
          return next(); // A malformed address is no data file: the server's own 404.
        }
        const json = file === CURRENT_BUILD_PATH ? currentBuildJson(currentData().manifest) : file.startsWith('data/') ? currentData().files.get(file) : undefined;
        if (json === undefined) return next();
        response.setHeader('Content-Type', 'application/json; charset=utf-8');
        response.end(json);
      });
    },
    generateBundle: {
      order: 'post',
      handler() {
        // Small files that need every article's summary but no text; the rest is written after the bundle.
        const { scanned, manifest } = scanOnce();
        this.emitFile({ type: 'asset', fileName: CURRENT_BUILD_PATH, source: currentBuildJson(manifest) });
        this.emitFile({ type: 'asset', fileName: 'feed.xml', source: atomFeed(scanned.entries, { siteUrl: options.siteUrl, updated: new Date() }) });
        if (options.siteUrl) {
          // Only the articles with a page of their own: the others answer 404 (the app shows them all the same).
          const prerendered = scanned.entries.slice(firstPrerendered(scanned.entries.length, options.prerenderLimit));
          this.emitFile({ type: 'asset', fileName: 'sitemap.xml', source: sitemap(prerendered, options.siteUrl) });
          this.emitFile({ type: 'asset', fileName: 'robots.txt', source: robotsTxt(options.siteUrl) });
        }
      },
    },
    writeBundle: {
      // After Vite wrote index.html and the assets, before the service worker's precache list is made (closeBundle).
      sequential: true,
      order: 'post',
      async handler(output, bundle) {
        const shell = bundle['index.html'];
        if (!shell || shell.type !== 'asset' || !output.dir) return;
        const started = performance.now();
        const { scanned, search, manifest, layoutVersion, searchStaging } = scanOnce();
        const relative = !config.base.startsWith('/');
        const base = relative ? './' : config.base;
        const documentOptions = { siteUrl: options.siteUrl, relative, screenChunks: screenChunks(bundle, base) };
        const version = appVersion({ layoutVersion, renderer: rendererVersion(config.root), shell: String(shell.source), documentOptions, prerender: Boolean(options.prerender), articleDir: manifest.articleDir });
        let previous: BuildCacheState | null = null;
        if (caching) {
          previous = cache.state?.appVersion === version ? cache.state : null;
          if (cache.state && !previous) config.logger.info(`${label}: build cache not used: the app, or how it is built, changed; every page is written again`);
          if (!previous && cache.state && emptiesOutDir(asksEmpty, config.root, outDir)) {
            for (const folder of TALLIED_FOLDERS) rmSync(path.join(outDir, folder), { recursive: true, force: true });
          }
          // What the last build's bundle had and this one has not (assets named by their hash, a
          // sitemap without SITE_URL): emptying the folder removed it before. A file now in public/
          // was copied there by Vite and stays.
          for (const file of cache.state?.bundleFiles ?? []) {
            if (!(file in bundle) && !existsSync(path.join(config.publicDir, file))) rmSync(path.join(outDir, file), { force: true });
          }
        }
        const prerenderer = options.prerender ? await startPrerenderer(config.root, module) : null;
        // What goes into the data folder and article/ is counted as written, for the hosting report.
        const tally = new OutputTally();
        const tallied = (file: string, bytes: number) => {
          if (TALLIED_FOLDERS.has(file.slice(0, file.indexOf('/')))) tally.add(file, bytes);
        };
        try {
          let lastLog = performance.now();
          const result = await writeCorpusOutput({
            previous,
            outDir: output.dir,
            seedsDir,
            scanned,
            manifest,
            async writeSearchIndex() {
              const indexed = await search.indexed;
              if (indexed !== scanned.entries.length) throw new Error(`the seeds changed while the build read them (${indexed} articles indexed for search, ${scanned.entries.length} scanned); build again`);
              if (!searchStaging) {
                for (const [file, bytes] of await search.write(output.dir ?? '', manifest.dataDir)) tallied(file, bytes);
                return;
              }
              const files = await searchStaging.files;
              const target = path.join(output.dir ?? '', manifest.dataDir, 'search');
              rmSync(target, { recursive: true, force: true });
              mkdirSync(path.dirname(target), { recursive: true });
              renameSync(path.join(output.dir ?? '', searchStaging.folder, 'search'), target);
              rmSync(path.join(output.dir ?? '', searchStaging.folder), { recursive: true, force: true });
              for (const [file, bytes] of files) tallied(`${manifest.dataDir}${file.slice(searchStaging.folder.length + 1)}`, bytes);
            },
            batchSize: options.batchSize ?? DEFAULT_BATCH_SIZE,
            prerenderLimit: options.prerenderLimit,
            shell: String(shell.source),
            shellUrl: (file) => `${base}${file}`,
            documentOptions,
            prerenderer,
            written: tallied,
            onBatch(done, total) {
              if (performance.now() - lastLog < 10_000 && done < total) return;
              lastLog = performance.now();
              config.logger.info(`${label}: ${done.toLocaleString('en')} of ${total.toLocaleString('en')} articles written (${seconds(performance.now() - started)})`);
            },
          });
          if (previous) config.logger.info(`${label}: ${result.written.toLocaleString('en')} articles written, ${result.kept.toLocaleString('en')} unchanged and kept as they were`);
          const snapshot = await search.snapshot;
          if (snapshot.rejected) config.logger.info(`${label}: the search index was built afresh (the last build's snapshot was not used: ${snapshot.rejected})`);
          else if (snapshot.reusedNames) config.logger.info(`${label}: the search index went on from the last build's (${snapshot.reusedNames.toLocaleString('en')} seeds not read again)`);
          if (snapshot.saveFailed) config.logger.warn(`${label}: the search index snapshot was not saved (${snapshot.saveFailed}); the next build indexes every seed`);
          if (caching) {
            pendingCache = finishedBuildCache({ codeVersion, appVersion: version, bundleFiles: Object.keys(bundle), manifest, scanned, output: result, searchSnapshot: snapshot.saved });
          }
        } finally {
          await Promise.all([prerenderer?.close(), search.stop()]);
        }
        // The summaries and the index are done with: the service worker's step after this has the memory back.
        build = null;
        written = { outDir: output.dir, tally };
      },
    },
    async buildEnd(error) {
      // A failed build must not be kept alive by the search index's thread, nor leave its staging folder.
      if (error && build) {
        await build.search.stop();
        if (build.searchStaging) rmSync(path.join(outDir, build.searchStaging.folder), { recursive: true, force: true });
      }
    },
    closeBundle: {
      // Last, after the service worker is written, so the report counts every file the host will get.
      order: 'post',
      async handler() {
        if (build) await build.search.stop();
        // A writeBundle that failed may have left the search index staged.
        if (outDir) removeSearchStaging(outDir);
        if (pendingCache) saveBuildCache(cacheDir, pendingCache);
        pendingCache = null;
        if (!written) return;
        config.logger.info(formatHostingReport(measureOutput(written.outDir, { folders: TALLIED_FOLDERS, stats: written.tally.stats() })));
        written = null;
      },
    },
  };
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
