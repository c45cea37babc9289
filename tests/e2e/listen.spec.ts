import type { Locator, Page } from '@playwright/test';
import { ARABIC_HEADLINE, expect, HARBOUR_HEADLINE, SEED_ARTICLE, storedHighlights, test } from './fixtures.ts';
import { finishUtterance, installFakeSpeech, lastSpoken, markedText, pressMediaAction, speaking, speechBoundary, spoken } from './fake-speech.ts';

const articleUrl = `article/${SEED_ARTICLE.slug}/`;
const P0 =
  'Members of the international coalition gathered to fight Islamic State (IS, formerly ISIS) have suspended operations in Iraq after the targeted assassination of a top Iranian general by the US.';
const P1_S1 = 'Germany’s Bundeswehr will put on pause all military missions in Iraq, it announced late on Friday night.';
const P1_S2 = 'That includes both operations aimed against IS and training of Kurdish troops.';
const P1_S3 = 'There are around 130 German soldiers deployed in Iraq at the moment, including 27 stationed at the Taji military base 30km (18 miles) north of Baghdad.';
const P2_S1 = 'The same security lockdown is true for the 70 soldiers from Sweden, who act as advisers to the Iraqi military.';

const player = (page: Page) => page.getByRole('region', { name: 'Listen' });

/** A press as the reader makes it: a tap on a phone, a click elsewhere. */
async function press(locator: Locator, isMobile: boolean): Promise<void> {
  if (isMobile) await locator.tap();
  else await locator.click();
}

/**
 * Waits until the article's Listen launcher is hydrated and its effects have run, so a first `l`
 * reaches its key handler: the article screen can hydrate just after the page says the app is live.
 */
async function whenListenReady(page: Page): Promise<void> {
  const button = page.getByRole('button', { name: 'Listen', exact: true });
  await expect.poll(() => button.evaluate((element) => Object.keys(element).some((key) => key.startsWith('__reactFiber')))).toBe(true);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve))));
}

/** Waits until the voice says `text`, and the same sentence is marked in the page. */
async function expectReading(page: Page, text: string): Promise<void> {
  await expect.poll(() => speaking(page)).toBe(text);
  await expect.poll(() => markedText(page)).toBe(text);
}

/** Whether the marked sentence is on screen, above the player bar. */
async function sentenceInView(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const range = [...(CSS.highlights.get('listen-sentence') as unknown as Iterable<Range>)][0];
    const rect = range?.getBoundingClientRect();
    const bar = document.querySelector('section[aria-label="Listen"]')?.getBoundingClientRect();
    return rect && bar ? rect.top >= 0 && rect.bottom <= bar.top : false;
  });
}

test.beforeEach(async ({ page }) => {
  await installFakeSpeech(page);
});

test('reads the headline, then the paragraphs sentence by sentence, marking each sentence and word in the text', async ({ page, isMobile }) => {
  await page.goto(articleUrl);
  const paragraphText = await page.locator('article p').nth(1).textContent();
  await press(page.getByRole('button', { name: 'Listen', exact: true }), isMobile);

  await expectReading(page, SEED_ARTICLE.headline);
  await expect(player(page).getByRole('button', { name: 'Pause' })).toBeFocused();
  await finishUtterance(page);
  await expectReading(page, P0);
  await finishUtterance(page);
  await expectReading(page, P1_S1);
  // Word boundaries refine the mark to the word being said.
  await speechBoundary(page, P1_S1.indexOf('Bundeswehr'), 'Bundeswehr'.length);
  await expect.poll(() => markedText(page, 'listen-word')).toBe('Bundeswehr');
  // An engine that sends no length still gets the whole word.
  await speechBoundary(page, P1_S1.indexOf('military'));
  await expect.poll(() => markedText(page, 'listen-word')).toBe('military');
  await finishUtterance(page);
  await expectReading(page, P1_S2);
  await finishUtterance(page);
  await expectReading(page, P1_S3);

  // The text itself is untouched: the mark is drawn over it, not into it.
  await expect(page.locator('article p').nth(1)).toHaveText(paragraphText ?? '');
  await expect(page.locator('article p').nth(1).locator('mark, span')).toHaveCount(0);
  expect((await spoken(page)).map((u) => u.lang)).toEqual(Array(5).fill('en-US'));
  expect((await lastSpoken(page))?.voice).toBe('Fake English');

  // The bar sits at the bottom, within a thumb's reach, with targets of at least 44 px.
  const bar = await player(page).boundingBox();
  const viewport = page.viewportSize();
  expect(bar && viewport && Math.round(bar.y + bar.height)).toBe(viewport?.height);
  for (const name of ['Previous paragraph', 'Previous sentence', 'Pause', 'Next sentence', 'Next paragraph', 'Listening options', 'Close player']) {
    const box = await player(page).getByRole('button', { name }).boundingBox();
    expect(box?.height, name).toBeGreaterThanOrEqual(44);
    expect(box?.width, name).toBeGreaterThanOrEqual(44);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
});

test('l starts from the paragraph at the top of the screen and pauses and resumes; the buttons skip by sentence and paragraph', async ({ page, isMobile }) => {
  await page.goto(articleUrl);
  await page.locator('article p').nth(2).evaluate((p) => p.scrollIntoView({ block: 'start', behavior: 'instant' }));
  await whenListenReady(page);
  await page.keyboard.press('l');
  await expectReading(page, P2_S1);

  await page.keyboard.press('l');
  await expect(player(page).getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  await expect.poll(() => speaking(page)).toBeNull();
  await expect(player(page).getByText('Paused')).toBeVisible();
  await page.keyboard.press('l');
  // Resuming says the sentence again from its start.
  await expectReading(page, P2_S1);
  expect((await spoken(page)).filter((u) => u.text === P2_S1)).toHaveLength(2);

  await press(player(page).getByRole('button', { name: 'Previous paragraph' }), isMobile);
  await expectReading(page, P1_S1);
  await press(player(page).getByRole('button', { name: 'Next sentence' }), isMobile);
  await expectReading(page, P1_S2);
  await press(player(page).getByRole('button', { name: 'Previous sentence' }), isMobile);
  await expectReading(page, P1_S1);
  await press(player(page).getByRole('button', { name: 'Next paragraph' }), isMobile);
  await expectReading(page, P2_S1);

  // The keyboard reaches every control of the bar.
  await player(page).getByRole('button', { name: 'Next sentence' }).focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => speaking(page)).not.toBe(P2_S1);

  await press(player(page).getByRole('button', { name: 'Close player' }), isMobile);
  await expect(player(page)).toHaveCount(0);
  await expect.poll(() => speaking(page)).toBeNull();
  await expect.poll(() => markedText(page)).toBeNull();
});

/** Whether the page stayed at the same scroll position across two animation frames. */
function scrollSettled(page: Page): Promise<boolean> {
  return page.evaluate(async () => {
    const before = window.scrollY;
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    return window.scrollY === before;
  });
}

test('keeps the voice’s sentence in view, and offers a way back after the reader scrolls away', async ({ page, isMobile }) => {
  await page.goto(articleUrl);
  await page.locator('article p').nth(1).evaluate((p) => p.scrollIntoView({ block: 'start', behavior: 'instant' }));
  await whenListenReady(page);
  await page.keyboard.press('l');
  await expectReading(page, P1_S1);
  // The reader is at the end of the page when the voice goes back to the first paragraph: the page follows it.
  await page.evaluate(() => window.scrollTo({ top: document.documentElement.scrollHeight, behavior: 'instant' }));
  const bottom = await page.evaluate(() => window.scrollY);
  await press(player(page).getByRole('button', { name: 'Previous paragraph' }), isMobile);
  await expectReading(page, P0);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeLessThan(bottom);
  await expect.poll(() => sentenceInView(page)).toBe(true);

  // The page's own smooth scroll has settled (a wheel during it would race the animation).
  await expect.poll(() => scrollSettled(page)).toBe(true);
  // The reader scrolls down to read something else: the page stops following.
  await page.mouse.move(100, 200);
  await page.mouse.wheel(0, 5000);
  const back = page.getByRole('button', { name: 'Back to the voice' });
  await expect(back).toBeVisible();
  const scrolled = await page.evaluate(() => window.scrollY);
  await finishUtterance(page);
  await expectReading(page, P1_S1);
  expect(await page.evaluate(() => window.scrollY)).toBe(scrolled);

  await press(back, isMobile);
  await expect(back).toHaveCount(0);
  await expect.poll(() => sentenceInView(page)).toBe(true);
});

test('speed and voice are kept across a reload; a new speed restarts the sentence at that speed', async ({ page, isMobile }) => {
  await page.goto(articleUrl);
  await press(page.getByRole('button', { name: 'Listen', exact: true }), isMobile);
  await expectReading(page, SEED_ARTICLE.headline);
  await press(player(page).getByRole('button', { name: 'Listening options' }), isMobile);

  await player(page).getByLabel('Speed').selectOption('1.5');
  await expect.poll(async () => (await lastSpoken(page))?.rate).toBe(1.5);
  expect((await lastSpoken(page))?.text).toBe(SEED_ARTICLE.headline);

  // Only the article's language is offered, voices on the device first.
  const voice = player(page).getByLabel('Voice');
  await expect(voice.locator('option')).toHaveText(['Fake English (en-US)', 'Fake English Two (en-GB)', 'Fake English Online (en-US), online']);
  await voice.selectOption({ label: 'Fake English Two (en-GB)' });
  await expect.poll(async () => (await lastSpoken(page))?.voice).toBe('Fake English Two');
  expect(await lastSpoken(page)).toMatchObject({ text: SEED_ARTICLE.headline, lang: 'en-GB', rate: 1.5 });

  await page.reload();
  await press(page.getByRole('button', { name: 'Listen', exact: true }), isMobile);
  await expect.poll(() => speaking(page)).toBe(SEED_ARTICLE.headline);
  expect(await lastSpoken(page)).toMatchObject({ voice: 'Fake English Two', rate: 1.5 });
  await expect(player(page).getByText('1.5×')).toBeVisible();
});

test('continues with the next article when asked to, and sets the lock-screen metadata and actions', async ({ page, isMobile }) => {
  await page.goto('./');
  await page.getByRole('link', { name: HARBOUR_HEADLINE }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(HARBOUR_HEADLINE);
  await press(page.getByRole('button', { name: 'Listen', exact: true }), isMobile);
  await expectReading(page, HARBOUR_HEADLINE);

  const metadata = await page.evaluate(() => {
    const m = navigator.mediaSession.metadata;
    return m && { title: m.title, artist: m.artist, artwork: m.artwork.map((a) => a.src), state: navigator.mediaSession.playbackState };
  });
  expect(metadata).toMatchObject({ title: HARBOUR_HEADLINE, artist: 'Broadsheet', state: 'playing' });
  expect(metadata?.artwork[0]).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/reader\/icons\/icon-192\.png$/);

  // Lock-screen and headphone buttons: forward and back by sentence, pause and play.
  await pressMediaAction(page, 'seekforward');
  await expectReading(page, 'The council of the small harbour town voted on Tuesday to keep the zeppelin museum open for another ten years.');
  await pressMediaAction(page, 'pause');
  await expect(player(page).getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  expect(await page.evaluate(() => navigator.mediaSession.playbackState)).toBe('paused');
  await pressMediaAction(page, 'seekbackward');
  await pressMediaAction(page, 'play');
  await expectReading(page, HARBOUR_HEADLINE);

  await press(player(page).getByRole('button', { name: 'Listening options' }), isMobile);
  await player(page).getByLabel('Continue with the next article').check();
  await press(player(page).getByRole('button', { name: 'Next paragraph' }), isMobile);
  await press(player(page).getByRole('button', { name: 'Next paragraph' }), isMobile);
  await press(player(page).getByRole('button', { name: 'Next paragraph' }), isMobile);
  await expectReading(page, 'The museum will need new funding by the spring, the mayor warned, or it may close its upper floor.');
  await finishUtterance(page);

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ARABIC_HEADLINE);
  await expectReading(page, ARABIC_HEADLINE);
  expect(await lastSpoken(page)).toMatchObject({ voice: 'Fake Arabic', lang: 'ar-SA' });
  expect(await page.evaluate(() => navigator.mediaSession.metadata?.title)).toBe(ARABIC_HEADLINE);
});

test('a sleep timer set for the end of the article stops there instead of going on', async ({ page, isMobile }) => {
  await page.goto('./');
  await page.getByRole('link', { name: HARBOUR_HEADLINE }).click();
  await press(page.getByRole('button', { name: 'Listen', exact: true }), isMobile);
  await expectReading(page, HARBOUR_HEADLINE);
  await press(player(page).getByRole('button', { name: 'Listening options' }), isMobile);
  await player(page).getByLabel('Continue with the next article').check();
  await player(page).getByLabel('Sleep timer').selectOption({ label: 'At the end of this article' });
  for (let i = 0; i < 3; i += 1) await press(player(page).getByRole('button', { name: 'Next paragraph' }), isMobile);
  await expectReading(page, 'The museum will need new funding by the spring, the mayor warned, or it may close its upper floor.');
  await finishUtterance(page);

  await expect(player(page).getByText('Finished reading the article.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(HARBOUR_HEADLINE);
  await expect.poll(() => speaking(page)).toBeNull();
  await expect(player(page).getByLabel('Sleep timer')).toHaveValue('off');
});

test('the next-track button of the lock screen goes on to the next article', async ({ page }) => {
  await page.goto(articleUrl);
  await whenListenReady(page);
  await page.keyboard.press('l');
  await expectReading(page, SEED_ARTICLE.headline);
  await pressMediaAction(page, 'nexttrack');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(HARBOUR_HEADLINE);
  await expectReading(page, HARBOUR_HEADLINE);
});

test('h while listening highlights the sentence being read', async ({ page }) => {
  await page.goto(articleUrl);
  await whenListenReady(page);
  await page.keyboard.press('l');
  await expectReading(page, SEED_ARTICLE.headline);
  await finishUtterance(page);
  await finishUtterance(page);
  await expectReading(page, P1_S1);

  await page.keyboard.press('h');
  await expect(page.locator('article mark')).toHaveText(P1_S1);
  const [record] = await storedHighlights(page);
  expect(record).toMatchObject({ quote: { exact: P1_S1 } });
  // The voice goes on, and the mark is drawn again over the redrawn paragraph.
  await expect.poll(() => speaking(page)).toBe(P1_S1);
  await expect.poll(() => markedText(page)).toBe(P1_S1);
  await finishUtterance(page);
  await expectReading(page, P1_S2);
});

test('reopening the article offers to resume listening where it stopped', async ({ page, isMobile }) => {
  await page.goto(articleUrl);
  await whenListenReady(page);
  await page.keyboard.press('l');
  await expectReading(page, SEED_ARTICLE.headline);
  for (let i = 0; i < 3; i += 1) await finishUtterance(page);
  await expectReading(page, P1_S2);
  await press(player(page).getByRole('button', { name: 'Close player' }), isMobile);

  await page.reload();
  const resume = page.getByRole('button', { name: 'Resume listening from “That includes both operations aimed against…”' });
  await press(resume, isMobile);
  await expectReading(page, P1_S2);
});

test('reads an Arabic article right to left with an Arabic voice', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('link', { name: ARABIC_HEADLINE }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ARABIC_HEADLINE);
  await whenListenReady(page);
  await page.keyboard.press('l');
  await expectReading(page, ARABIC_HEADLINE);
  expect(await lastSpoken(page)).toMatchObject({ voice: 'Fake Arabic', lang: 'ar-SA' });
  await finishUtterance(page);
  const sentence = 'قررت مكتبة المدينة أن تفتح أبوابها حتى منتصف الليل خلال أيام الامتحانات.';
  await expectReading(page, sentence);

  // The first word is marked at the paragraph's right edge, where right-to-left text starts.
  await speechBoundary(page, 0);
  await expect.poll(() => markedText(page, 'listen-word')).toBe('قررت');
  const sides = await page.evaluate(() => {
    const word = [...(CSS.highlights.get('listen-word') as unknown as Iterable<Range>)][0]?.getBoundingClientRect();
    const paragraph = document.querySelector('article p')?.getBoundingClientRect();
    const direction = getComputedStyle(document.querySelector('article p') as Element).direction;
    return word && paragraph && { fromRight: paragraph.right - word.right, fromLeft: word.left - paragraph.left, direction };
  });
  expect(sides?.direction).toBe('rtl');
  expect(sides?.fromRight).toBeLessThan(2);
  expect(sides?.fromLeft).toBeGreaterThan(50);
});

test.describe('without voices', () => {
  test('says so when the device has no voices at all', async ({ page }) => {
    await installFakeSpeech(page, []);
    await page.goto(articleUrl);
    await page.getByRole('button', { name: 'Listen', exact: true }).click();
    await expect(player(page).getByRole('status')).toHaveText(/No voices are installed for reading aloud on this device/);
    await expect(player(page).getByRole('button', { name: 'Play', exact: true })).toBeDisabled();
    expect(await spoken(page)).toEqual([]);
  });

  test('says when no voice speaks the article’s language and offers the others', async ({ page }) => {
    await installFakeSpeech(page, [{ name: 'Only English', lang: 'en-US', default: true }]);
    await page.goto('./');
    await page.getByRole('link', { name: ARABIC_HEADLINE }).click();
    await page.getByRole('button', { name: 'Listen', exact: true }).click();
    await expect(player(page).getByRole('status')).toHaveText(/No Arabic voice on this device/);
    expect(await spoken(page)).toEqual([]);
    await player(page).getByRole('button', { name: 'Listening options' }).click();
    await player(page).getByLabel(/Voice/).selectOption({ label: 'Only English (en-US)' });
    await expect(player(page).getByRole('status')).toHaveText(/reading with Only English, which may mispronounce it/);
    await player(page).getByRole('button', { name: 'Play', exact: true }).click();
    await expect.poll(() => speaking(page)).toBe(ARABIC_HEADLINE);
    expect(await lastSpoken(page)).toMatchObject({ voice: 'Only English' });
  });
});
