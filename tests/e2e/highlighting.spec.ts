import { dragSelect, expect, SEED_ARTICLE, selectWithoutMouse, storedHighlights, test } from './fixtures.ts';

const articleUrl = `article/${SEED_ARTICLE.slug}/`;
const LAST_PARAGRAPH = 6;

test('highlights a passage by mouse drag, keeps it over a reload and finds it again from the Highlights view', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('link', { name: SEED_ARTICLE.headline }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(SEED_ARTICLE.headline);

  const paragraph = page.locator('article p').nth(LAST_PARAGRAPH);
  const textBefore = await paragraph.textContent();
  await dragSelect(page, paragraph, 'mass protests', 'Eastern countries');
  await page.getByRole('button', { name: 'Highlight yellow' }).click();

  const mark = page.locator('article mark');
  await expect(mark).toHaveText('mass protests in Iran and several other Middle Eastern countries');
  await expect(paragraph).toHaveText(textBefore ?? '');

  const [record] = await storedHighlights(page);
  expect(record).toMatchObject({
    articleId: SEED_ARTICLE.id,
    quote: { type: 'TextQuoteSelector', exact: 'mass protests in Iran and several other Middle Eastern countries', prefix: expect.stringMatching(/led to $/) },
    position: { type: 'TextPositionSelector', start: expect.any(Number), end: expect.any(Number) },
    createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
  });

  await page.reload();
  await expect(mark).toHaveText('mass protests in Iran and several other Middle Eastern countries');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Highlights' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Highlights' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: SEED_ARTICLE.headline })).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.getByRole('link', { name: /mass protests in Iran/ }).click();

  await expect(page).toHaveURL(/\?highlight=/);
  await expect(mark).toBeFocused();
  await expect(mark).toBeInViewport();
});

test('highlights a touch-style selection made without any mouse event, with the button clear of the selection', async ({ page, isMobile }) => {
  await page.goto(articleUrl);
  const selected = await selectWithoutMouse(page, { paragraph: 2, from: '70 soldiers', to: 'from Sweden' });

  const button = page.getByRole('button', { name: 'Highlight yellow' });
  await expect(button).toBeVisible();
  const box = await button.boundingBox();
  if (!box) throw new Error('the Highlight button has no box');
  // On a touch screen the button sits below the selection, where the system's own menu is not.
  if (isMobile) expect(box.y).toBeGreaterThanOrEqual(selected.bottom);
  else expect(box.y + box.height).toBeLessThanOrEqual(selected.top);

  if (isMobile) await button.tap();
  else await button.click();
  await expect(page.locator('article mark')).toHaveText('70 soldiers from Sweden');
  expect(await storedHighlights(page)).toHaveLength(1);
});

test('a highlight across paragraphs is drawn in each of them without changing the text', async ({ page }) => {
  await page.goto(articleUrl);
  const before = await page.locator('article p').allTextContents();
  await selectWithoutMouse(page, { paragraph: 3, from: 'called the situation', toParagraph: 4, to: 'NATO, which has' });
  await page.getByRole('button', { name: 'Highlight yellow' }).click();

  const marks = page.locator('article mark');
  await expect(marks).toHaveCount(2);
  await expect(marks.first()).toHaveText(/^called the situation serious.*precaution\.$/);
  await expect(marks.last()).toHaveText('NATO, which has');
  expect(await page.locator('article p').allTextContents()).toEqual(before);
  expect(await storedHighlights(page)).toHaveLength(1);
});

test('pressing a highlight offers to remove it, and removing it forgets it', async ({ page }) => {
  await page.goto(articleUrl);
  await selectWithoutMouse(page, { paragraph: 1, from: 'Bundeswehr', to: 'in Iraq' });
  await page.getByRole('button', { name: 'Highlight yellow' }).click();
  const mark = page.locator('article mark');
  await expect(mark).toHaveCount(1);

  await mark.click();
  await page.getByRole('button', { name: 'Remove highlight' }).click();
  await expect(mark).toHaveCount(0);
  expect(await storedHighlights(page)).toEqual([]);

  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(mark).toHaveCount(0);
});

test('a highlight can be opened from the keyboard and its menu closed with Escape', async ({ page }) => {
  await page.goto(articleUrl);
  await selectWithoutMouse(page, { paragraph: 1, from: 'Bundeswehr', to: 'in Iraq' });
  await page.getByRole('button', { name: 'Highlight yellow' }).click();
  const mark = page.locator('article mark');
  await mark.focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('dialog', { name: /^Highlight: Bundeswehr/ });
  await expect(menu.getByRole('button', { name: 'Yellow' })).toBeFocused();
  await expect(menu.getByRole('button', { name: 'Yellow' })).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(mark).toBeFocused();
});
