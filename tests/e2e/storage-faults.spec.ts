import { readFile } from 'node:fs/promises';
import { expect, SEED_ARTICLE, selectWithoutMouse, STORAGE_KEY, storedHighlights, test } from './fixtures.ts';

const articleUrl = `article/${SEED_ARTICLE.slug}/`;

test('with storage blocked the reader still works, highlights last the session, and a notice says so', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('Access is denied for this document.', 'SecurityError');
      },
    });
  });
  await page.goto(articleUrl);
  await expect(page.getByRole('alert')).toContainText('not letting the reader save data');
  await selectWithoutMouse(page, { paragraph: 1, from: 'Bundeswehr', to: 'in Iraq' });
  await page.getByRole('button', { name: 'Highlight yellow' }).click();
  await expect(page.locator('article mark')).toHaveCount(1);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Highlights' }).click();
  await expect(page.getByRole('link', { name: /Bundeswehr/ })).toBeVisible();
});

test('when storage is full the highlight stays on screen and the reader is told, with an export at hand', async ({ page }) => {
  await page.addInitScript((key) => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (name: string, value: string) {
      if (name === key) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return setItem.call(this, name, value);
    };
  }, STORAGE_KEY);
  await page.goto(articleUrl);
  await selectWithoutMouse(page, { paragraph: 1, from: 'Bundeswehr', to: 'in Iraq' });
  await page.getByRole('button', { name: 'Highlight yellow' }).click();
  await expect(page.locator('article mark')).toHaveCount(1);
  await expect(page.getByRole('alert')).toContainText('storage for this site is full');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export highlights' }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.jsonld$/);
});

test('unreadable saved data is kept aside untouched, readable records are still shown, and the reader is told', async ({ page }) => {
  const valid = {
    id: 'kept-1',
    articleId: SEED_ARTICLE.id,
    articleHeadline: SEED_ARTICLE.headline,
    quote: { type: 'TextQuoteSelector', exact: 'Kristina Swaan', prefix: 'spokesperson ', suffix: '.' },
    position: { type: 'TextPositionSelector', start: 0, end: 14 },
    color: 'blue',
    note: '',
    createdAt: '2026-01-02T03:04:05.000Z',
    updatedAt: '2026-01-02T03:04:05.000Z',
  };
  const raw = JSON.stringify({ version: 2, deleted: [], highlights: [valid, { id: 'broken', quote: 42 }] });
  await page.goto('./');
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [STORAGE_KEY, raw] as const);

  await page.goto(articleUrl);
  await expect(page.getByRole('alert')).toContainText('could not be read');
  await expect(page.locator('article mark')).toHaveText('Kristina Swaan');
  const backups = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes(':unreadable:')).map((k) => localStorage.getItem(k)));
  expect(backups).toEqual([raw]);

  await selectWithoutMouse(page, { paragraph: 1, from: 'Bundeswehr', to: 'in Iraq' });
  await page.getByRole('button', { name: 'Highlight yellow' }).click();
  expect(await storedHighlights(page)).toHaveLength(2);
  const after = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes(':unreadable:')).map((k) => localStorage.getItem(k)));
  expect(after).toEqual([raw]);
});

test('saved data that is not JSON at all never stops the app and is backed up before anything is saved', async ({ page }) => {
  await page.goto('./');
  await page.evaluate((key) => localStorage.setItem(key, '{"version":2,"highlights":[{"id"'), STORAGE_KEY);
  await page.goto(articleUrl);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(SEED_ARTICLE.headline);
  await expect(page.getByRole('alert')).toContainText('could not be read');
  await selectWithoutMouse(page, { paragraph: 1, from: 'Bundeswehr', to: 'in Iraq' });
  await page.getByRole('button', { name: 'Highlight yellow' }).click();
  expect(await storedHighlights(page)).toHaveLength(1);
  const backups = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes(':unreadable:')).map((k) => localStorage.getItem(k)));
  expect(backups).toEqual(['{"version":2,"highlights":[{"id"']);
});

test('the saved data kept aside downloads as a file that Import takes back', async ({ page }) => {
  const valid = {
    id: 'kept-aside',
    articleId: SEED_ARTICLE.id,
    articleHeadline: SEED_ARTICLE.headline,
    quote: { type: 'TextQuoteSelector', exact: 'Kristina Swaan', prefix: 'spokesperson ', suffix: '.' },
    position: { type: 'TextPositionSelector', start: 0, end: 14 },
    color: 'green',
    note: 'from the backup',
    createdAt: '2026-01-02T03:04:05.000Z',
    updatedAt: '2026-01-02T03:04:05.000Z',
  };
  await page.goto('./');
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [STORAGE_KEY, JSON.stringify({ version: 2, deleted: [], highlights: [valid, { id: 'broken' }] })] as const);
  await page.goto('highlights/');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the saved data' }).click()]);
  const file = await readFile(await download.path(), 'utf8');

  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(page.getByText(/You have no highlights yet/)).toBeVisible();
  await page.getByLabel(/^Import highlights/).setInputFiles({ name: download.suggestedFilename(), mimeType: 'application/json', buffer: Buffer.from(file) });
  await expect(page.getByText(/^Imported 1, skipped 0 already here, rejected 1\./)).toBeVisible();
  await expect(page.getByText('from the backup')).toBeVisible();
});
