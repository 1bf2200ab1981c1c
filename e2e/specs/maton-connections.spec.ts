// Maton's Clockify connections through the popover: setup with a Maton key lists them by user,
// "Add Clockify account" opens Maton's sign-in page (the harness records it and never opens it; the
// spec plays the browser through the fake's control API), "Use this account", "Remove" after a
// confirmation naming the account, and switching from the account menu.
import type { Page } from '@playwright/test';
import { FAKE_MATON_CONNECTION_ID, FAKE_MATON_KEY, type FakeClockify } from '../fake-clockify/server';
import { expect, test } from '../support/fixtures';

/** The first poll comes 2 s after the browser opened, then less often: room for a busy machine. */
const POLLED = { timeout: 15_000 };

async function enterMatonKey(page: Page, key = FAKE_MATON_KEY): Promise<void> {
  await page.getByRole('combobox', { name: 'Connection' }).selectOption('Maton gateway');
  await page.getByRole('textbox', { name: 'Maton API key' }).fill(key);
  await page.getByRole('button', { name: 'Connect' }).click();
}

/** Plays the person in the browser: finishes (or fails) the OAuth of the page the app asked to open. */
async function finishInBrowser(fake: FakeClockify, url: string, outcome: 'ACTIVE' | 'FAILED', email?: string): Promise<void> {
  const sessionToken = new URL(url).searchParams.get('session_token');
  const reply = await fetch(`${fake.origin}/__fake/maton/finish`, { method: 'POST', body: JSON.stringify({ sessionToken, outcome, ...(email ? { email } : {}) }) });
  expect(reply.status).toBe(200);
}

const connections = (page: Page) => page.getByRole('list', { name: 'Clockify connections' });
const item = (page: Page, name: string) => connections(page).getByRole('listitem').filter({ hasText: name });

test('a Maton key lists its connections by user; "Use this account" signs in with that connection on every request', async ({ page, app, fake }) => {
  await app.open(page);
  await enterMatonKey(page);
  await expect(item(page, 'Lena Fischer')).toContainText('lena.fischer@example.com');
  expect(app.harness.core.snapshot().account.status).toBe('signed-out');

  fake.clearRequests();
  await item(page, 'Lena Fischer').getByRole('button', { name: 'Use this account' }).click();
  await expect(page.getByText('Signed in as Lena Fischer.')).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Workspace' })).toHaveValue(/.+/);
  expect(app.harness.core.snapshot().account).toMatchObject({ status: 'signed-in', connection: { kind: 'maton', connectionId: FAKE_MATON_CONNECTION_ID } });
  const gateway = fake.requests.filter((request) => request.path.startsWith('/clockify/api/v1/'));
  expect(gateway.length).toBeGreaterThan(0);
  expect(gateway.filter((request) => request.headers['maton-connection'] !== FAKE_MATON_CONNECTION_ID)).toEqual([]);
});

test('a wrong Maton key is said so and nothing is listed', async ({ page, app }) => {
  await app.open(page);
  await enterMatonKey(page, 'wrong-maton-key');
  await expect(page.getByRole('alert')).toContainText('Maton did not accept this key (401)');
  await expect(connections(page)).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: 'Maton API key' })).toBeFocused();
});

test('no connection yet: says so and adds one through the browser, which then can be used', async ({ page, app, fake }) => {
  fake.state.matonConnections.length = 0;
  await app.open(page);
  await enterMatonKey(page);
  await expect(page.getByText('No Clockify account is connected to this Maton key yet')).toBeVisible();

  await page.getByRole('button', { name: 'Add Clockify account' }).click();
  await expect(page.getByRole('status')).toHaveText(/^Finish connecting in your browser…/);
  expect(app.harness.openedUrls).toHaveLength(1);
  expect(new URL(app.harness.openedUrls[0]!)).toMatchObject({ protocol: 'https:', host: 'connect.maton.ai' });

  await finishInBrowser(fake, app.harness.openedUrls[0]!, 'ACTIVE', 'jonas.weber@example.com');
  await expect(item(page, 'Jonas Weber')).toContainText('jonas.weber@example.com', POLLED);
  await expect(page.getByRole('status')).toHaveCount(0);
  await item(page, 'Jonas Weber').getByRole('button', { name: 'Use this account' }).click();
  await expect(page.getByText('Signed in as Jonas Weber.')).toBeVisible();
});

test('an OAuth that fails in the browser is said so, and Cancel deletes a pending connection', async ({ page, app, fake }) => {
  await app.open(page);
  await enterMatonKey(page);
  await page.getByRole('button', { name: 'Add Clockify account' }).click();
  await expect(page.getByRole('status')).toBeVisible();
  await expect.poll(() => app.harness.openedUrls.length).toBe(1);
  await finishInBrowser(fake, app.harness.openedUrls[0]!, 'FAILED');
  await expect(page.getByRole('alert')).toContainText('Connecting the Clockify account failed in the browser', POLLED);
  expect(fake.state.matonConnections.map((connection) => connection.id)).toEqual([FAKE_MATON_CONNECTION_ID]);

  await page.getByRole('button', { name: 'Add Clockify account' }).click();
  await expect(page.getByRole('status')).toBeVisible();
  expect(fake.state.matonConnections.filter((connection) => connection.status === 'PENDING')).toHaveLength(1);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('status')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Add Clockify account' })).toBeVisible();
  expect(fake.state.matonConnections.map((connection) => connection.id)).toEqual([FAKE_MATON_CONNECTION_ID]);
});

test('from the account menu: switch to another connection; Remove asks naming the account and never removes the one in use', async ({ page, app, fake }) => {
  await app.open(page);
  await enterMatonKey(page);
  await page.getByRole('button', { name: 'Add Clockify account' }).click();
  await expect.poll(() => app.harness.openedUrls.length).toBe(1);
  await finishInBrowser(fake, app.harness.openedUrls[0]!, 'ACTIVE', 'jonas.weber@example.com');
  await expect(item(page, 'Jonas Weber')).toBeVisible(POLLED);
  await item(page, 'Lena Fischer').getByRole('button', { name: 'Use this account' }).click();
  await expect(page.getByText('Signed in as Lena Fischer.')).toBeVisible();

  await page.getByRole('button', { name: 'Account' }).click();
  await page.getByRole('group', { name: 'Account' }).getByRole('button', { name: 'Clockify connections…' }).click();
  await expect(item(page, 'Lena Fischer')).toContainText('In use');
  await item(page, 'Lena Fischer').getByRole('button', { name: 'Remove' }).click();
  await expect(page.getByRole('alert')).toHaveText('Lena Fischer (lena.fischer@example.com) is the account in use: switch to another account first, then remove it.');

  await item(page, 'Jonas Weber').getByRole('button', { name: 'Use this account' }).click();
  await expect(page.getByText('Signed in as Jonas Weber.')).toBeVisible();
  const jonas = app.harness.core.snapshot().account;
  expect(jonas).toMatchObject({ status: 'signed-in', email: 'jonas.weber@example.com' });

  await page.getByRole('button', { name: 'Account' }).click();
  await page.getByRole('group', { name: 'Account' }).getByRole('button', { name: 'Clockify connections…' }).click();
  await item(page, 'Lena Fischer').getByRole('button', { name: 'Remove' }).click();
  await expect(item(page, 'Lena Fischer')).toContainText('Remove the connection of Lena Fischer (lena.fischer@example.com) from Maton?');
  await item(page, 'Lena Fischer').getByRole('button', { name: 'Remove connection' }).click();
  await expect(item(page, 'Lena Fischer')).toHaveCount(0);
  expect(fake.state.matonConnections.map((connection) => connection.id)).not.toContain(FAKE_MATON_CONNECTION_ID);
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('combobox', { name: 'Workspace' })).toBeVisible();
});
