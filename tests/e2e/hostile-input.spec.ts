import type { Page } from '@playwright/test';
import { XSS_HEADLINE, XSS_PAYLOADS } from '../fixtures/xss-payloads.ts';
import { expect, SEED_ARTICLE, selectWithoutMouse, storedHighlights, test } from './fixtures.ts';

const HOSTILE_SLUG = 'title-script-alert-headline-script-img-src-x-onerror-alert-2-council-meets';

/** Records any dialog a payload managed to open, and any script it ran that set a flag. */
async function watchForScript(page: Page): Promise<string[]> {
  const dialogs: string[] = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  return dialogs;
}

test('payloads in a headline, body and file name are shown literally and never run', async ({ page }) => {
  const dialogs = await watchForScript(page);
  await page.goto('./');
  await expect(page.getByRole('link', { name: XSS_HEADLINE })).toBeVisible();
  await page.getByRole('link', { name: XSS_HEADLINE }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(XSS_HEADLINE);
  expect(await page.locator('article p').allTextContents()).toEqual([...XSS_PAYLOADS]);
  await expect(page).toHaveTitle(`${XSS_HEADLINE} · Broadsheet`);
  expect(await page.locator('article img, article script, article iframe, article svg, article object, article a').count()).toBe(0);
  expect(dialogs).toEqual([]);
});

test('the built HTML page of a hostile article escapes its headline', async ({ page, request }) => {
  const response = await request.get(`article/${HOSTILE_SLUG}/`);
  expect(response.status()).toBe(200);
  const html = await response.text();
  expect(html).toContain('&#60;/title&#62;&#60;script&#62;');
  expect(html).not.toContain('<script>alert');
  await page.goto(`article/${HOSTILE_SLUG}/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(XSS_HEADLINE);
});

test('an article from a file named with spaces, #, ?, % and quotes opens by its address', async ({ page }) => {
  const response = await page.goto('article/unicode-file-names-still-open/');
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ünïcode file names still open');
});

test('payloads in notes are shown literally in the article and on the Highlights page', async ({ page }) => {
  const dialogs = await watchForScript(page);
  await page.goto(`article/${SEED_ARTICLE.slug}/`);
  await selectWithoutMouse(page, { paragraph: 1, from: 'Bundeswehr', to: 'in Iraq' });
  await page.getByRole('button', { name: 'Highlight with a note' }).click();
  const note = XSS_PAYLOADS.join('\n');
  await page.getByRole('textbox', { name: 'Note' }).fill(note);
  await page.getByRole('button', { name: 'Save note' }).click();
  await page.reload();
  await expect(page.locator('article mark')).toHaveCount(1);

  await page.goto('highlights/');
  const item = page.getByRole('main').getByRole('listitem');
  for (const payload of XSS_PAYLOADS) await expect(item).toContainText(payload);
  expect(await page.getByRole('main').locator('img, script, iframe, svg, object, details, math').count()).toBe(0);
  expect(dialogs).toEqual([]);
});

test('payloads in an imported highlights file are shown literally', async ({ page }) => {
  const dialogs = await watchForScript(page);
  await page.goto('highlights/');
  const annotation = (index: number, payload: string) => ({
    id: `urn:broadsheet:highlight:xss-${index}`,
    type: 'Annotation',
    created: '2026-01-01T00:00:00.000Z',
    body: [{ type: 'TextualBody', purpose: 'commenting', value: payload }],
    target: {
      source: `https://example.org/article/${payload}`,
      selector: [{ type: 'TextQuoteSelector', exact: payload, prefix: '', suffix: '' }],
    },
    'bs:articleId': `removed-${index}`,
    'bs:articleHeadline': payload,
  });
  const file = { type: 'AnnotationCollection', first: { type: 'AnnotationPage', items: XSS_PAYLOADS.map((p, i) => annotation(i, p)) } };
  await page.getByLabel(/^Import highlights/).setInputFiles({ name: 'xss.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await expect(page.getByText(`Imported ${XSS_PAYLOADS.length}, skipped 0 already here, rejected 0.`)).toBeVisible();
  const orphans = page.getByRole('region', { name: 'Not found in the current text' });
  for (const payload of XSS_PAYLOADS) await expect(orphans.getByText(payload, { exact: true }).first()).toBeVisible();
  expect(await page.getByRole('main').locator('img, script, iframe, svg, object, details, math').count()).toBe(0);
  expect(await storedHighlights(page)).toHaveLength(XSS_PAYLOADS.length);
  expect(dialogs).toEqual([]);
});
