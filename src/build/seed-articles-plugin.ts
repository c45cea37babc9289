import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Logger, Plugin, ResolvedConfig } from 'vite';
import type { Article } from '../domain/articles/article.ts';
import { buildCorpus, formatCorpusReport, SEED_EXTENSION, type Corpus, type SeedFile } from '../domain/articles/build-corpus.ts';
import { currentBuildJson, CURRENT_BUILD_PATH, layoutCorpus, LIST_PAGE_SIZE, type ArticleEntry, type CorpusManifest } from '../domain/articles/corpus-layout.ts';
import { SearchIndexWriter } from '../domain/search/search-index-writer.ts';
import { prerenderPages } from './prerender.ts';
import { paths, SCREEN_ROUTES, type ScreenRoute } from '../config/paths.ts';
import { routeDocument, routePages } from './route-documents.ts';
import { atomFeed, robotsTxt, sitemap } from './site-files.ts';

export const ARTICLES_MODULE_ID = 'virtual:articles';
const RESOLVED_ID = `\0${ARTICLES_MODULE_ID}`;

/** Reads every seed file; a file that cannot be read is reported like one that cannot be parsed. */
export function readSeedsFolder(seedsDir: string): { files: SeedFile[]; unreadable: Corpus['skipped'] } {
  const files: SeedFile[] = [];
  const unreadable: Corpus['skipped'] = [];
  let names: string[];
  try {
    names = readdirSync(seedsDir, { withFileTypes: true })
      .filter((entry) => entry.isFile() && SEED_EXTENSION.test(entry.name))
      .map((entry) => entry.name);
  } catch (error) {
    return { files, unreadable: [{ file: '', message: `cannot read the seeds folder (${(error as Error).message})` }] };
  }
  for (const name of names) {
    try {
      files.push({ name, bytes: readFileSync(path.join(seedsDir, name)) });
    } catch (error) {
      unreadable.push({ file: name, message: `cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'})` });
    }
  }
  return { files, unreadable };
}

export function loadCorpus(seedsDir: string): Corpus {
  const { files, unreadable } = readSeedsFolder(seedsDir);
  const corpus = buildCorpus(files);
  return { ...corpus, skipped: [...unreadable, ...corpus.skipped] };
}

/** A collection laid out as the app's data files, with the manifest that finds them. */
export interface CorpusBuild {
  manifest: CorpusManifest;
  firstPage: ArticleEntry[];
  /** Full path under the output folder → JSON text. */
  files: Map<string, string>;
  /** Article slug → its document's JSON, embedded in the article's prerendered page. */
  documents: Map<string, string>;
}

export function buildCorpusData(articles: readonly Article[]): CorpusBuild {
  const { files, firstPage, shards } = layoutCorpus(articles);
  // Fed one article at a time: the writer keeps term counts, not texts.
  const search = new SearchIndexWriter();
  articles.forEach((article, position) => search.add(article, position));
  for (const [path, json] of search.finish().files) files.push({ path, json });
  // The folder is named by a hash of every file in it, so each file can be cached for ever.
  const hash = createHash('sha256');
  for (const file of files) hash.update(file.path).update('\0').update(file.json).update('\0');
  const manifest: CorpusManifest = { total: articles.length, pageSize: LIST_PAGE_SIZE, shards, dataDir: `data/${hash.digest('hex').slice(0, 10)}/` };
  const output = new Map(files.map((file) => [`${manifest.dataDir}${file.path}`, file.json]));
  const documents = new Map<string, string>();
  for (const file of files) if (file.path.startsWith('article/')) documents.set(file.path.slice('article/'.length, -'.json'.length), file.json);
  return { manifest, firstPage, files: output, documents };
}

/**
 * Serves the manifest and the first page of the list as `virtual:articles`: all the app carries of
 * the collection. The rest is fetched from the data files.
 */
export function articlesModule(getData: () => CorpusBuild): Plugin {
  return {
    name: 'broadsheet:articles-module',
    resolveId(id) {
      return id === ARTICLES_MODULE_ID ? RESOLVED_ID : undefined;
    },
    load(id) {
      if (id !== RESOLVED_ID) return undefined;
      const { manifest, firstPage } = getData();
      // JSON.parse of a string literal is faster for the engine to load than a large object literal.
      return `export const manifest = ${JSON.stringify(manifest)};\nexport const firstPage = JSON.parse(${JSON.stringify(JSON.stringify(firstPage))});`;
    },
  };
}

/** The chunk of each lazily loaded screen and the chunks it imports, as URLs under `base`. */
interface BundleChunk {
  type: 'chunk';
  fileName: string;
  isEntry: boolean;
  imports: string[];
  facadeModuleId: string | null;
}

function screenChunks(bundle: Record<string, { type: string }>, base: string): Partial<Record<ScreenRoute, string[]>> {
  const chunks = Object.values(bundle).filter((file): file is BundleChunk => file.type === 'chunk');
  const entry = chunks.find((chunk) => chunk.isEntry);
  const alreadyLoaded = new Set([entry?.fileName, ...(entry?.imports ?? [])]);
  const of = (source: string) => {
    const chunk = chunks.find((c) => c.facadeModuleId?.endsWith(source));
    if (!chunk) return [];
    return [chunk.fileName, ...chunk.imports].filter((file) => !alreadyLoaded.has(file)).map((file) => `${base}${file}`);
  };
  // The route table names each screen's module, so a new screen is preloaded without touching the build.
  return Object.fromEntries(SCREEN_ROUTES.map((route) => [route, of(`/${paths[route].screenModule}`)]));
}

export interface SeedArticlesOptions {
  seedsDir: string;
  strict?: boolean;
  /** Prerender every route's HTML (the production build); off for unit tests of the plugin. */
  prerender?: boolean;
  /** The site's absolute URL, when known: canonical links, absolute feed links, sitemap.xml, robots.txt. */
  siteUrl?: string | undefined;
}

/**
 * Parses `seeds/` at build time, serves a small manifest and the list's first page as
 * `virtual:articles`, writes the data files the app fetches (list pages, one file per article, the
 * search index), and one prerendered HTML page per route plus feed.xml (and sitemap.xml and
 * robots.txt with a site URL).
 * Prints a report of skipped files and warnings on every build; with STRICT_SEEDS=1 a skipped
 * file fails the build.
 */
export function seedArticles(options: SeedArticlesOptions): Plugin {
  const seedsDir = path.resolve(options.seedsDir);
  const label = path.basename(seedsDir);
  let corpus: Corpus | null = null;
  let data: CorpusBuild | null = null;
  let config: ResolvedConfig;

  const currentCorpus = (logger: Logger): Corpus => {
    if (!corpus) {
      corpus = loadCorpus(seedsDir);
      const report = formatCorpusReport(corpus, label);
      if (corpus.skipped.length || corpus.warnings.length) logger.warn(report);
      else logger.info(report);
    }
    return corpus;
  };
  const currentData = (): CorpusBuild => (data ??= buildCorpusData(currentCorpus(config.logger).articles));
  const module = articlesModule(currentData);

  return {
    name: 'broadsheet:seed-articles',
    configResolved(resolved) {
      config = resolved;
    },
    buildStart() {
      const loaded = currentCorpus(config.logger);
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
      // The data files the build would write, served from memory.
      server.middlewares.use((request, response, next) => {
        const url = new URL(request.url ?? '/', 'http://dev.invalid');
        const base = config.base.startsWith('/') ? config.base : '/';
        let file = '';
        try {
          file = url.pathname.startsWith(base) ? decodeURIComponent(url.pathname.slice(base.length)) : '';
        } catch {
          return next(); // A malformed address is no data file: the server's own 404.
        }
        const json = file.startsWith('data/') ? currentData().files.get(file) : undefined;
        if (json === undefined) return next();
        response.setHeader('Content-Type', 'application/json; charset=utf-8');
        response.end(json);
      });
    },
    generateBundle: {
      // After Vite's own HTML plugin has written index.html with the hashed asset URLs.
      order: 'post',
      async handler(_options, bundle) {
        const built = currentData();
        for (const [fileName, json] of built.files) this.emitFile({ type: 'asset', fileName, source: json });
        this.emitFile({ type: 'asset', fileName: CURRENT_BUILD_PATH, source: currentBuildJson(built.manifest) });
        const shell = bundle['index.html'];
        if (!shell || shell.type !== 'asset') return;
        const { articles } = currentCorpus(config.logger);
        const pages = routePages(articles);
        const bodies = options.prerender ? await prerenderPages(config.root, pages, articles, module) : new Map<string, string>();
        const html = String(shell.source);
        const relative = !config.base.startsWith('/');
        const documentOptions = { bodies, siteUrl: options.siteUrl, relative, screenChunks: screenChunks(bundle, relative ? './' : config.base) };
        for (const page of pages) {
          const document = routeDocument(html, page, { ...documentOptions, data: page.slug === undefined ? undefined : built.documents.get(page.slug) });
          if (page.fileName === 'index.html') shell.source = document;
          else this.emitFile({ type: 'asset', fileName: page.fileName, source: document });
        }
        this.emitFile({ type: 'asset', fileName: 'feed.xml', source: atomFeed(articles, { siteUrl: options.siteUrl, updated: new Date() }) });
        if (options.siteUrl) {
          this.emitFile({ type: 'asset', fileName: 'sitemap.xml', source: sitemap(articles, options.siteUrl) });
          this.emitFile({ type: 'asset', fileName: 'robots.txt', source: robotsTxt(options.siteUrl) });
        }
      },
    },
  };
}
