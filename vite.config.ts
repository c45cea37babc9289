/// <reference types="vitest/config" />
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { seedArticles } from './src/build/seed-articles-plugin.ts';
import { securityHeaders } from './src/build/security-headers.ts';

/** BASE_PATH=/reader/ builds for hosting under a sub-path; it always starts and ends with "/". */
function basePath(value: string | undefined): string {
  const trimmed = (value ?? '').trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

export default defineConfig(({ isPreview }) => ({
  base: basePath(process.env.BASE_PATH),
  // `vite preview` should behave like a plain static host (no fallback to index.html), the way dist/ is served for real.
  appType: isPreview ? 'mpa' : 'spa',
  plugins: [react(), tailwindcss(), seedArticles({ seedsDir: process.env.SEEDS_DIR ?? 'seeds', strict: process.env.STRICT_SEEDS === '1' }), securityHeaders()],
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['tests/setup-unit.ts'],
    restoreMocks: true,
  },
}));
