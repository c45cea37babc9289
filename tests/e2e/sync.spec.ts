import { E2E_BASE_URL, REMOTE_STORAGE_PORT } from './config.ts';
import { SEED_ARTICLE, selectWithoutMouse } from './fixtures.ts';
import {
  ARRIVES,
  articleUrl,
  closeSettings,
  connect,
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
 * Two devices, a phone (390 px, touch) and a laptop, each with its own storage, synced through a
 * real remoteStorage server (armadietto, started by the global setup) after connecting through
 * WebFinger and the server's OAuth page. Faults are in sync-faults.spec.ts.
 */
test.describe.configure({ timeout: SYNC_TEST_TIMEOUT });

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
