import type { Page } from '@playwright/test';
import { expect, HARBOUR_HEADLINE, SEED_ARTICLE, selectWithoutMouse, test } from './fixtures.ts';

const articleUrl = `article/${SEED_ARTICLE.slug}/`;

/** Perceived lightness, 0 (black) to 1 (white), of a computed CSS colour in rgb() or oklch(). */
function lightness(color: string): number {
  const numbers = (color.match(/[\d.]+/g) ?? []).map(Number);
  if (color.startsWith('oklch')) return numbers[0] ?? 1;
  const [r = 255, g = 255, b = 255] = numbers;
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}

test('settings change theme, font, size, width and spacing at once, persist, and the dialog returns focus', async ({ page }) => {
  await page.goto(articleUrl);
  const paragraph = page.locator('article p').first();
  const sizeBefore = await paragraph.evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
  const opener = page.getByRole('button', { name: 'Settings' });
  await opener.click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await expect(dialog).toBeVisible();

  await dialog.getByRole('radio', { name: 'Dark' }).check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await dialog.getByRole('radio', { name: 'Sans-serif' }).check();
  await dialog.getByRole('radio', { name: 'Largest' }).check();
  await dialog.getByRole('radio', { name: 'Loose' }).check();
  await dialog.getByRole('radio', { name: 'Narrow' }).check();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();

  const sizeAfter = await paragraph.evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
  expect(sizeAfter / sizeBefore).toBeCloseTo(1.4, 1);
  expect(await paragraph.evaluate((p) => getComputedStyle(p).fontFamily)).toMatch(/system-ui/);
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('html')).toHaveAttribute('data-text-size', '140');
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(background);

  await opener.click();
  await dialog.getByRole('radio', { name: 'Sepia' }).check();
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(246, 239, 223)');
});

test('a saved dark theme is applied before the app’s script runs: no flash of the light theme', async ({ page }) => {
  await page.goto('./');
  await page.evaluate(() => localStorage.setItem('broadsheet:settings', JSON.stringify({ theme: 'dark' })));
  // Hold the app's JavaScript back until the first paint has been looked at, so what is painted is
  // what the HTML, CSS and settings script give (released then, not after a guessed delay).
  let releaseScripts = () => {};
  const scriptsReleased = new Promise<void>((resolve) => {
    releaseScripts = resolve;
  });
  await page.route('**/assets/*.js', async (route) => {
    await scriptsReleased;
    await route.continue();
  });
  await page.goto('./', { waitUntil: 'commit' });
  const firstPaint = await page.waitForFunction(() => {
    const body = document.body;
    if (!body || document.styleSheets.length === 0) return null;
    // React marks its root container once it has started: not yet, while its script is held back.
    const root = document.getElementById('root');
    const appStarted = root !== null && Object.keys(root).some((key) => key.startsWith('__reactContainer'));
    return { theme: document.documentElement.dataset.theme, background: getComputedStyle(body).backgroundColor, appRendered: appStarted };
  });
  const state = (await firstPaint.jsonValue()) as { theme: string; background: string; appRendered: boolean };
  releaseScripts();
  expect(state.appRendered).toBe(false);
  expect(state.theme).toBe('dark');
  expect(lightness(state.background)).toBeLessThan(0.3);
});

/** The paragraph saved as the reading position of an article, 0 while none is (any storage key holding reading positions). */
function savedParagraph(page: Page, articleId: string): Promise<number> {
  return page.evaluate((id) => {
    for (let index = 0; index < localStorage.length; index += 1) {
      const key = localStorage.key(index) ?? '';
      if (!key.includes('reading')) continue;
      try {
        const entry = (JSON.parse(localStorage.getItem(key) ?? '{}') as Record<string, { paragraph?: unknown } | undefined>)[id];
        if (typeof entry?.paragraph === 'number') return entry.paragraph;
      } catch {
        // Not a store of reading positions.
      }
    }
    return 0;
  }, articleId);
}

test('the reading position is saved and restored, with progress, time left and Continue reading', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 500 });
  await page.goto(articleUrl);
  const bar = page.getByRole('progressbar', { name: 'Reading progress' });
  const start = Number(await bar.getAttribute('aria-valuenow'));
  await page.locator('article p').nth(4).evaluate((p) => p.scrollIntoView({ block: 'start', behavior: 'instant' }));
  await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow'))).toBeGreaterThan(start);
  await expect(page.getByText(/\d min left|Finished/)).toBeVisible();
  // The position is saved a moment after scrolling stops: wait for it to be in storage, not for a time.
  await expect.poll(() => savedParagraph(page, SEED_ARTICLE.id), { message: 'the reading position is saved' }).toBeGreaterThan(0);

  await page.goto('./');
  const resume = page.getByRole('region', { name: 'Continue reading' });
  await expect(resume).toContainText(SEED_ARTICLE.headline);
  await expect(page.getByRole('list', { name: 'Articles' }).getByRole('listitem').filter({ hasText: SEED_ARTICLE.headline })).toContainText('In progress');
  await resume.getByRole('link').click();
  await expect(page.locator('article p').nth(4)).toBeInViewport();
});

test('articles can be marked read and unread, and the list filtered to unread ones', async ({ page }) => {
  await page.goto('./');
  const item = page.getByRole('list', { name: 'Articles' }).getByRole('listitem').filter({ hasText: HARBOUR_HEADLINE });
  await expect(item).toContainText('Unread');
  await item.getByRole('button', { name: /Mark as read/ }).click();
  await expect(item).toContainText('Read');
  await page.getByRole('combobox', { name: 'Show' }).selectOption('unread');
  await expect(item).toHaveCount(0);
  await expect(page).toHaveURL(/status=unread/);
  await page.getByRole('combobox', { name: 'Show' }).selectOption('read');
  await item.getByRole('button', { name: /Mark as unread/ }).click();
  await expect(page.getByRole('list', { name: 'Articles' }).getByRole('listitem')).toHaveCount(0);
  await expect(page.getByText('No read articles.')).toBeVisible();
});

test('keyboard shortcuts: / j Enter ] [ g-h ?, never while typing, and they can be turned off', async ({ page }) => {
  await page.goto('./');
  await page.keyboard.press('/');
  const search = page.getByRole('searchbox', { name: 'Search articles' });
  await expect(search).toBeFocused();
  await page.keyboard.type('j');
  await expect(search).toHaveValue('j');
  await search.fill('');
  await page.locator('body').click({ position: { x: 5, y: 300 } });

  await page.keyboard.press('j');
  await expect(page.getByRole('link', { name: SEED_ARTICLE.headline })).toBeFocused();
  await page.keyboard.press('j');
  await expect(page.getByRole('link', { name: HARBOUR_HEADLINE })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(HARBOUR_HEADLINE);
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();

  await page.keyboard.press('[');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(SEED_ARTICLE.headline);
  await page.keyboard.press(']');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(HARBOUR_HEADLINE);
  await page.keyboard.press('g');
  await page.keyboard.press('h');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Highlights');
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toContainText('Go to Highlights');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('checkbox', { name: /Single-key keyboard shortcuts/ }).uncheck();
  await page.keyboard.press('Escape');
  await page.goto('./');
  await page.keyboard.press('/');
  await expect(search).not.toBeFocused();
  await page.keyboard.press('?');
  await expect(help).toBeHidden();
});

test('on navigation focus moves to the new page’s heading and its title is announced', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('link', { name: HARBOUR_HEADLINE }).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await expect(page.locator('[aria-live="polite"]').filter({ hasText: `${HARBOUR_HEADLINE} · Broadsheet` })).toHaveCount(1);
});

test('Copy link gives a URL that opens the article at the passage, with a text fragment', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(articleUrl);
  await selectWithoutMouse(page, { paragraph: 2, from: '70 soldiers', to: 'from Sweden' });
  await page.getByRole('button', { name: 'Highlight yellow' }).click();
  await page.locator('article mark').click();
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByText('Link to this passage copied.')).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/\/reader\/article\/[^?]+\?highlight=[0-9a-f]{32}#:~:text=/);
  expect(decodeURIComponent(link.split('#:~:text=')[1] ?? '')).toContain('70 soldiers from Sweden');

  await page.goto('./');
  await page.goto(link);
  await expect(page.locator('article mark')).toBeFocused();
});

test('printing shows the headline, the text and the highlights, and no navigation or controls', async ({ page }) => {
  await page.goto(articleUrl);
  await selectWithoutMouse(page, { paragraph: 1, from: 'Bundeswehr', to: 'in Iraq' });
  await page.getByRole('button', { name: 'Highlight yellow' }).click();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('banner')).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'More articles' })).toBeHidden();
  await expect(page.getByRole('link', { name: 'All articles' })).toBeHidden();
  await expect(page.getByRole('progressbar')).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('article mark')).toBeVisible();
});

test('the skip link is the first stop and takes focus to the content', async ({ page }) => {
  await page.goto('./');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
});
