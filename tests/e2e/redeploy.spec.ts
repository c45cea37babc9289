import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { HARBOUR_HEADLINE, SEED_ARTICLE, expect, test } from './fixtures.ts';
import { REDEPLOY_ADDED_PARAGRAPH, REDEPLOY_DIST, RELATIVE_DIST, redeployPort } from './config.ts';
import { startStaticServer } from './static-server.ts';

// An open tab without a service worker: it has only what it fetched, as a first visit before the
// worker has precached the site, or a browser without one. (The worker keeps a whole small site.)
test.use({ serviceWorkers: 'block' });

const HARBOUR_PAGE = 'article/harbour-town-votes-to-keep-its-zeppelin-museum-open/index.html';

/**
 * Serves the relative build, opens the list and an article (so the article screen's code is here:
 * these tests are about the data), then swaps the redeploy build in under the open tab, as atomic
 * hosts and `s3 sync --delete` replace a site's folder whole, and runs `afterSwap`.
 */
async function underAnOpenTab(page: Page, parallelIndex: number, afterSwap: () => Promise<void>): Promise<void> {
  const site = mkdtempSync(path.join(tmpdir(), 'broadsheet-redeploy-'));
  const served = path.join(site, 'public');
  cpSync(RELATIVE_DIST, served, { recursive: true });
  const port = redeployPort(parallelIndex);
  let server: Server | undefined;
  try {
    server = await startStaticServer({ root: served, mountPath: '/news/', port });
    await page.goto(`http://127.0.0.1:${port}/news/`);
    await page.getByRole('link', { name: SEED_ARTICLE.headline }).click();
    await expect(page.getByRole('heading', { level: 1, name: SEED_ARTICLE.headline })).toBeVisible();
    await page.getByRole('link', { name: 'All articles' }).first().click();
    await expect(page.getByRole('link', { name: HARBOUR_HEADLINE })).toBeVisible();

    const next = path.join(site, 'next');
    cpSync(REDEPLOY_DIST, next, { recursive: true });
    rmSync(served, { recursive: true });
    renameSync(next, served);
    await afterSwap();
  } finally {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    rmSync(site, { recursive: true, force: true });
  }
}

test('after the site is deployed again under an open tab, an edited article opens in its new text: its file kept its address', async ({ page }, testInfo) => {
  await underAnOpenTab(page, testInfo.parallelIndex, async () => {
    await page.getByRole('link', { name: HARBOUR_HEADLINE }).click();
    await expect(page.getByRole('heading', { level: 1, name: HARBOUR_HEADLINE })).toBeVisible();
    await expect(page.getByText(REDEPLOY_ADDED_PARAGRAPH)).toBeVisible();
    await expect(page.getByRole('heading', { name: /not found/iu })).toHaveCount(0);
  });
});

test('after the site is deployed again under an open tab, a list file of the old build is gone: the page offers the new version, which loads', async ({ page }, testInfo) => {
  await underAnOpenTab(page, testInfo.parallelIndex, async () => {
    // Sorted by headline, the list needs a file of the old data folder, which the new deploy removed.
    await page.getByRole('combobox', { name: 'Sort by' }).selectOption('headline');
    await expect(page.getByRole('status').filter({ hasText: 'The list could not be loaded' })).toContainText('This site has been updated');
    const prompt = page.getByRole('status').filter({ has: page.getByRole('button', { name: 'Reload' }) });
    await expect(prompt).toContainText('This site has been updated');
    await Promise.all([page.waitForEvent('load'), prompt.getByRole('button', { name: 'Reload' }).click()]);

    await expect(page).toHaveURL(/\?sort=headline$/u);
    await expect(page.getByRole('list', { name: 'Articles' }).getByRole('link', { name: HARBOUR_HEADLINE })).toBeVisible();
    await expect(page.getByText('This site has been updated')).toHaveCount(0);
    await page.getByRole('link', { name: HARBOUR_HEADLINE }).click();
    await expect(page.getByText(REDEPLOY_ADDED_PARAGRAPH)).toBeVisible();
  });
});

test('a deploy with one article edited keeps the app’s files and every page that does not show that article, byte for byte', () => {
  // The two builds differ only in one seed. The app's code must not carry anything of the
  // collection (build.json does), or every page's script address changes with any seed, and an
  // incremental build would rewrite them all.
  const files = (dist: string, folder = '') => readdirSync(path.join(dist, folder), { recursive: true, encoding: 'utf8' }).sort();
  expect(files(REDEPLOY_DIST, 'assets')).toEqual(files(RELATIVE_DIST, 'assets'));
  const pages = files(RELATIVE_DIST).filter((file) => file.endsWith('.html'));
  expect(files(REDEPLOY_DIST).filter((file) => file.endsWith('.html'))).toEqual(pages);
  const changed = pages.filter((file) => !readFileSync(path.join(RELATIVE_DIST, file)).equals(readFileSync(path.join(REDEPLOY_DIST, file))));
  // The edited article's page, and the list, whose first rows (in its HTML) count the article's words.
  expect(changed.sort()).toEqual([HARBOUR_PAGE, 'index.html'].sort());
});
