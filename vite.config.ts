/// <reference types="vitest/config" />
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { APP_DESCRIPTION, APP_NAME } from './src/config/app.ts';
import { precacheGlobs, REVALIDATED_DATA, seedsTotalBytes } from './src/build/offline-config.ts';
import { positiveIntegerSetting, wholeNumberSetting } from './src/build/batches.ts';
import { DEFAULT_BATCH_SIZE, seedArticles } from './src/build/seed-articles-plugin.ts';
import { securityHeaders, syncConnectSources } from './src/build/security-headers.ts';

/**
 * Without BASE_PATH the build is relative ("./"): one dist/ that works under any path, the base
 * found at run time. BASE_PATH=/reader/ pins an absolute base; it always starts and ends with "/".
 */
function basePath(value: string | undefined): string {
  const trimmed = (value ?? '').trim().replace(/^\/+|\/+$/g, '');
  if (value === undefined || value.trim() === '') return './';
  return trimmed ? `/${trimmed}/` : '/';
}

/** SITE_URL=https://example.org/reader/ makes canonical and feed links absolute and adds a sitemap. */
function siteUrl(value: string | undefined): string | undefined {
  if (!value?.trim()) return undefined;
  return new URL(value.trim().replace(/\/?$/, '/')).href;
}

const seedsDir = process.env.SEEDS_DIR ?? 'seeds';

export default defineConfig(({ isPreview }) => ({
  base: basePath(process.env.BASE_PATH),
  // `vite preview`, if used, behaves like a plain static host (no fallback to index.html); `npm run preview` is one.
  appType: isPreview ? 'mpa' : 'spa',
  plugins: [react(), tailwindcss(), seedArticles({
      seedsDir,
      strict: process.env.STRICT_SEEDS === '1',
      prerender: true,
      siteUrl: siteUrl(process.env.SITE_URL),
      // Articles read, written and prerendered together: smaller keeps less in memory, larger pays the per-batch cost less often.
      batchSize: positiveIntegerSetting('BUILD_BATCH_SIZE', process.env.BUILD_BATCH_SIZE, DEFAULT_BATCH_SIZE),
      // For hosts with a file cap: only the newest N articles get a page; see the README.
      prerenderLimit: process.env.PRERENDER_LIMIT?.trim() ? wholeNumberSetting('PRERENDER_LIMIT', process.env.PRERENDER_LIMIT) : undefined,
      // A build cache, so the next build into the same folder rewrites only what changed; BUILD_CACHE=0 for a full build.
      cache: process.env.BUILD_CACHE !== '0',
    }),
    // The display settings apply before the first paint without a request of their own: inline, by hash.
    securityHeaders({ syncSources: syncConnectSources(process.env), inlineScripts: ['apply-settings.js'] }),
    VitePWA({
      // Registered by the app itself (no inline script, and from the entry's own URL so any sub-path works).
      injectRegister: false,
      registerType: 'prompt',
      manifest: {
        name: APP_NAME,
        short_name: APP_NAME,
        description: APP_DESCRIPTION,
        start_url: '.',
        scope: '.',
        display: 'standalone',
        background_color: '#1c1917',
        theme_color: '#1c1917',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: precacheGlobs(seedsTotalBytes(seedsDir)),
        // The sync client loads only for a reader who connects; it is cached once used (below), not precached for all.
        globIgnores: ['**/sync-session-*.js'],
        // The search index of a small collection is precached with it, and may pass Workbox's 2 MiB default.
        maximumFileSizeToCacheInBytes: 32 * 1024 * 1024,
        // Every route has its own HTML file: no single-page fallback to serve for unknown URLs.
        navigateFallback: null,
        cleanupOutdatedCaches: true,
        runtimeCaching: [
          {
            // Articles not precached are kept as they are read, and served from the cache offline.
            urlPattern: ({ request }) => request.mode === 'navigate',
            handler: 'NetworkFirst',
            options: { cacheName: 'pages', networkTimeoutSeconds: 4, expiration: { maxEntries: 500 } },
          },
          {
            // Data files live in a folder named by their content's hash: one fetched is good for ever.
            urlPattern: ({ url, sameOrigin }) => sameOrigin && /\/data\/[0-9a-f]+\/.+\.json$/.test(url.pathname),
            handler: 'CacheFirst',
            options: { cacheName: 'data', expiration: { maxEntries: 3000 } },
          },
          {
            // build.json and the articles' files change in place: the network's copy when there is one,
            // else the last one fetched, so a reader starts the app and reopens what they read offline.
            urlPattern: REVALIDATED_DATA,
            handler: 'NetworkFirst',
            options: { cacheName: 'current', networkTimeoutSeconds: 4, expiration: { maxEntries: 3000 } },
          },
          {
            // A connected reader's sync client, so sync starts offline too; its name carries its content's hash.
            urlPattern: ({ url, sameOrigin }) => sameOrigin && /\/assets\/sync-session-[^/]+\.js$/.test(url.pathname),
            handler: 'CacheFirst',
            options: { cacheName: 'sync-client', expiration: { maxEntries: 4 } },
          },
        ],
      },
    }),
  ],
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}', 'tests/tools/**/*.test.ts'],
    setupFiles: ['tests/setup-unit.ts'],
    restoreMocks: true,
  },
}));
