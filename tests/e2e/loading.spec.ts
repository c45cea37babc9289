import { expect, HARBOUR_HEADLINE, SEED_ARTICLE, test } from './fixtures.ts';

test('an article that cannot be fetched says so and opens with Try again', async ({ page }) => {
  await page.goto('./');
  await page.route('**/data/*/article/**', (route) => route.abort('internetdisconnected'));
  await page.getByRole('link', { name: HARBOUR_HEADLINE }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('This article could not be loaded');
  await expect(page.getByRole('alert')).toContainText('Your highlights are safe.');
  await page.unroute('**/data/*/article/**');
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(HARBOUR_HEADLINE);
  await expect(page.locator('article p').first()).toBeVisible();
});

test('a list page that cannot be fetched says so, and Try again brings the rows', async ({ page }) => {
  await page.route('**/data/*/list/headline/**', (route) => route.abort('internetdisconnected'));
  await page.goto('./?sort=headline');
  await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'could not be loaded' })).toBeVisible();
  await page.unroute('**/data/*/list/headline/**');
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('list', { name: 'Articles' }).getByRole('link').first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Try again' })).toHaveCount(0);
});

test('an article is fetched while the pointer rests on its link, and opens without fetching again', async ({ page }) => {
  await page.goto('./');
  const fetched: string[] = [];
  page.on('request', (request) => {
    if (/\/data\/articles-[0-9a-f]+\/article\//.test(request.url())) fetched.push(request.url());
  });
  const link = page.getByRole('link', { name: HARBOUR_HEADLINE });
  await link.hover();
  await expect.poll(() => fetched.length).toBe(1);
  await link.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(HARBOUR_HEADLINE);
  await expect(page.locator('article p').first()).toBeVisible();
  expect(fetched).toHaveLength(1);
});

test('an article page asks for build.json once, with its head: the app starts on the preloaded answer', async ({ page }) => {
  const asked: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.endsWith('/build.json')) asked.push(request.url());
  });
  await page.goto(`article/${SEED_ARTICLE.slug}/`);
  await expect(page.locator('html[data-app-ready]')).toBeAttached();
  await page.waitForLoadState('networkidle');
  await expect(page.locator('head link[rel="preload"][as="fetch"][crossorigin][href$="/build.json"]')).toHaveCount(1);
  // One request: the app's fetch took the preloaded answer (a fetch of another mode or credentials would ask again).
  expect(asked).toEqual([new URL('build.json', page.url().replace(/article\/.*$/u, '')).href]);
});

// Either file the app starts from on an article's page: without it the prerendered page stays as it was.
for (const { file, pattern, missing, reason } of [
  { file: 'build.json', pattern: '**/build.json', missing: 'the site’s build.json', reason: 'Could not reach the site' },
  { file: 'text file', pattern: '**/data/*/article/**', missing: 'this article’s text file', reason: null },
]) {
  test(`an article page whose ${file} cannot be had keeps its text and says why the reader did not start`, async ({ page }) => {
    await page.route(pattern, (route) => route.abort('internetdisconnected'));
    // 'commit': the fixture's wait for a live app would wait in vain.
    await page.goto(`article/${SEED_ARTICLE.slug}/`, { waitUntil: 'commit' });
    const notice = page.getByRole('alert');
    await expect(notice).toContainText(`The reader could not start: ${missing} could not be loaded.`);
    if (reason) await expect(notice).toContainText(reason);
    await expect(notice).toContainText('This page shows its text as it was saved');
    // The prerendered page is left as it was, not hydrated into an empty app or the article screen's error.
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(SEED_ARTICLE.headline);
    await expect(page.locator('article p')).toHaveCount(SEED_ARTICLE.paragraphCount);
    await expect(page.locator('html[data-app-ready]')).toHaveCount(0);

    await page.unroute(pattern);
    await Promise.all([page.waitForEvent('load'), notice.getByRole('button', { name: 'Try again' }).click()]);
    await expect(page.locator('html[data-app-ready]')).toBeAttached();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(SEED_ARTICLE.headline);
    await expect(page.getByRole('alert')).toHaveCount(0);
  });
}
