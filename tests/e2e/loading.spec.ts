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
