import type { Page } from '@playwright/test';
import { sharedOriginUrl } from './config.ts';
import { expect, SEED_ARTICLE, selectWithoutMouse, SHARED_STORAGE_KEY, test } from './fixtures.ts';

// Two readers on one origin: the same build served at /first/ and /second/ of one port, as two
// GitHub Pages project sites share USER.github.io. Web Storage is the origin's, so both see one area.
const first = sharedOriginUrl('/first/');
const second = sharedOriginUrl('/second/');
const articleAt = (reader: string) => `${reader}article/${SEED_ARTICLE.slug}/`;

async function highlight(page: Page, reader: string, from: string, to: string) {
  await page.goto(articleAt(reader));
  await selectWithoutMouse(page, { paragraph: 1, from, to });
  await page.getByRole('button', { name: 'Highlight yellow' }).click();
  await expect(page.locator('article mark')).toHaveCount(1);
}

test('two readers on one origin keep their highlights apart: neither sees nor deletes the other’s', async ({ page }) => {
  await highlight(page, first, 'Bundeswehr', 'in Iraq');

  await page.goto(`${second}highlights/`);
  await expect(page.getByText(/You have no highlights yet/)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Not found in the current text' })).toHaveCount(0);

  await highlight(page, second, 'pause', 'missions');
  await page.goto(`${second}highlights/`);
  await page.getByRole('button', { name: /^Delete/ }).click();
  await expect(page.getByText(/You have no highlights yet/)).toBeVisible();

  await page.goto(`${first}highlights/`);
  await expect(page.getByRole('link', { name: /Bundeswehr/ })).toBeVisible();
  await expect(page.getByText('1 highlight in 1 article')).toBeVisible();
});

test('highlights saved before readers were kept apart are copied to each on its first load, and stay apart after', async ({ page }) => {
  const saved = {
    id: 'from-before',
    articleId: SEED_ARTICLE.id,
    articleHeadline: SEED_ARTICLE.headline,
    quote: { type: 'TextQuoteSelector', exact: 'Kristina Swaan', prefix: 'spokesperson ', suffix: '.' },
    position: { type: 'TextPositionSelector', start: 0, end: 14 },
    color: 'blue',
    note: 'kept through the move',
    createdAt: '2026-01-02T03:04:05.000Z',
    updatedAt: '2026-01-02T03:04:05.000Z',
  };
  // Written where every reader kept highlights before: the key shared by the whole origin.
  await page.goto(`${first}highlights/`);
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [SHARED_STORAGE_KEY, JSON.stringify({ version: 2, highlights: [saved], deleted: [] })] as const);

  for (const reader of [first, second]) {
    await page.goto(`${reader}highlights/`);
    await expect(page.getByText('kept through the move')).toBeVisible();
  }
  await page.getByRole('button', { name: /^Delete/ }).click();
  await expect(page.getByText(/You have no highlights yet/)).toBeVisible();

  await page.goto(`${first}highlights/`);
  await expect(page.getByText('kept through the move')).toBeVisible();
  await page.goto(`${second}highlights/`);
  await expect(page.getByText(/You have no highlights yet/)).toBeVisible();
});
