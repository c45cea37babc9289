import { expect, hasNoHorizontalScroll, SEED_ARTICLE, selectWithoutMouse, test } from './fixtures.ts';

const views = ['./', `article/${SEED_ARTICLE.slug}/`, 'highlights/', 'no/such/page'];

test('no view scrolls sideways at 320 px, with a highlight and its toolbar shown', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto(`article/${SEED_ARTICLE.slug}/`);
  await selectWithoutMouse(page, { paragraph: 0, from: 'Members', to: 'by the US.' });
  await page.getByRole('button', { name: 'Highlight yellow' }).click();
  await expect(page.locator('article mark')).toHaveCount(1);
  await selectWithoutMouse(page, { paragraph: 1, from: 'Bundeswehr', to: 'Baghdad' });
  await expect(page.getByRole('button', { name: 'Highlight yellow' })).toBeVisible();
  expect(await hasNoHorizontalScroll(page)).toBe(true);

  for (const view of views) {
    await page.goto(view);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(await hasNoHorizontalScroll(page), view).toBe(true);
  }
});

test('every control outside running text is at least 24 px in both directions', async ({ page }) => {
  for (const view of views) {
    await page.goto(view);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const small = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('a, button, input, select, [tabindex="0"]')]
        .filter((element) => element.checkVisibility() && !element.closest('p') && !element.classList.contains('skip-link'))
        .map((element) => ({ name: element.textContent?.trim() || element.tagName, box: element.getBoundingClientRect() }))
        .filter(({ box }) => box.width < 24 || box.height < 24)
        .map(({ name, box }) => `${name}: ${Math.round(box.width)}×${Math.round(box.height)}`),
    );
    expect(small, view).toEqual([]);
  }
});

test('sizes follow the reader’s browser font size', async ({ page }) => {
  await page.goto(`article/${SEED_ARTICLE.slug}/`);
  const paragraph = page.locator('article p').first();
  const normal = await paragraph.evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
  await page.evaluate(() => {
    document.documentElement.style.fontSize = '24px';
  });
  const larger = await paragraph.evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
  expect(larger / normal).toBeCloseTo(1.5, 1);
});

test('dark mode follows the system setting', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('./');
  const dark = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await page.emulateMedia({ colorScheme: 'light' });
  const light = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(dark).not.toBe(light);
});
