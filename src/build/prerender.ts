import path from 'node:path';
import { createServer, type Plugin } from 'vite';
import type { Article } from '../domain/articles/article.ts';
import type { RoutePage } from './route-documents.ts';

/** What src/entry-server.tsx exports, stated here so the build (a Node project) does not type-check the app. */
interface ServerEntry {
  createRouteRenderer(articles: readonly Article[]): (path: string) => Promise<string>;
}

/**
 * Renders pages with the app's own server entry (src/entry-server.tsx), loaded through a
 * short-lived Vite server so its TypeScript and the `virtual:articles` module resolve exactly as
 * in the browser build.
 */
export async function prerenderPages(root: string, pages: readonly RoutePage[], articles: readonly Article[], articlesModule: Plugin): Promise<Map<string, string>> {
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
    const renderRoute = entry.createRouteRenderer(articles);
    const bodies = new Map<string, string>();
    for (const page of pages) bodies.set(page.fileName, await renderRoute(page.path));
    return bodies;
  } finally {
    await server.close();
  }
}
