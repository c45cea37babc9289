import { expect, HARBOUR_HEADLINE, test } from './fixtures.ts';

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
    if (/\/data\/[0-9a-f]+\/article\//.test(request.url())) fetched.push(request.url());
  });
  const link = page.getByRole('link', { name: HARBOUR_HEADLINE });
  await link.hover();
  await expect.poll(() => fetched.length).toBe(1);
  await link.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(HARBOUR_HEADLINE);
  await expect(page.locator('article p').first()).toBeVisible();
  expect(fetched).toHaveLength(1);
});
