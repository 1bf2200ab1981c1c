// Screenshots of Maton's "Clockify connections" for the README, in light and dark: two accounts, one
// waiting for its sign-in in the browser. With UPDATE_SCREENSHOTS=1 they go to docs/screenshots/.
import type { Page } from '@playwright/test';
import { FAKE_MATON_KEY } from '../fake-clockify/server';
import { expect, test } from '../support/fixtures';
import { screenshotPath as out, settle } from '../support/screenshots';

test.use({ viewport: { width: 380, height: 600 } });

/** Lena signed in with her API key, then Jonas added through Maton from the account menu (active). */
async function lenaThenJonas(page: Page, app: Parameters<Parameters<typeof test>[2]>[0]['app']): Promise<void> {
  await app.signIn();
  await app.open(page);
  await page.getByRole('button', { name: 'Account' }).click();
  await page.getByRole('group', { name: 'Account' }).getByRole('button', { name: 'Add account…' }).click();
  await page.getByRole('combobox', { name: 'Connection' }).selectOption('Maton gateway');
  await page.getByRole('textbox', { name: 'Maton API key' }).fill(FAKE_MATON_KEY);
  await page.getByRole('button', { name: 'Connect' }).click();
  await page.getByRole('list', { name: 'Clockify connections' }).getByRole('button', { name: 'Use this account' }).click();
  await expect(page.getByRole('combobox', { name: 'Workspace' })).toHaveValue(/.+/);
}

for (const scheme of ['light', 'dark'] as const) {
  test(`Clockify connections (${scheme})`, async ({ page, app, fake }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await app.open(page);
    await page.getByRole('combobox', { name: 'Connection' }).selectOption('Maton gateway');
    await page.getByRole('textbox', { name: 'Maton API key' }).fill(FAKE_MATON_KEY);
    await page.getByRole('button', { name: 'Connect' }).click();
    const list = page.getByRole('list', { name: 'Clockify connections' });
    await page.getByRole('button', { name: 'Add Clockify account' }).click();
    // The URL is recorded once the connection exists on the server: wait for it, not for the click.
    await expect.poll(() => app.harness.openedUrls.length).toBe(1);
    const token = new URL(app.harness.openedUrls[0]!).searchParams.get('session_token');
    await fetch(`${fake.origin}/__fake/maton/finish`, { method: 'POST', body: JSON.stringify({ sessionToken: token, outcome: 'ACTIVE', email: 'jonas.weber@example.com' }) });
    await expect(list.getByRole('listitem')).toHaveCount(2, { timeout: 15_000 });
    await page.getByRole('button', { name: 'Add Clockify account' }).click();
    await expect(page.getByRole('status')).toBeVisible();
    await settle(page);
    await page.screenshot({ path: out('maton-connections', scheme) });
    await list.getByRole('listitem').filter({ hasText: 'Jonas Weber' }).getByRole('button', { name: 'Remove' }).click();
    await settle(page);
    await page.screenshot({ path: out('maton-remove', scheme) });
  });
}

for (const scheme of ['light', 'dark'] as const) {
  test(`account menu with two accounts (${scheme})`, async ({ page, app, fake }) => {
    await page.emulateMedia({ colorScheme: scheme });
    // Jonas's Clockify account is connected at Maton, not Lena's.
    fake.state.matonConnections[0]!.userId = fake.state.users.find((user) => user.email === 'jonas.weber@example.com')!.id;
    await lenaThenJonas(page, app);
    expect(fake.state.matonConnections).toHaveLength(1);
    await page.getByRole('button', { name: 'Account' }).click();
    await expect(page.getByRole('list', { name: 'Accounts' }).getByRole('listitem')).toHaveCount(2);
    await settle(page);
    await page.screenshot({ path: out('account-menu-accounts', scheme) });
  });
}

for (const scheme of ['light', 'dark'] as const) {
  test(`another account's running timer and waiting change (${scheme})`, async ({ page, app, fake }) => {
    await page.emulateMedia({ colorScheme: scheme });
    fake.state.matonConnections[0]!.userId = fake.state.users.find((user) => user.email === 'jonas.weber@example.com')!.id;
    await lenaThenJonas(page, app);
    await page.getByRole('button', { name: 'Account' }).click();
    await page.getByRole('list', { name: 'Accounts' }).getByRole('button', { name: /^Switch to Lena Fischer/ }).click();
    await expect(page.getByRole('list', { name: 'Recent entries' })).toContainText('Logo sketches');
    // Lena's new timer cannot reach Clockify yet when she switches to Jonas.
    fake.addFault({ kind: 'status', status: 503, count: Infinity, match: { method: 'POST' } });
    await page.getByRole('textbox', { name: 'Description' }).fill('Logo sketches, round 2');
    await page.getByRole('button', { name: 'Start' }).click();
    await page.getByRole('button', { name: 'Account' }).click();
    await page.getByRole('list', { name: 'Accounts' }).getByRole('button', { name: /^Switch to Jonas Weber/ }).click();
    await expect(page.getByRole('group', { name: 'Timer running in Lena Fischer' })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'waiting for Lena Fischer' })).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Workspace' })).toHaveValue(/.+/);
    const dismiss = page.getByRole('button', { name: 'Dismiss' });
    while ((await dismiss.count()) > 0) await dismiss.first().click();
    await settle(page);
    await page.screenshot({ path: out('accounts-other-account', scheme) });
  });
}
