import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { E2E_BASE_URL, REMOTE_STORAGE_CONTROL_PORT, REMOTE_STORAGE_PORT, STOPPABLE_STORAGE_PORT } from './config.ts';
import { SEED_ARTICLE, selectWithoutMouse, STORAGE_KEY } from './fixtures.ts';

/*
 * Sync between two devices through a real remoteStorage server (armadietto, started by the global
 * setup): a phone (390 px, touch) and a laptop, each a browser context with its own storage, each
 * connected through WebFinger and the server's OAuth page. Every test has an account of its own.
 * These tests make both devices themselves, so they run once, in the desktop project.
 */

const articleUrl = `article/${SEED_ARTICLE.slug}/`;
const control = (path: string) => `http://127.0.0.1:${REMOTE_STORAGE_CONTROL_PORT}${path}`;

interface Account {
  username: string;
  password: string;
}

async function newAccount(): Promise<Account> {
  const response = await fetch(control('/accounts'), { method: 'POST' });
  return (await response.json()) as Account;
}
async function controlServer(path: string): Promise<void> {
  const response = await fetch(control(path), { method: 'POST' });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
}

interface Device {
  context: BrowserContext;
  page: Page;
  /** Page errors and CSP violations: there must be none, whatever the server does. */
  problems: string[];
}

async function openDevice(browser: Browser, kind: 'phone' | 'laptop'): Promise<Device> {
  const context = await browser.newContext({
    baseURL: E2E_BASE_URL,
    ...(kind === 'phone' ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : { viewport: { width: 1280, height: 800 } }),
  });
  const page = await context.newPage();
  const problems: string[] = [];
  await page.exposeFunction('reportCspViolation', (violation: string) => problems.push(`CSP violation: ${violation}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { reportCspViolation: (v: string) => void }).reportCspViolation(`${event.violatedDirective} blocked ${event.blockedURI}`);
    });
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return { context, page, problems };
}

const test = base.extend<{ phone: Device; laptop: Device }>({
  phone: async ({ browser }, provide) => {
    const device = await openDevice(browser, 'phone');
    await provide(device);
    expect(device.problems).toEqual([]);
    await device.context.close();
  },
  laptop: async ({ browser }, provide) => {
    const device = await openDevice(browser, 'laptop');
    await provide(device);
    expect(device.problems).toEqual([]);
    await device.context.close();
  },
});

// Two devices, two authorizations and a few sync intervals: more than one page's worth of time.
test.describe.configure({ timeout: 60_000 });

async function goto(page: Page, url: string) {
  await page.goto(url);
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-app-ready'));
}

/** Opens Settings and returns its Sync section. */
async function syncSection(page: Page) {
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  if (!(await dialog.isVisible())) await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
  return dialog.getByRole('region', { name: 'Sync' });
}

async function closeSettings(page: Page) {
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  if (await dialog.isVisible()) await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
}

/** Connects through the real flow: address, WebFinger, the server's authorization page, back with a token. */
async function connect(page: Page, account: Account, port = REMOTE_STORAGE_PORT) {
  const address = `${account.username}@127.0.0.1:${port}`;
  const section = await syncSection(page);
  await section.getByLabel('Your remoteStorage address').fill(address);
  await section.getByRole('button', { name: 'Connect' }).click();
  await expect(page.getByRole('heading', { name: 'Authorize' })).toBeVisible();
  await expect(page.getByText('Read/write access to /broadsheet')).toBeVisible();
  await page.getByLabel(/password/).fill(account.password);
  await page.getByRole('button', { name: 'Allow' }).click();
  await page.waitForURL((url) => url.href.startsWith(E2E_BASE_URL));
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-app-ready'));
  const connected = await syncSection(page);
  await expect(connected.getByText(address)).toBeVisible({ timeout: 15_000 });
  await expect(connected.getByText('Last synced')).toBeVisible();
  await closeSettings(page);
}

async function highlightWithNote(page: Page, from: string, to: string, note: string) {
  await selectWithoutMouse(page, { paragraph: 2, from, to });
  await page.getByRole('button', { name: 'Highlight with a note' }).click();
  await page.getByRole('textbox', { name: 'Note' }).fill(note);
  await page.getByRole('button', { name: 'Save note' }).click();
  await expect(page.locator('article mark')).toHaveAttribute('data-has-note', 'true');
}

/** Waits until the device has sent everything it has: "Waiting to send: Nothing" after a completed sync. */
async function expectAllSent(page: Page) {
  const section = await syncSection(page);
  await expect(section.getByRole('definition').filter({ hasText: /^Nothing$/ })).toBeVisible({ timeout: 20_000 });
  await closeSettings(page);
}

/** Some change waits to be sent (the highlight, and the reading position that selecting it moved). */
const PENDING = /^[1-9]\d* changes?$/;

/** Changes from another device arrive at the next sync: a few seconds, never a reload. */
const ARRIVES = { timeout: 20_000 };

async function editNote(page: Page, note: string) {
  await page.locator('article mark').click();
  const editor = page.getByRole('dialog');
  await editor.getByRole('textbox', { name: 'Note' }).fill(note);
  await editor.getByRole('button', { name: 'Save note' }).click();
  await expect(page.locator('article mark')).toHaveAttribute('data-has-note', 'true');
  await page.keyboard.press('Escape');
}

test('a reader who never connects downloads none of the sync client, and Settings offers to connect', async ({ phone }) => {
  const syncClientRequests: string[] = [];
  phone.page.on('request', (request) => {
    if (/sync-session-[^/]+\.js$/.test(request.url())) syncClientRequests.push(request.url());
  });
  await goto(phone.page, './');
  const section = await syncSection(phone.page);
  await expect(section.getByLabel('Your remoteStorage address')).toBeVisible();
  // Built without app keys: no Dropbox or Google Drive button.
  await expect(section.getByRole('button', { name: /Dropbox|Google Drive/ })).toHaveCount(0);
  await section.getByLabel('Your remoteStorage address').fill('not an address');
  await section.getByRole('button', { name: 'Connect' }).click();
  await expect(section.getByText('Write your storage address as user@host')).toBeVisible();
  expect(syncClientRequests).toEqual([]);
});

test('saying no on the storage’s page leaves the device unconnected, with its highlights, and says why', async ({ phone }) => {
  const account = await newAccount();
  await goto(phone.page, articleUrl);
  await selectWithoutMouse(phone.page, { paragraph: 1, from: 'Bundeswehr', to: 'in Iraq' });
  await phone.page.getByRole('button', { name: 'Highlight blue' }).click();
  const section = await syncSection(phone.page);
  await section.getByLabel('Your remoteStorage address').fill(`${account.username}@127.0.0.1:${REMOTE_STORAGE_PORT}`);
  await section.getByRole('button', { name: 'Connect' }).click();
  await phone.page.getByRole('button', { name: 'Deny' }).click();
  await phone.page.waitForURL((url) => url.href.startsWith(E2E_BASE_URL));
  const refused = await syncSection(phone.page);
  await expect(refused.getByText(/did not give this device access/)).toBeVisible();
  await expect(refused.getByLabel('Your remoteStorage address')).toBeVisible();
  await closeSettings(phone.page);
  await expect(phone.page.locator('article mark')).toHaveCount(1);
});

test('a highlight with a note made on the phone appears on the laptop, and its deletion there leaves the phone', async ({ phone, laptop }) => {
  const account = await newAccount();
  await goto(phone.page, articleUrl);
  await goto(laptop.page, articleUrl);
  await connect(phone.page, account);
  await connect(laptop.page, account);

  await highlightWithNote(phone.page, '70 soldiers', 'from Sweden', 'Compare <b>this</b> with Denmark');
  await expect(laptop.page.locator('article mark')).toHaveText('70 soldiers from Sweden', ARRIVES);
  await expect(laptop.page.locator('article mark')).toHaveAttribute('data-has-note', 'true');
  await goto(laptop.page, 'highlights/');
  await expect(laptop.page.getByText('Compare <b>this</b> with Denmark')).toBeVisible();

  await goto(laptop.page, articleUrl);
  await laptop.page.locator('article mark').click();
  await laptop.page.getByRole('button', { name: 'Remove highlight' }).click();
  await expect(laptop.page.locator('article mark')).toHaveCount(0);
  await expect(phone.page.locator('article mark')).toHaveCount(0, ARRIVES);
});

test('edits to one highlight on both devices while offline converge to the later one on both', async ({ phone, laptop }) => {
  const account = await newAccount();
  await goto(phone.page, articleUrl);
  await goto(laptop.page, articleUrl);
  await connect(phone.page, account);
  await connect(laptop.page, account);
  await highlightWithNote(phone.page, '70 soldiers', 'from Sweden', 'first');
  await expect(laptop.page.locator('article mark')).toHaveCount(1, ARRIVES);

  await phone.context.setOffline(true);
  await laptop.context.setOffline(true);
  await editNote(phone.page, 'from the phone, earlier');
  await editNote(laptop.page, 'from the laptop, later');
  const phoneStatus = await syncSection(phone.page);
  await expect(phoneStatus.getByRole('definition').filter({ hasText: PENDING })).toBeVisible();
  await closeSettings(phone.page);

  await phone.context.setOffline(false);
  await laptop.context.setOffline(false);
  for (const device of [phone, laptop]) {
    await goto(device.page, 'highlights/');
    await expect(device.page.getByText('from the laptop, later')).toBeVisible(ARRIVES);
    await expect(device.page.getByText('from the phone, earlier')).toHaveCount(0);
  }
  // Both stay so: nothing of the earlier edit comes back on a later sync.
  await expectAllSent(phone.page);
  await expect(phone.page.getByText('from the laptop, later')).toBeVisible();
});

test('a reading position made on the laptop is offered on the phone', async ({ phone, laptop }) => {
  const account = await newAccount();
  await goto(laptop.page, articleUrl);
  await connect(laptop.page, account);
  await goto(phone.page, './');
  await connect(phone.page, account);

  // A short window, so that a paragraph near the start at the top is partway, not the end.
  await laptop.page.setViewportSize({ width: 1280, height: 400 });
  await laptop.page.locator('article p').nth(2).evaluate((p) => p.scrollIntoView({ block: 'start', behavior: 'instant' }));
  const bar = laptop.page.getByRole('progressbar', { name: 'Reading progress' });
  await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow'))).toBeGreaterThan(0);
  expect(Number(await bar.getAttribute('aria-valuenow'))).toBeLessThan(90);

  const resume = phone.page.getByRole('region', { name: 'Continue reading' });
  await expect(resume).toContainText(SEED_ARTICLE.headline, ARRIVES);
  await resume.getByRole('link').click();
  await expect(phone.page.locator('article p').nth(2)).toBeInViewport();
});

test('with the server stopped, edits are kept, the status says so, and sync resumes when it is back', async ({ phone, laptop }) => {
  const account = await newAccount();
  await controlServer('/start');
  await goto(phone.page, articleUrl);
  await connect(phone.page, account, STOPPABLE_STORAGE_PORT);
  try {
    await controlServer('/stop');
    await highlightWithNote(phone.page, '70 soldiers', 'from Sweden', 'made while the server was down');
    const section = await syncSection(phone.page);
    await expect(section.getByText(/cannot be reached/)).toBeVisible(ARRIVES);
    await expect(section.getByRole('definition').filter({ hasText: PENDING })).toBeVisible();
    await closeSettings(phone.page);
    await expect(phone.page.locator('article mark')).toHaveCount(1);
  } finally {
    await controlServer('/start');
  }
  await expectAllSent(phone.page);
  await expect((await syncSection(phone.page)).getByText(/cannot be reached/)).toHaveCount(0);
  await closeSettings(phone.page);

  await goto(laptop.page, articleUrl);
  await connect(laptop.page, account, STOPPABLE_STORAGE_PORT);
  await expect(laptop.page.locator('article mark')).toHaveText('70 soldiers from Sweden', ARRIVES);
});

test('a revoked token asks the reader to reconnect, keeps their highlights, and reconnecting syncs them', async ({ phone }) => {
  const account = await newAccount();
  await goto(phone.page, articleUrl);
  await connect(phone.page, account);
  await controlServer(`/revoke?user=${account.username}`);
  await highlightWithNote(phone.page, '70 soldiers', 'from Sweden', 'kept through a revoked token');

  const refused = await syncSection(phone.page);
  await expect(refused.getByText(/no longer accepts this device/)).toBeVisible(ARRIVES);
  // The connected status with a fault and its Reconnect button: as accessible as the rest of Settings.
  const axe = await new AxeBuilder({ page: phone.page }).include('dialog').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  expect(await phone.page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
  await refused.getByRole('button', { name: 'Reconnect' }).click();
  await phone.page.getByLabel(/password/).fill(account.password);
  await phone.page.getByRole('button', { name: 'Allow' }).click();
  await phone.page.waitForURL((url) => url.href.startsWith(E2E_BASE_URL));
  await expect(phone.page.locator('article mark')).toHaveCount(1);
  await expectAllSent(phone.page);
  const section = await syncSection(phone.page);
  await expect(section.getByText(/no longer accepts/)).toHaveCount(0);

  // Disconnecting stops syncing and keeps this device's copy.
  await section.getByRole('button', { name: 'Disconnect' }).click();
  await expect(section.getByLabel('Your remoteStorage address')).toBeVisible();
  await closeSettings(phone.page);
  await phone.page.reload();
  await expect(phone.page.locator('article mark')).toHaveCount(1);
  await expect((await syncSection(phone.page)).getByLabel('Your remoteStorage address')).toBeVisible();
});

test('records a server garbles are skipped with a notice, never shown, and nothing here is lost', async ({ phone, laptop }) => {
  const account = await newAccount();
  await goto(phone.page, articleUrl);
  await connect(phone.page, account);
  await highlightWithNote(phone.page, '70 soldiers', 'from Sweden', 'a real note');
  await expectAllSent(phone.page);

  await goto(laptop.page, articleUrl);
  await selectWithoutMouse(laptop.page, { paragraph: 1, from: 'Bundeswehr', to: 'in Iraq' });
  await laptop.page.getByRole('button', { name: 'Highlight blue' }).click();
  await controlServer(`/fault?user=${account.username}&mode=garbage`);
  await connect(laptop.page, account);
  const section = await syncSection(laptop.page);
  await expect(section.getByText(/could not be read and (was|were) left out/)).toBeVisible(ARRIVES);
  await closeSettings(laptop.page);
  await expect(laptop.page.locator('article mark')).toHaveCount(1);
  await expect(laptop.page.locator('article mark')).toHaveAttribute('data-color', 'blue');
  await goto(laptop.page, 'highlights/');
  await expect(laptop.page.getByText('<script>')).toHaveCount(0);
  await expect(laptop.page.locator('img')).toHaveCount(0);
});

test('a full storage (507) and a failing one (500) are said plainly, and the change is sent once they recover', async ({ phone }) => {
  const account = await newAccount();
  await goto(phone.page, articleUrl);
  await connect(phone.page, account);
  for (const [status, message] of [
    [507, /storage is full/],
    [500, /server had a problem/],
  ] as const) {
    await controlServer(`/fault?user=${account.username}&mode=status-${status}`);
    await editOrHighlight(phone.page, `during a ${status}`);
    const section = await syncSection(phone.page);
    await expect(section.getByText(message)).toBeVisible(ARRIVES);
    await closeSettings(phone.page);
  }
  await controlServer(`/fault?user=${account.username}&mode=none`);
  await expectAllSent(phone.page);
});

test('a server that loses what it accepted gets it back from the device at the next sync', async ({ phone, laptop }) => {
  const account = await newAccount();
  await goto(phone.page, articleUrl);
  await connect(phone.page, account);
  await highlightWithNote(phone.page, '70 soldiers', 'from Sweden', 'kept by the phone');
  await expectAllSent(phone.page);

  const lost = (await (await fetch(control(`/lose?user=${account.username}`), { method: 'POST' })).json()) as { existed: boolean };
  expect(lost.existed).toBe(true);
  await goto(laptop.page, articleUrl);
  await connect(laptop.page, account);
  await expect(laptop.page.locator('article mark')).toHaveText('70 soldiers from Sweden', ARRIVES);
  await expect(phone.page.locator('article mark')).toHaveCount(1);
});

async function editOrHighlight(page: Page, note: string) {
  if ((await page.locator('article mark').count()) === 0) await highlightWithNote(page, '70 soldiers', 'from Sweden', note);
  else await editNote(page, note);
}

test('1,000 highlights reach a fresh device (time printed)', async ({ phone, laptop }) => {
  test.setTimeout(240_000);
  const account = await newAccount();
  await goto(phone.page, articleUrl);
  // A reader with a thousand highlights, saved before they ever connected.
  await phone.page.evaluate(
    ({ key, articleId }) => {
      const at = new Date('2026-01-01T00:00:00.000Z').getTime();
      const highlights = Array.from({ length: 1000 }, (_, index) => {
        const time = new Date(at + index * 1000).toISOString();
        return {
          id: `bulk${index.toString().padStart(4, '0')}`,
          articleId,
          articleHeadline: 'Bulk',
          quote: { type: 'TextQuoteSelector', exact: `passage ${index}`, prefix: '', suffix: '' },
          position: { type: 'TextPositionSelector', start: index, end: index + 5 },
          color: 'yellow',
          note: `note ${index}`,
          createdAt: time,
          updatedAt: time,
        };
      });
      localStorage.setItem(key, JSON.stringify({ version: 2, highlights, deleted: [] }));
    },
    { key: STORAGE_KEY, articleId: SEED_ARTICLE.id },
  );
  await goto(phone.page, articleUrl);
  const uploadStarted = Date.now();
  await connect(phone.page, account);
  await expect(async () => {
    const section = await syncSection(phone.page);
    await expect(section.getByRole('definition').filter({ hasText: /^Nothing$/ })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 200_000 });
  const uploadMs = Date.now() - uploadStarted;
  await closeSettings(phone.page);

  await goto(laptop.page, './');
  const downloadStarted = Date.now();
  await connect(laptop.page, account);
  await expect
    .poll(() => laptop.page.evaluate((key) => (JSON.parse(localStorage.getItem(key) ?? '{"highlights":[]}') as { highlights: unknown[] }).highlights.length, STORAGE_KEY), {
      timeout: 200_000,
    })
    .toBe(1000);
  const downloadMs = Date.now() - downloadStarted;
  const figures = `1,000 highlights: sent from the phone in ${(uploadMs / 1000).toFixed(1)} s; on a fresh laptop, from Connect to all saved, ${(downloadMs / 1000).toFixed(1)} s (OAuth included)`;
  test.info().annotations.push({ type: 'sync timing', description: figures });
  console.log(figures);
});
