import { cpSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { HARBOUR_HEADLINE, SEED_ARTICLE, expect, test } from './fixtures.ts';
import { REDEPLOY_ADDED_PARAGRAPH, REDEPLOY_DIST, RELATIVE_DIST, redeployPort } from './config.ts';
import { startStaticServer } from './static-server.ts';

// An open tab without a service worker: it has only what it fetched, as a first visit before the
// worker has precached the site, or a browser without one. (The worker keeps a whole small site.)
test.use({ serviceWorkers: 'block' });

test('after the site is deployed again under an open tab, an article is not "not found": the new version is loaded', async ({ page }, testInfo) => {
  // The host's folder, replaced whole by the new build as atomic hosts and `s3 sync --delete` do.
  const site = mkdtempSync(path.join(tmpdir(), 'broadsheet-redeploy-'));
  const served = path.join(site, 'public');
  cpSync(RELATIVE_DIST, served, { recursive: true });
  const port = redeployPort(testInfo.parallelIndex);
  let server: Server | undefined;
  try {
    server = await startStaticServer({ root: served, mountPath: '/news/', port });
    await page.goto(`http://127.0.0.1:${port}/news/`);
    // The article screen's code is fetched once, before the swap: this test is about the data.
    await page.getByRole('link', { name: SEED_ARTICLE.headline }).click();
    await expect(page.getByRole('heading', { level: 1, name: SEED_ARTICLE.headline })).toBeVisible();
    await page.getByRole('link', { name: 'All articles' }).first().click();
    await expect(page.getByRole('link', { name: HARBOUR_HEADLINE })).toBeVisible();

    const next = path.join(site, 'next');
    cpSync(REDEPLOY_DIST, next, { recursive: true });
    rmSync(served, { recursive: true });
    renameSync(next, served);

    await page.getByRole('link', { name: HARBOUR_HEADLINE }).click();
    const alert = page.getByRole('alert');
    await expect(alert.getByRole('heading', { level: 1 })).toHaveText('This site has been updated');
    await expect(page.getByRole('heading', { name: /not found/iu })).toHaveCount(0);
    await alert.getByRole('button', { name: 'Load the new version' }).click();

    await expect(page.getByRole('heading', { level: 1, name: HARBOUR_HEADLINE })).toBeVisible();
    await expect(page.getByText(REDEPLOY_ADDED_PARAGRAPH)).toBeVisible();
    await expect(page.getByText('This site has been updated')).toHaveCount(0);
  } finally {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    rmSync(site, { recursive: true, force: true });
  }
});
