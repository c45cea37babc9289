/// <reference types="vitest/config" />
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { seedArticles } from './src/build/seed-articles-plugin.ts';
import { securityHeaders } from './src/build/security-headers.ts';

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

export default defineConfig(({ isPreview }) => ({
  base: basePath(process.env.BASE_PATH),
  // `vite preview` should behave like a plain static host (no fallback to index.html), the way dist/ is served for real.
  appType: isPreview ? 'mpa' : 'spa',
  plugins: [react(), tailwindcss(), seedArticles({
      seedsDir: process.env.SEEDS_DIR ?? 'seeds',
      strict: process.env.STRICT_SEEDS === '1',
      prerender: true,
      siteUrl: siteUrl(process.env.SITE_URL),
    }), securityHeaders()],
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['tests/setup-unit.ts'],
    restoreMocks: true,
  },
}));
