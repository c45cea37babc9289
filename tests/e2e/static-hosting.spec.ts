import { appendFileSync, cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { E2E_PORT, RELATIVE_DIST, RELATIVE_MOUNTS, relativeBaseUrl } from './config.ts';
import { startStaticServer } from './static-server.ts';
import { expect, HARBOUR_HEADLINE, SEED_ARTICLE, selectWithoutMouse, test } from './fixtures.ts';

const slugs = readdirSync(`${RELATIVE_DIST}/article`);
const UPDATE_PORT = E2E_PORT + 10;
const SEED_SENTENCE = 'Germany’s Bundeswehr will put on pause all military missions in Iraq';

for (const mount of RELATIVE_MOUNTS) {
  const base = relativeBaseUrl(mount);

  test.describe(`one build without BASE_PATH, served at ${mount.mountPath}`, () => {
    test('opens every route directly, and links and highlighting work', async ({ page }) => {
      for (const [path, heading] of [
        ['', 'Articles'],
        ['highlights/', 'Highlights'],
        [`article/${SEED_ARTICLE.slug}/`, SEED_ARTICLE.headline],
      ] as const) {
        const response = await page.goto(base + path);
        expect(response?.status(), path).toBe(200);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
      }
      for (const slug of slugs) {
        expect((await page.goto(`${base}article/${slug}/`))?.status(), slug).toBe(200);
        await expect(page.locator('article p').first()).toBeVisible();
      }

      await page.goto(base);
      await page.getByRole('link', { name: HARBOUR_HEADLINE }).click();
      await expect(page).toHaveURL(`${base}article/harbour-town-votes-to-keep-its-zeppelin-museum-open/`);
      await page.getByRole('link', { name: /Previous article/ }).click();
      // Opened inside the app, the article's text is fetched: select only once it is there.
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(SEED_ARTICLE.headline);
      await selectWithoutMouse(page, { paragraph: 1, from: 'Bundeswehr', to: 'in Iraq' });
      await page.getByRole('button', { name: 'Highlight yellow' }).click();
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Highlights' }).click();
      await expect(page).toHaveURL(`${base}highlights/`);
      await page.getByRole('link', { name: /Bundeswehr will put on pause/ }).click();
      await expect(page.locator('article mark')).toBeFocused();
    });

    test('every page’s HTML already holds its text, title and sharing tags', async ({ request }) => {
      const html = await (await request.get(`${base}article/${SEED_ARTICLE.slug}/`)).text();
      expect(html).toContain(SEED_SENTENCE);
      expect(html).toContain(`<title>${SEED_ARTICLE.headline} · Broadsheet</title>`);
      expect(html).toMatch(/<meta property="og:title" content="US-led coalition/);
      expect(html).toMatch(/<meta name="description" content="Members of the international coalition/);
      expect(html).toContain('<link rel="alternate" type="application/atom+xml" title="Broadsheet" href="../../feed.xml" />');
      expect(html).toMatch(/<html lang="en"/);
      expect(html).toContain('<link rel="manifest" href="../../manifest.webmanifest">');
      // The collection's manifest, which the app starts from, asked for with the page at the site's root.
      expect(html).toContain('<link rel="preload" as="fetch" crossorigin href="../../build.json" />');
      const list = await (await request.get(base)).text();
      expect(list).toContain(`>${HARBOUR_HEADLINE}</a>`);
      expect(list).toContain('<link rel="preload" as="fetch" crossorigin href="./build.json" />');
    });

    test('the feed parses and lists the headlines with links that resolve here', async ({ page, request }) => {
      const xml = await (await request.get(`${base}feed.xml`)).text();
      await page.goto(base);
      const feed = await page.evaluate((source) => {
        const document = new DOMParser().parseFromString(source, 'application/xml');
        return {
          error: document.querySelector('parsererror')?.textContent ?? null,
          titles: [...document.querySelectorAll('entry > title')].map((t) => t.textContent),
          links: [...document.querySelectorAll('entry > link')].map((l) => new URL(l.getAttribute('href') ?? '', `${location.origin}${location.pathname}feed.xml`).href),
        };
      }, xml);
      expect(feed.error).toBeNull();
      expect(feed.titles).toContain(SEED_ARTICLE.headline);
      expect(feed.titles).toContain(HARBOUR_HEADLINE);
      expect(feed.links).toContain(`${base}article/${SEED_ARTICLE.slug}/`);
    });

    test('without JavaScript the list opens, links lead on, and the whole article reads', async ({ browser }) => {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(base);
      await page.getByRole('link', { name: SEED_ARTICLE.headline }).click();
      await expect(page).toHaveURL(`${base}article/${SEED_ARTICLE.slug}/`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(SEED_ARTICLE.headline);
      await expect(page.locator('article p')).toHaveCount(SEED_ARTICLE.paragraphCount);
      await expect(page.getByText(SEED_SENTENCE)).toBeVisible();
      await page.getByRole('link', { name: 'All articles' }).click();
      await expect(page).toHaveURL(base);
      await context.close();
    });

    test('after one visit the list and a visited article open offline', async ({ page, context }) => {
      await page.goto(base);
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
      await page.goto(`${base}article/${SEED_ARTICLE.slug}/`);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await context.setOffline(true);
      await page.goto(base);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Articles');
      await page.getByRole('link', { name: SEED_ARTICLE.headline }).click();
      await expect(page.getByText(SEED_SENTENCE)).toBeVisible();
      await page.reload();
      await expect(page.getByText(SEED_SENTENCE)).toBeVisible();
      await context.setOffline(false);
    });
  });
}

test('a not-found address at the site root is a 404 with the not-found view', async ({ page }) => {
  const base = relativeBaseUrl(RELATIVE_MOUNTS[0]);
  const response = await page.goto(`${base}no/such/page`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
});

test('a new build is offered with “New version available — Reload”, not swapped in under the reader', async ({ page }) => {
  // A copy of the relative build, served on its own, so this test can publish a "new version".
  const folder = mkdtempSync(path.join(tmpdir(), 'broadsheet-update-'));
  cpSync(RELATIVE_DIST, folder, { recursive: true });
  const server = await startStaticServer({ root: folder, mountPath: '/update/', port: UPDATE_PORT + test.info().parallelIndex });
  const base = `http://127.0.0.1:${UPDATE_PORT + test.info().parallelIndex}/update/`;
  try {
    await page.goto(base);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.reload();
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

    appendFileSync(path.join(folder, 'sw.js'), '\n// a new build\n');
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((registration) => registration?.update()));
    const prompt = page.getByRole('status').filter({ hasText: 'New version available' });
    await expect(prompt).toBeVisible({ timeout: 15_000 });
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Articles');

    await Promise.all([page.waitForEvent('load'), prompt.getByRole('button', { name: 'Reload' }).click()]);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Articles');
    await expect(prompt).toHaveCount(0);
  } finally {
    await new Promise((resolve) => server.close(resolve));
    rmSync(folder, { recursive: true, force: true });
  }
});
