import { expect, HARBOUR_HEADLINE, SEED_ARTICLE, selectWithoutMouse, test } from './fixtures.ts';

const articleUrl = `article/${SEED_ARTICLE.slug}/`;

test('typing a search key by key keeps the focus in the box', async ({ page }) => {
  await page.goto('./');
  const search = page.getByRole('searchbox', { name: 'Search articles' });
  await search.click();
  await search.pressSequentially('harbour', { delay: 30 });
  await expect(search).toHaveValue('harbour');
  await expect(search).toBeFocused();
  await expect(page.getByRole('list', { name: 'Articles' }).getByRole('listitem')).toHaveCount(1);
});

test('the reading position is restored when the article is opened afresh', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 500 });
  await page.goto(articleUrl);
  await page.locator('article p').nth(3).evaluate((p) => p.scrollIntoView({ block: 'start', behavior: 'instant' }));
  await expect
    .poll(() => page.evaluate(() => localStorage.getItem('broadsheet@/reader/:reading') ?? ''), { message: 'the position is saved' })
    .toMatch(/"paragraph":[1-9]/);
  await page.goto('./');
  await page.goto(articleUrl);
  await expect(page.locator('article p').nth(3)).toBeInViewport();
});

test('an article loaded afresh opens at its top, not where the previous page was scrolled', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 500 });
  await page.goto(articleUrl);
  await page.locator('article p').last().evaluate((p) => p.scrollIntoView({ block: 'end', behavior: 'instant' }));
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(500);
  await page.goto('article/harbour-town-votes-to-keep-its-zeppelin-museum-open/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(HARBOUR_HEADLINE);
  await page.waitForFunction(() => document.readyState === 'complete');
  await expect.poll(() => page.evaluate(() => window.scrollY), { timeout: 1500 }).toBe(0);
  await expect(page.getByRole('heading', { level: 1 })).toBeInViewport();
});

test('opening the menu of a highlight further down the page does not scroll away from it', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 500 });
  await page.goto(articleUrl);
  await selectWithoutMouse(page, { paragraph: 6, from: 'mass protests', to: 'Eastern countries' });
  await page.getByRole('button', { name: 'Highlight with a note' }).click();
  await expect(page.getByRole('textbox', { name: 'Note' })).toBeFocused();
  await expect(page.getByRole('textbox', { name: 'Note' })).toBeInViewport();
  await page.keyboard.press('Escape');
  const scrolled = await page.evaluate(() => window.scrollY);
  await page.locator('article mark').click();
  await expect(page.getByRole('button', { name: 'Yellow' })).toBeFocused();
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(scrolled / 2);
});

test.describe('in a German browser', () => {
  test.use({ locale: 'de-DE' });

  test('a long article hydrates without a mismatch', async ({ page }) => {
    await page.goto(`article/harbour-town-votes-to-keep-its-zeppelin-museum-open/`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(HARBOUR_HEADLINE);
    await page.getByRole('link', { name: 'All articles' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Articles' })).toBeVisible();
  });
});

test('an import with a malformed link keeps that highlight as not found and imports the rest', async ({ page }) => {
  await page.goto('highlights/');
  const annotation = (id: string, source: string, exact: string) => ({
    id: `urn:broadsheet:highlight:${id}`,
    type: 'Annotation',
    target: { source, selector: [{ type: 'TextQuoteSelector', exact, prefix: '', suffix: '' }] },
  });
  const file = [annotation('bad-link', 'https://example.org/article/%E0%A4%A/', 'a lost passage'), annotation('good', `https://example.org/article/${SEED_ARTICLE.slug}/`, 'Kristina Swaan')];
  await page.getByLabel(/^Import highlights/).setInputFiles({ name: 'mixed.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await expect(page.getByText('Imported 2, skipped 0 already here, rejected 0.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Not found in the current text' })).toContainText('a lost passage');
  await expect(page.getByRole('link', { name: /Kristina Swaan/ })).toBeVisible();
});

test('without JavaScript the controls that need it are not shown', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const page = await context.newPage();
  await page.goto('./');
  await expect(page.getByRole('link', { name: SEED_ARTICLE.headline })).toBeVisible();
  await expect(page.getByRole('searchbox')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Settings' })).toBeHidden();
  await expect(page.getByRole('button', { name: /Mark as read/ }).first()).toBeHidden();
  await context.close();
});
