import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, SEED_ARTICLE, selectWithoutMouse, STORAGE_KEY, storedHighlights, test } from './fixtures.ts';

const articleUrl = `article/${SEED_ARTICLE.slug}/`;

async function makeTwoHighlights(page: Page) {
  await page.goto(articleUrl);
  await selectWithoutMouse(page, { paragraph: 1, from: 'Bundeswehr', to: 'in Iraq' });
  await page.getByRole('button', { name: 'Highlight yellow' }).click();
  await selectWithoutMouse(page, { paragraph: 2, from: '70 soldiers', to: 'from Sweden' });
  await page.getByRole('button', { name: 'Highlight with a note' }).click();
  await page.getByRole('textbox', { name: 'Note' }).fill('Advisers, not combat troops');
  await page.getByRole('button', { name: 'Save note' }).click();
  await expect(page.locator('article mark')).toHaveCount(2);
}

async function download(page: Page, button: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  return readFile(await file.path(), 'utf8');
}

test('exports Markdown grouped by article with quotes, notes and links', async ({ page }) => {
  await makeTwoHighlights(page);
  await page.goto('highlights/');
  const markdown = await download(page, 'Export as Markdown');
  expect(markdown).toContain(`## [${SEED_ARTICLE.headline}](<`);
  expect(markdown).toContain('> Bundeswehr will put on pause all military missions in Iraq');
  expect(markdown).toContain('**Note:** Advisers, not combat troops');
  expect(markdown).toMatch(/\[Open at this passage\]\(<http:\/\/127\.0\.0\.1:\d+\/reader\/article\/[^>]+\?highlight=/);
});

test('exports Web Annotation JSON and imports it back: a round trip that adds, skips and never deletes', async ({ page }) => {
  await makeTwoHighlights(page);
  await page.goto('highlights/');
  const json = await download(page, 'Export as Web Annotation JSON');
  const exported = JSON.parse(json) as { type: string; first: { items: { target: { selector: { type: string }[] } }[] } };
  expect(exported.type).toBe('AnnotationCollection');
  expect(exported.first.items[0]?.target.selector.map((s) => s.type)).toEqual(['TextQuoteSelector', 'TextPositionSelector']);
  const before = await storedHighlights(page);

  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(page.getByText(/You have no highlights yet/)).toBeVisible();

  const importer = page.getByLabel(/^Import highlights/);
  await importer.setInputFiles({ name: 'highlights.jsonld', mimeType: 'application/ld+json', buffer: Buffer.from(json) });
  await expect(page.getByText('Imported 2, skipped 0 already here, rejected 0.')).toBeVisible();
  expect(await storedHighlights(page)).toEqual(before);

  await importer.setInputFiles({ name: 'highlights.jsonld', mimeType: 'application/ld+json', buffer: Buffer.from(json) });
  await expect(page.getByText('Imported 0, skipped 2 already here, rejected 0.')).toBeVisible();

  const broken = { ...exported, first: { items: [...exported.first.items, { type: 'Annotation', target: { source: 'x' } }] } };
  await importer.setInputFiles({ name: 'mixed.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
  await expect(page.getByText('Imported 0, skipped 2 already here, rejected 1.')).toBeVisible();
  await expect(page.getByText(/^Record 3: /)).toBeVisible();
  expect(await storedHighlights(page)).toHaveLength(2);

  await page.goto(articleUrl);
  await expect(page.locator('article mark')).toHaveCount(2);
});

test('a file that is not JSON is refused with a message and changes nothing', async ({ page }) => {
  await makeTwoHighlights(page);
  await page.goto('highlights/');
  await page.getByLabel(/^Import highlights/).setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('not json') });
  await expect(page.getByText('notes.json is not a JSON file.')).toBeVisible();
  expect(await storedHighlights(page)).toHaveLength(2);
});

test('highlights whose passage or article is gone are kept and listed as not found', async ({ page }) => {
  await page.goto('./');
  await page.evaluate((key) => {
    const base = { prefix: '', suffix: '' };
    const record = (id: string, articleId: string, headline: string, exact: string, note: string) => ({
      id,
      articleId,
      articleHeadline: headline,
      quote: { type: 'TextQuoteSelector', exact, ...base },
      position: { type: 'TextPositionSelector', start: 0, end: exact.length },
      color: 'green',
      note,
      createdAt: '2026-01-02T03:04:05.000Z',
      updatedAt: '2026-01-02T03:04:05.000Z',
    });
    localStorage.setItem(
      key,
      JSON.stringify({
        version: 2,
        deleted: [],
        highlights: [
          record('gone-passage', '000_5e039f83c282c0c8', 'Old headline', 'a sentence that was edited away long ago', 'my note on it'),
          record('gone-article', 'removed-file', 'A removed article', 'words from a removed article', ''),
        ],
      }),
    );
  }, STORAGE_KEY);
  await page.goto('highlights/');
  const orphans = page.getByRole('region', { name: 'Not found in the current text' });
  await expect(orphans).toContainText('a sentence that was edited away long ago');
  await expect(orphans).toContainText('my note on it');
  await expect(orphans).toContainText(SEED_ARTICLE.headline);
  await expect(orphans).toContainText('From: A removed article');
  expect(await storedHighlights(page)).toHaveLength(2);
});
