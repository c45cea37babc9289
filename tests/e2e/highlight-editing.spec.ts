import { expect, HARBOUR_HEADLINE, SEED_ARTICLE, selectWithoutMouse, storedHighlights, test } from './fixtures.ts';

const articleUrl = `article/${SEED_ARTICLE.slug}/`;

test('keyboard only: j moves to a paragraph and h highlights it; with a selection, Tab reaches the toolbar', async ({ page }) => {
  await page.goto(articleUrl);
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  const second = page.locator('article p').nth(1);
  await expect(second).toBeFocused();
  await page.keyboard.press('h');
  await expect(second.locator('mark')).toHaveText((await second.textContent()) ?? '');

  await selectWithoutMouse(page, { paragraph: 3, from: 'Danish Prime Minister', to: 'Frederiksen' });
  await expect(page.getByRole('group', { name: 'Highlight the selection' })).toBeVisible();
  await page.keyboard.press('Tab');
  const green = page.getByRole('button', { name: 'Highlight green' });
  await expect(page.getByRole('group', { name: 'Highlight the selection' }).getByRole('button').first()).toBeFocused();
  await green.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('article p').nth(3).locator('mark')).toHaveAttribute('data-color', 'green');

  await selectWithoutMouse(page, { paragraph: 4, from: 'NATO', to: 'members' });
  await page.keyboard.press('h');
  // h uses the colour chosen last.
  await expect(page.locator('article p').nth(4).locator('mark')).toHaveAttribute('data-color', 'green');
  expect(await storedHighlights(page)).toHaveLength(3);
});

test('a highlight gets a colour, a note shown as text, and can change both later', async ({ page }) => {
  await page.goto(articleUrl);
  await selectWithoutMouse(page, { paragraph: 2, from: '70 soldiers', to: 'from Sweden' });
  await page.getByRole('button', { name: 'Highlight with a note' }).click();
  const note = page.getByRole('textbox', { name: 'Note' });
  await expect(note).toBeFocused();
  await note.fill('Compare with <img src=x onerror=alert(1)> the Danish figure');
  await page.getByRole('button', { name: 'Save note' }).click();

  const mark = page.locator('article mark');
  await expect(mark).toHaveAttribute('data-has-note', 'true');
  await mark.click();
  await page.getByRole('dialog').getByRole('button', { name: 'Pink' }).click();
  await expect(mark).toHaveAttribute('data-color', 'pink');
  await page.keyboard.press('Escape');

  await page.goto('highlights/');
  await expect(page.getByText('Compare with <img src=x onerror=alert(1)> the Danish figure')).toBeVisible();
  await expect(page.locator('img')).toHaveCount(0);
  expect(await storedHighlights(page)).toMatchObject([{ color: 'pink', note: 'Compare with <img src=x onerror=alert(1)> the Danish figure' }]);
});

test('a removed highlight comes back with Undo', async ({ page }) => {
  await page.goto(articleUrl);
  await selectWithoutMouse(page, { paragraph: 1, from: 'Bundeswehr', to: 'in Iraq' });
  await page.getByRole('button', { name: 'Highlight blue' }).click();
  const [before] = await storedHighlights(page);
  await page.locator('article mark').click();
  await page.getByRole('button', { name: 'Remove highlight' }).click();
  await expect(page.locator('article mark')).toHaveCount(0);
  await expect(page.getByText('Highlight removed.')).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.locator('article mark')).toHaveAttribute('data-color', 'blue');
  expect(await storedHighlights(page)).toMatchObject([{ id: (before as { id: string }).id }]);
  await page.reload();
  await expect(page.locator('article mark')).toHaveCount(1);
});

test('overlapping highlights stay two, and pressing the overlap asks which one', async ({ page }) => {
  await page.goto(articleUrl);
  await selectWithoutMouse(page, { paragraph: 5, from: 'The anti-IS coalition', to: 'a curfew' });
  await page.getByRole('button', { name: 'Highlight yellow' }).click();
  await selectWithoutMouse(page, { paragraph: 5, from: 'initiated a curfew', to: 'its troops' });
  await page.getByRole('button', { name: 'Highlight pink' }).click();
  expect(await storedHighlights(page)).toHaveLength(2);

  const overlap = page.locator('article mark[data-overlap]');
  await expect(overlap).toHaveText('initiated a curfew');
  await overlap.click();
  const chooser = page.getByRole('dialog', { name: 'Choose a highlight' });
  await expect(chooser.getByRole('button')).toHaveCount(2);
  await chooser.getByRole('button', { name: /initiated a curfew for its troops/ }).click();
  await page.getByRole('button', { name: 'Remove highlight' }).click();

  await expect(page.locator('article mark')).toHaveText(['The anti-IS coalition members initiated a curfew']);
  expect(await storedHighlights(page)).toMatchObject([{ quote: { exact: 'The anti-IS coalition members initiated a curfew' } }]);
});

test('a highlight made in one tab appears in another without a reload, and so does its removal', async ({ page, context }) => {
  await page.goto(articleUrl);
  const other = await context.newPage();
  await other.goto(articleUrl);

  await selectWithoutMouse(page, { paragraph: 1, from: 'Bundeswehr', to: 'in Iraq' });
  await page.getByRole('button', { name: 'Highlight yellow' }).click();
  await expect(other.locator('article mark')).toHaveText('Bundeswehr will put on pause all military missions in Iraq');

  await selectWithoutMouse(other, { paragraph: 2, from: '70 soldiers', to: 'from Sweden' });
  await other.getByRole('button', { name: 'Highlight green' }).click();
  await expect(page.locator('article mark')).toHaveCount(2);
  expect(await storedHighlights(page)).toHaveLength(2);

  await other.locator('article mark').first().click();
  await other.getByRole('button', { name: 'Remove highlight' }).click();
  await expect(page.locator('article mark')).toHaveText(['70 soldiers from Sweden']);
  await other.close();
});

test('the Highlights view filters by colour, article and words, sorts, and counts', async ({ page }) => {
  // The longest flow of the suite (three highlights made by hand across two articles, four page
  // loads, eight filter states): every step waits for its state, the whole needs more than one budget.
  test.slow();
  await page.goto(articleUrl);
  await selectWithoutMouse(page, { paragraph: 1, from: 'Bundeswehr', to: 'in Iraq' });
  await page.getByRole('button', { name: 'Highlight yellow' }).click();
  await selectWithoutMouse(page, { paragraph: 2, from: '70 soldiers', to: 'from Sweden' });
  await page.getByRole('button', { name: 'Highlight with a note' }).click();
  await page.getByRole('textbox', { name: 'Note' }).fill('Sweden advisers');
  await page.getByRole('button', { name: 'Save note' }).click();
  await page.goto('./');
  await page.getByRole('link', { name: HARBOUR_HEADLINE }).click();
  await selectWithoutMouse(page, { paragraph: 0, from: 'zeppelin museum', to: 'museum' });
  await page.getByRole('button', { name: 'Highlight blue' }).click();

  await page.goto('highlights/');
  const quotes = page.getByRole('main').getByRole('listitem');
  await expect(page.getByRole('status').filter({ hasText: 'highlights' })).toHaveText('3 highlights in 2 articles');
  await expect(quotes).toHaveCount(3);

  await page.getByRole('combobox', { name: 'Colour' }).selectOption('blue');
  await expect(quotes).toHaveCount(1);
  await expect(quotes.first()).toContainText('zeppelin museum');
  await expect(page.getByRole('status').filter({ hasText: 'Showing' })).toHaveText('Showing 1 of 3 highlights');
  await page.getByRole('combobox', { name: 'Colour' }).selectOption('');

  await page.getByRole('combobox', { name: 'Article' }).selectOption(SEED_ARTICLE.id);
  await expect(quotes).toHaveCount(2);
  await page.getByRole('combobox', { name: 'Article' }).selectOption('');

  await page.getByRole('searchbox', { name: 'Search quotes and notes' }).fill('advisers');
  await expect(quotes).toHaveCount(1);
  await expect(quotes.first()).toContainText('70 soldiers from Sweden');
  await page.getByRole('searchbox', { name: 'Search quotes and notes' }).fill('');

  await page.getByRole('combobox', { name: 'Sort by' }).selectOption('newest');
  await expect(quotes.first()).toContainText('zeppelin museum');
  await page.getByRole('combobox', { name: 'Sort by' }).selectOption('oldest');
  await expect(quotes.first()).toContainText('Bundeswehr');
  await expect(page).toHaveURL(/sort=oldest/);
});

test('a note being written survives Escape and a press outside: the reader is asked, and chooses', async ({ page }, testInfo) => {
  await page.goto(articleUrl);
  await selectWithoutMouse(page, { paragraph: 2, from: '70 soldiers', to: 'from Sweden' });
  await page.getByRole('button', { name: 'Highlight with a note' }).click();
  const note = page.getByRole('textbox', { name: 'Note' });
  await note.fill('Compare with the Danish figure');
  const question = page.getByRole('group', { name: 'Discard changes to your note?' });

  await page.keyboard.press('Escape');
  await expect(question).toBeVisible();
  await question.getByRole('button', { name: 'Keep editing' }).click();
  await expect(question).toBeHidden();
  await expect(note).toHaveValue('Compare with the Danish figure');

  // A press outside the editor: a tap on a phone, a click on a desktop; on a link, it follows nothing.
  const outside = page.getByRole('link', { name: 'All articles' }).first();
  if (testInfo.project.use.hasTouch) await outside.tap();
  else await outside.click();
  await expect(question).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`${articleUrl}$`));
  await expect(note).toHaveValue('Compare with the Danish figure');
  await question.getByRole('button', { name: 'Save note' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  expect(await storedHighlights(page)).toMatchObject([{ note: 'Compare with the Danish figure' }]);

  await page.locator('article mark').click();
  await note.fill('A second thought');
  await page.keyboard.press('Escape');
  await question.getByRole('button', { name: 'Discard changes' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  expect(await storedHighlights(page)).toMatchObject([{ note: 'Compare with the Danish figure' }]);
});
