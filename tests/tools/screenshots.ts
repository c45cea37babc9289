/**
 * `npm run screenshots`: builds the reader with the bundled seeds, serves it like a static host and
 * captures the list, an article with highlights, the Listen player, the Highlights view and Settings, on desktop and
 * phone, light and dark, into docs/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { build } from 'vite';
import { finishUtterance, installFakeSpeech, speechBoundary } from '../e2e/fake-speech.ts';
import { startStaticServer } from '../e2e/static-server.ts';

const outDir = path.resolve('docs/screenshots');
const distDir = path.resolve('node_modules/.cache/screenshots-dist');
const port = Number(process.env.SCREENSHOTS_PORT ?? 4327);

await build({ logLevel: 'warn', build: { outDir: distDir, emptyOutDir: true } });
const server = await startStaticServer({ root: distDir, mountPath: '/', port });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
mkdirSync(outDir, { recursive: true });

const devices = {
  desktop: { viewport: { width: 1280, height: 900 } },
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
} as const;

async function highlightInParagraph(page: Page, index: number, from: number, to: number, button: string) {
  await page.evaluate(
    ([i, start, end]) => {
      const text = document.querySelectorAll('article p')[i]?.firstChild as Text;
      const range = document.createRange();
      range.setStart(text, start);
      range.setEnd(text, end);
      document.getSelection()?.removeAllRanges();
      document.getSelection()?.addRange(range);
    },
    [index, from, to] as const,
  );
  await page.getByRole('button', { name: button }).click();
}

try {
  for (const [device, options] of Object.entries(devices)) {
    for (const scheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ ...options, colorScheme: scheme, reducedMotion: 'reduce' });
      const page = await context.newPage();
      await installFakeSpeech(page);
      const shot = (name: string) => page.screenshot({ path: path.join(outDir, `${name}-${device}-${scheme}.png`) });
      await page.goto(`http://127.0.0.1:${port}/`);
      const first = page.getByRole('list', { name: 'Articles' }).getByRole('link').first();
      await first.click();
      // The article arrives after its address: wait for its text before selecting in it.
      await page.locator('article p[data-text-start]').first().waitFor();
      await highlightInParagraph(page, 0, 0, 70, 'Highlight yellow');
      await highlightInParagraph(page, 1, 10, 68, 'Highlight green');
      await page.evaluate(() => window.scrollTo(0, 0));
      await shot('article');
      // The Listen player, with a scripted voice (a real one is not available headless): the third sentence, its second word.
      await page.getByRole('button', { name: 'Listen', exact: true }).click();
      await page.getByRole('button', { name: 'Pause' }).waitFor();
      await finishUtterance(page);
      await finishUtterance(page);
      await speechBoundary(page, 4);
      // The options on the desktop; on the phone, the compact bar under the marked sentence.
      if (device === 'desktop') await page.getByRole('button', { name: 'Listening options' }).click();
      await shot('listen');
      await page.goto(`http://127.0.0.1:${port}/`);
      await shot('list');
      await page.goto(`http://127.0.0.1:${port}/highlights/`);
      await shot('highlights');
      await page.getByRole('button', { name: 'Settings' }).click();
      await shot('settings');
      await context.close();
    }
  }
  console.log(`screenshots written to ${path.relative(process.cwd(), outDir)}/`);
} finally {
  await browser.close();
  server.close();
}
