import { ARABIC_HEADLINE, expect, HARBOUR_HEADLINE, SEED_ARTICLE, selectWithoutMouse, test } from './fixtures.ts';

test('the list shows every article with its excerpt, reading time and highlight count', async ({ page }) => {
  await page.goto('./');
  await expect(page).toHaveTitle('Broadsheet');
  await expect(page.getByRole('banner')).toContainText('Broadsheet');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Highlights' })).toBeVisible();

  const items = page.getByRole('list', { name: 'Articles' }).getByRole('listitem');
  await expect(items).toHaveCount(5);
  const seed = items.filter({ hasText: SEED_ARTICLE.headline });
  await expect(seed.getByRole('link', { name: SEED_ARTICLE.headline })).toBeVisible();
  await expect(seed).toContainText('Members of the international coalition gathered to fight Islamic State');
  await expect(seed).toContainText('1 min read');
  await expect(seed).toContainText('0 highlights');
});

test('search filters the list as the reader types, by headline and by body, and says when nothing matches', async ({ page }) => {
  await page.goto('./');
  const search = page.getByRole('searchbox', { name: 'Search articles' });
  const items = page.getByRole('list', { name: 'Articles' }).getByRole('listitem');

  await search.fill('zeppelin');
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText(HARBOUR_HEADLINE);
  await expect(page).toHaveURL(/\?q=zeppelin$/);

  await search.fill('Kristina Swaan');
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText(SEED_ARTICLE.headline);

  await search.fill('qwertyuiop');
  await expect(items).toHaveCount(0);
  await expect(page.getByRole('status')).toHaveText('No articles match “qwertyuiop”.');

  await page.reload();
  await expect(search).toHaveValue('qwertyuiop');
});

test('an article is one <article> with its paragraphs exactly as in the seed, and no site boilerplate', async ({ page }) => {
  await page.goto(`article/${SEED_ARTICLE.slug}/`);
  await expect(page).toHaveTitle(`${SEED_ARTICLE.headline} · Broadsheet`);
  await expect(page.locator('h1')).toHaveCount(1);
  await expect(page.locator('article')).toHaveCount(1);
  const paragraphs = page.locator('article p');
  await expect(paragraphs).toHaveCount(SEED_ARTICLE.paragraphCount);
  await expect(paragraphs.nth(2)).toHaveText(
    '“We have to see what happens. We cannot go into details for safety reasons, but we have paused and taken it hour by hour,” explained Swedish military spokesperson Kristina Swaan.'.replace('“', 'The same security lockdown is true for the 70 soldiers from Sweden, who act as advisers to the Iraqi military. “'),
  );
  await expect(page.locator('article')).not.toContainText('Share this story');
  await expect(page.locator('article')).not.toContainText('Comments are closed');
});

test('previous and next links walk the articles in order, and a link leads back to the list', async ({ page }) => {
  await page.goto(`article/${SEED_ARTICLE.slug}/`);
  await expect(page.getByRole('link', { name: /Previous article/ })).toHaveCount(0);
  await page.getByRole('link', { name: /Next article/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(HARBOUR_HEADLINE);
  await page.getByRole('link', { name: /Next article/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ARABIC_HEADLINE);
  await page.getByRole('link', { name: /Previous article/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(HARBOUR_HEADLINE);
  await page.getByRole('link', { name: 'All articles' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Articles' })).toBeVisible();
});

test('a right-to-left article is laid out right to left', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('link', { name: ARABIC_HEADLINE }).click();
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toHaveText(ARABIC_HEADLINE);
  expect(await heading.evaluate((element) => getComputedStyle(element).direction)).toBe('rtl');
  expect(await page.locator('article p').first().evaluate((element) => getComputedStyle(element).direction)).toBe('rtl');
});

test('a deep link to an article opens it directly from the static host', async ({ page }) => {
  const response = await page.goto(`article/${SEED_ARTICLE.slug}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(SEED_ARTICLE.headline);
  await expect(page.locator('article p')).toHaveCount(SEED_ARTICLE.paragraphCount);
});

test('an unknown address shows a not-found view with a way home', async ({ page }) => {
  const response = await page.goto('no/such/page');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await page.getByRole('link', { name: 'Go to all articles' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Articles' })).toBeVisible();
});

test('a stale article link shows the not-found view too', async ({ page }) => {
  const response = await page.goto('article/an-article-that-was-removed/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Article not found');
  await expect(page.getByRole('link', { name: 'Go to all articles' })).toBeVisible();
});

test('the Highlights view explains how to make a highlight when there are none', async ({ page }) => {
  await page.goto('highlights/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Highlights');
  await expect(page.getByText(/You have no highlights yet/)).toBeVisible();
});

test('a passage of a right-to-left article can be highlighted', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('link', { name: ARABIC_HEADLINE }).click();
  await selectWithoutMouse(page, { paragraph: 0, from: 'مكتبة المدينة', to: 'منتصف الليل' });
  await page.getByRole('button', { name: 'Highlight yellow' }).click();
  await expect(page.locator('article mark')).toHaveText('مكتبة المدينة أن تفتح أبوابها حتى منتصف الليل');
  await page.reload();
  await expect(page.locator('article mark')).toHaveText('مكتبة المدينة أن تفتح أبوابها حتى منتصف الليل');
});
