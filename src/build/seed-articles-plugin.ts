import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Logger, Plugin, ResolvedConfig } from 'vite';
import { buildCorpus, formatCorpusReport, SEED_EXTENSION, type Corpus, type SeedFile } from '../domain/articles/build-corpus.ts';
import { prerenderPages } from './prerender.ts';
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

/** Serves the parsed articles as the `virtual:articles` module, so the browser never sees raw seed text. */
export function articlesModule(getCorpus: () => Corpus): Plugin {
  return {
    name: 'broadsheet:articles-module',
    resolveId(id) {
      return id === ARTICLES_MODULE_ID ? RESOLVED_ID : undefined;
    },
    load(id) {
      if (id !== RESOLVED_ID) return undefined;
      // JSON.parse of a string literal is faster for the engine to load than a large object literal.
      return `export const articles = JSON.parse(${JSON.stringify(JSON.stringify(getCorpus().articles))});`;
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
}

/**
 * Parses `seeds/` at build time, serves the articles as `virtual:articles`, and writes one
 * prerendered HTML page per route plus feed.xml (and sitemap.xml and robots.txt with a site URL).
 * Prints a report of skipped files and warnings on every build; with STRICT_SEEDS=1 a skipped
 * file fails the build.
 */
export function seedArticles(options: SeedArticlesOptions): Plugin {
  const seedsDir = path.resolve(options.seedsDir);
  const label = path.basename(seedsDir);
  let corpus: Corpus | null = null;
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
  const module = articlesModule(() => currentCorpus(config.logger));

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
        const loaded = server.moduleGraph.getModuleById(RESOLVED_ID);
        if (loaded) server.moduleGraph.invalidateModule(loaded);
        server.ws.send({ type: 'full-reload' });
      };
      server.watcher.on('add', reload);
      server.watcher.on('change', reload);
      server.watcher.on('unlink', reload);
    },
    generateBundle: {
      // After Vite's own HTML plugin has written index.html with the hashed asset URLs.
      order: 'post',
      async handler(_options, bundle) {
        const shell = bundle['index.html'];
        if (!shell || shell.type !== 'asset') return;
        const { articles } = currentCorpus(config.logger);
        const pages = routePages(articles);
        const bodies = options.prerender ? await prerenderPages(config.root, pages, module) : new Map<string, string>();
        const html = String(shell.source);
        const documentOptions = { bodies, siteUrl: options.siteUrl, relative: !config.base.startsWith('/') };
        for (const page of pages) {
          const document = routeDocument(html, page, documentOptions);
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
