import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { installFakeSpeech, finishUtterance, markedText } from './fake-speech.ts';
import { expect, SEED_ARTICLE, selectWithoutMouse, test } from './fixtures.ts';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

/** Two highlights, one with a note, made as a reader makes them. */
async function highlightTheSeedArticle(page: Page): Promise<void> {
  await page.goto(`article/${SEED_ARTICLE.slug}/`);
  await selectWithoutMouse(page, { paragraph: 1, from: 'Bundeswehr', to: 'in Iraq' });
  await page.getByRole('button', { name: 'Highlight yellow' }).click();
  await selectWithoutMouse(page, { paragraph: 2, from: '70 soldiers', to: 'from Sweden' });
  await page.getByRole('button', { name: 'Highlight with a note' }).click();
  await page.getByRole('textbox', { name: 'Note' }).fill('A note');
  await page.getByRole('button', { name: 'Save note' }).click();
  await expect(page.locator('article mark')).toHaveCount(2);
}

// One page per test: an axe run is seconds of work in the page on a busy machine, and four of them
// in one test shared one test's time; each view now has its own, and a failure names the view.
for (const scheme of ['light', 'dark'] as const) {
  test.describe(`axe, ${scheme} theme`, () => {
    test.beforeEach(async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
    });

    test('finds no violations on an article with highlights', async ({ page }) => {
      await highlightTheSeedArticle(page);
      expect(await violations(page)).toEqual([]);
    });

    test('finds no violations on the list', async ({ page }) => {
      await page.goto('./');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      expect(await violations(page)).toEqual([]);
    });

    test('finds no violations on Highlights', async ({ page }) => {
      await highlightTheSeedArticle(page);
      await page.goto('highlights/');
      await expect(page.getByRole('main').getByRole('listitem')).toHaveCount(2);
      expect(await violations(page)).toEqual([]);
    });

    test('finds no violations in Settings', async ({ page }) => {
      await page.goto('./');
      await page.getByRole('button', { name: 'Settings' }).click();
      await expect(page.getByRole('dialog', { name: 'Settings' })).toBeVisible();
      expect(await violations(page)).toEqual([]);
    });

    test('finds no violations in a highlight editor asking about an unsaved note', async ({ page }) => {
      // One highlight, its note not saved: the least work that puts the question on screen.
      await page.goto(`article/${SEED_ARTICLE.slug}/`);
      await selectWithoutMouse(page, { paragraph: 2, from: '70 soldiers', to: 'from Sweden' });
      await page.getByRole('button', { name: 'Highlight with a note' }).click();
      await page.getByRole('textbox', { name: 'Note' }).fill('Not saved yet');
      await page.keyboard.press('Escape');
      await expect(page.getByRole('group', { name: 'Discard changes to your note?' })).toBeVisible();
      expect(await violations(page)).toEqual([]);
    });
  });
}

for (const scheme of ['light', 'dark'] as const) {
  test(`axe finds no violations in the ${scheme} theme with the Listen player open and its options shown`, async ({ page }) => {
    await installFakeSpeech(page);
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`article/${SEED_ARTICLE.slug}/`);
    await page.getByRole('button', { name: 'Listen', exact: true }).click();
    const player = page.getByRole('region', { name: 'Listen' });
    await expect(player.getByRole('button', { name: 'Pause' })).toBeVisible();
    await finishUtterance(page);
    await expect.poll(() => markedText(page)).toMatch(/^Members of the international coalition/);
    await player.getByRole('button', { name: 'Listening options' }).click();
    await expect(player.getByLabel('Speed')).toBeVisible();
    expect(await violations(page), 'article with the player').toEqual([]);
  });
}
