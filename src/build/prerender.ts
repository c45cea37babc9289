import path from 'node:path';
import { createServer, type Plugin } from 'vite';
import type { ArticleDocument, ArticleEntry } from '../domain/articles/corpus-layout.ts';
import type { RoutePage } from './route-documents.ts';

/** What the pages of one batch are rendered from: the articles they show, and the list's first page for `/`. */
export interface PrerenderData {
  documents: readonly ArticleDocument[];
  firstPage?: readonly ArticleEntry[] | undefined;
}

/** What src/entry-server.tsx exports, stated here so the build (a Node project) does not type-check the app. */
interface ServerEntry {
  createRouteRenderer(data: PrerenderData): (path: string) => Promise<string>;
}

export interface Prerenderer {
  /** The app's HTML for each page, by file name. */
  render(pages: readonly RoutePage[], data: PrerenderData): Promise<Map<string, string>>;
  close(): Promise<void>;
}

/**
 * Renders pages with the app's own server entry (src/entry-server.tsx), loaded through a Vite
 * server started once per build, so its TypeScript and the `virtual:articles` module resolve
 * exactly as in the browser build. Each call renders one batch of pages from that batch's articles.
 */
export async function startPrerenderer(root: string, articlesModule: Plugin): Promise<Prerenderer> {
  const server = await createServer({
    configFile: false,
    root,
    logLevel: 'error',
    appType: 'custom',
    plugins: [articlesModule],
    server: { middlewareMode: true, hmr: false, watch: null, ws: false },
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  try {
    const entry = (await server.ssrLoadModule(path.join(root, 'src/entry-server.tsx'))) as ServerEntry;
    return {
      async render(pages, data) {
        const renderRoute = entry.createRouteRenderer(data);
        const bodies = new Map<string, string>();
        for (const page of pages) bodies.set(page.fileName, await renderRoute(page.path));
        return bodies;
      },
      close: () => server.close(),
    };
  } catch (error) {
    await server.close();
    throw error;
  }
}
