import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { E2E_BASE_URL, STOPPABLE_STORAGE_PORT } from './config.ts';
import { SEED_ARTICLE, selectWithoutMouse, STORAGE_KEY } from './fixtures.ts';
import {
  ARRIVES,
  articleUrl,
  closeSettings,
  connect,
  control,
  controlServer,
  editNote,
  expect,
  expectAllSent,
  goto,
  highlightWithNote,
  newAccount,
  PENDING,
  SYNC_TEST_TIMEOUT,
  syncSection,
  test,
} from './sync-devices.ts';

/*
 * Sync when things go wrong: the server stopped, a token revoked, garbage, a full or failing
 * storage, a server that loses documents; and 1,000 highlights to a fresh device, timed.
 */
test.describe.configure({ timeout: SYNC_TEST_TIMEOUT });

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
