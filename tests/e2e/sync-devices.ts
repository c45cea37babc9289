import { test as base, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { E2E_BASE_URL, REMOTE_STORAGE_CONTROL_PORT, REMOTE_STORAGE_PORT } from './config.ts';
import { collectPageProblems, SEED_ARTICLE, selectWithoutMouse } from './fixtures.ts';

export { expect };

/*
 * Helpers for the sync tests (sync.spec.ts, sync-faults.spec.ts): accounts on the real
 * remoteStorage server the global setup starts (through its control API), and devices, each a
 * browser context with its own storage, connected through WebFinger and the server's OAuth page.
 * The tests make their phone and laptop themselves, so they run once, in the desktop project.
 */

export const articleUrl = `article/${SEED_ARTICLE.slug}/`;
export const control = (path: string) => `http://127.0.0.1:${REMOTE_STORAGE_CONTROL_PORT}${path}`;

export interface Account {
  username: string;
  password: string;
}

export async function newAccount(): Promise<Account> {
  const response = await fetch(control('/accounts'), { method: 'POST' });
  return (await response.json()) as Account;
}
export async function controlServer(path: string): Promise<void> {
  const response = await fetch(control(path), { method: 'POST' });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
}

export interface Device {
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
  const problems = await collectPageProblems(page);
  return { context, page, problems };
}

export const test = base.extend<{ phone: Device; laptop: Device }>({
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

/** Two devices, two authorizations and a few sync intervals: more than one page's worth of time. */
export const SYNC_TEST_TIMEOUT = 60_000;

export async function goto(page: Page, url: string) {
  await page.goto(url);
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-app-ready'));
}

/** Opens Settings and returns its Sync section. */
export async function syncSection(page: Page) {
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  if (!(await dialog.isVisible())) await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
  return dialog.getByRole('region', { name: 'Sync' });
}

export async function closeSettings(page: Page) {
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  if (await dialog.isVisible()) await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
}

/** Connects through the real flow: address, WebFinger, the server's authorization page, back with a token. */
export async function connect(page: Page, account: Account, port = REMOTE_STORAGE_PORT) {
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

export async function highlightWithNote(page: Page, from: string, to: string, note: string) {
  await selectWithoutMouse(page, { paragraph: 2, from, to });
  await page.getByRole('button', { name: 'Highlight with a note' }).click();
  await page.getByRole('textbox', { name: 'Note' }).fill(note);
  await page.getByRole('button', { name: 'Save note' }).click();
  await expect(page.locator('article mark')).toHaveAttribute('data-has-note', 'true');
}

/** Waits until the device has sent everything it has: "Waiting to send: Nothing" after a completed sync. */
export async function expectAllSent(page: Page) {
  const section = await syncSection(page);
  await expect(section.getByRole('definition').filter({ hasText: /^Nothing$/ })).toBeVisible({ timeout: 20_000 });
  await closeSettings(page);
}

/** Some change waits to be sent (the highlight, and the reading position that selecting it moved). */
export const PENDING = /^[1-9]\d* changes?$/;

/** Changes from another device arrive at the next sync: a few seconds, never a reload. */
export const ARRIVES = { timeout: 20_000 };

export async function editNote(page: Page, note: string) {
  await page.locator('article mark').click();
  const editor = page.getByRole('dialog');
  await editor.getByRole('textbox', { name: 'Note' }).fill(note);
  await editor.getByRole('button', { name: 'Save note' }).click();
  await expect(page.locator('article mark')).toHaveAttribute('data-has-note', 'true');
  await page.keyboard.press('Escape');
}
