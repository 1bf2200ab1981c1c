// Several accounts through the popover: an API-key account and a Maton account added from the account
// menu, switching between them there, pending changes that stay with their account, and signing out
// of one account leaving the other.
import type { Page } from '@playwright/test';
import { FAKE_MATON_KEY, type FakeClockify } from '../fake-clockify/server';
import { expect, test } from '../support/fixtures';

const JONAS_CONNECTION = '6a1f0c2e-0000-4000-8000-0000000j0nas';

function connectJonasAtMaton(fake: FakeClockify): void {
  const jonas = fake.state.users.find((user) => user.email === 'jonas.weber@example.com')!;
  const at = new Date().toISOString();
  fake.state.matonConnections.push({ id: JONAS_CONNECTION, userId: jonas.id, status: 'ACTIVE', app: 'clockify', creationTime: at, lastUpdatedTime: at, sessionToken: 'jonas' });
}

/** Signed in with Lena's API key, then adds Jonas through Maton from the account menu. */
async function lenaThenJonas(page: Page, app: Parameters<Parameters<typeof test>[2]>[0]['app'], fake: FakeClockify): Promise<void> {
  connectJonasAtMaton(fake);
  await app.signIn();
  await app.open(page);
  await page.getByRole('button', { name: 'Account' }).click();
  await page.getByRole('group', { name: 'Account' }).getByRole('button', { name: 'Add account…' }).click();
  await expect(page.getByRole('heading', { name: 'Add an account' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Connection' }).selectOption('Maton gateway');
  await page.getByRole('textbox', { name: 'Maton API key' }).fill(FAKE_MATON_KEY);
  await page.getByRole('button', { name: 'Connect' }).click();
  await page.getByRole('list', { name: 'Clockify connections' }).getByRole('listitem').filter({ hasText: 'Jonas Weber' }).getByRole('button', { name: 'Use this account' }).click();
  await expect(page.getByText('Signed in as Jonas Weber.')).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Workspace' })).toHaveValue(/.+/);
}

const accountsList = (page: Page) => page.getByRole('group', { name: 'Account' }).getByRole('list', { name: 'Accounts' });

test('the account menu lists both accounts with the active one marked, and switches between them', async ({ page, app, fake }) => {
  await lenaThenJonas(page, app, fake);
  await page.getByRole('button', { name: 'Account' }).click();
  await expect(accountsList(page).getByRole('listitem')).toHaveCount(2);
  await expect(accountsList(page).locator('[aria-current="true"]')).toContainText('Jonas Weber');

  fake.clearRequests();
  await accountsList(page).getByRole('button', { name: 'Switch to Lena Fischer (lena.fischer@example.com, Global)' }).click();
  await expect(page.getByText('Switched to Lena Fischer (lena.fischer@example.com).')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Recent entries' })).toContainText('Logo sketches');
  expect(fake.requests.length).toBeGreaterThan(0);
  expect(fake.requests.filter((request) => request.headers.authorization !== undefined || request.headers['maton-connection'] !== undefined)).toEqual([]);

  await page.getByRole('button', { name: 'Account' }).click();
  await expect(accountsList(page).locator('[aria-current="true"]')).toContainText('Lena Fischer');
  await accountsList(page).getByRole('button', { name: /^Switch to Jonas Weber/ }).click();
  await expect(page.getByText('Switched to Jonas Weber (jonas.weber@example.com).')).toBeVisible();
  expect(app.harness.core.snapshot().account).toMatchObject({ email: 'jonas.weber@example.com', connection: { kind: 'maton', connectionId: JONAS_CONNECTION } });
});

test('each account shows its own cache: nothing of one in the other, and switching back shows its entries at once, even with Clockify out of reach', async ({ page, app, fake }) => {
  await lenaThenJonas(page, app, fake);
  await page.getByRole('button', { name: 'Account' }).click();
  await accountsList(page).getByRole('button', { name: /^Switch to Lena Fischer/ }).click();
  await expect(page.getByRole('list', { name: 'Recent entries' })).toContainText('Logo sketches');
  const lenaWorkspace = await page.getByRole('combobox', { name: 'Workspace' }).inputValue();

  await page.getByRole('button', { name: 'Account' }).click();
  await accountsList(page).getByRole('button', { name: /^Switch to Jonas Weber/ }).click();
  await expect(page.getByText('Switched to Jonas Weber (jonas.weber@example.com).')).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Workspace' })).toHaveValue(/.+/);
  await expect(page.getByRole('list', { name: 'Recent entries' })).not.toContainText('Logo sketches');

  fake.addFault({ kind: 'reset', count: Infinity });
  await page.getByRole('button', { name: 'Account' }).click();
  await accountsList(page).getByRole('button', { name: /^Switch to Lena Fischer/ }).click();
  await expect(page.getByRole('list', { name: 'Recent entries' })).toContainText('Logo sketches');
  await expect(page.getByRole('combobox', { name: 'Workspace' })).toHaveValue(lenaWorkspace);
});

test('switching while offline with a change pending: the change waits for its account, visibly, and reaches that account once online', async ({ page, app, fake }) => {
  await lenaThenJonas(page, app, fake);
  await page.getByRole('button', { name: 'Account' }).click();
  await accountsList(page).getByRole('button', { name: /^Switch to Lena Fischer/ }).click();
  await expect(page.getByText('Switched to Lena Fischer (lena.fischer@example.com).')).toBeVisible();

  // Reads cannot connect; writes are refused before they land (a write whose answer is lost would
  // wait out its grace period before being looked for, which is another test's subject).
  fake.addFault({ kind: 'reset', count: Infinity, match: { method: 'GET' } });
  fake.addFault({ kind: 'status', status: 503, count: Infinity, match: { method: 'POST' } });
  fake.addFault({ kind: 'status', status: 503, count: Infinity, match: { method: 'PATCH' } });
  await page.getByRole('textbox', { name: 'Description' }).fill('Lena, offline');
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'pending' })).toBeVisible();

  await page.getByRole('button', { name: 'Account' }).click();
  await accountsList(page).getByRole('button', { name: /^Switch to Jonas Weber/ }).click();
  await expect(page.getByText('Switched to Jonas Weber (jonas.weber@example.com).')).toBeVisible();
  const waiting = page.getByRole('status').filter({ hasText: /waiting for Lena Fischer \(lena\.fischer@example\.com\)/ });
  await expect(waiting).toContainText('kept and sent with that account’s key');
  await expect(page.getByRole('list', { name: 'Recent entries' })).not.toContainText('Lena, offline');
  await page.screenshot({ path: test.info().outputPath('waiting-for-other-account.png') });

  // Jonas's own load fails too: the popover says offline and offers Retry, which sends every account's changes.
  const retry = page.getByRole('button', { name: 'Retry' });
  await expect(retry).toBeVisible({ timeout: 20_000 });
  fake.clearFaults();
  await retry.click();
  // A request already under way finishes its own backoff first.
  await expect(waiting).toHaveCount(0, { timeout: 20_000 });
  const lena = fake.state.users.find((user) => user.email === 'lena.fischer@example.com')!.id;
  const sent = fake.state.timeEntries.filter((entry) => entry.description === 'Lena, offline');
  expect(sent).toHaveLength(1);
  expect(sent[0]).toMatchObject({ userId: lena, end: null });
  expect(app.harness.core.snapshot().account).toMatchObject({ email: 'jonas.weber@example.com' });

  // One timer for the person: Lena's still runs (switching did not stop it); starting one here stops it and says so.
  await expect(page.getByRole('group', { name: 'Timer running in Lena Fischer' })).toContainText('“Lena, offline”');
  await page.getByRole('textbox', { name: 'Description' }).fill('Jonas now');
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByText('The timer in lena.fischer@example.com (“Lena, offline”) was stopped: one timer runs at a time.')).toBeVisible();
  await expect(page.getByRole('group', { name: 'Timer running in Lena Fischer' })).toHaveCount(0);
  await expect.poll(() => fake.state.timeEntries.filter((entry) => entry.end === null).map((entry) => [entry.description, entry.userId === lena])).toEqual([['Jonas now', false]]);
});

test('a timer left running in the other account is shown after the switch and stopped from there, with that account’s key', async ({ page, app, fake }) => {
  await lenaThenJonas(page, app, fake);
  await page.getByRole('button', { name: 'Account' }).click();
  await accountsList(page).getByRole('button', { name: /^Switch to Lena Fischer/ }).click();
  await expect(page.getByText('Switched to Lena Fischer (lena.fischer@example.com).')).toBeVisible();
  await page.getByRole('textbox', { name: 'Description' }).fill('Logo work');
  await page.getByRole('button', { name: 'Start' }).click();
  await expect.poll(() => fake.state.timeEntries.some((entry) => entry.description === 'Logo work' && entry.end === null)).toBe(true);

  await page.getByRole('button', { name: 'Account' }).click();
  await accountsList(page).getByRole('button', { name: /^Switch to Jonas Weber/ }).click();
  await expect(page.getByText('Switched to Jonas Weber (jonas.weber@example.com).')).toBeVisible();
  const running = page.getByRole('group', { name: 'Timer running in Lena Fischer' });
  await expect(running).toContainText('Running in Lena Fischer');
  await expect(running).toContainText('“Logo work”');
  await page.screenshot({ path: test.info().outputPath('running-in-other-account.png') });

  fake.clearRequests();
  await running.getByRole('button', { name: 'Stop the timer in Lena Fischer' }).click();
  await expect(running).toHaveCount(0);
  await expect.poll(() => fake.state.timeEntries.find((entry) => entry.description === 'Logo work')?.end ?? null).not.toBeNull();
  const stop = fake.requests.find((request) => request.method === 'PATCH');
  expect(stop?.headers['x-api-key']).toBeDefined();
  expect(stop?.headers['maton-connection']).toBeUndefined();
  expect(app.harness.core.snapshot().account).toMatchObject({ email: 'jonas.weber@example.com' });
});

test('signing out of one account keeps the other, which becomes active', async ({ page, app, fake }) => {
  await lenaThenJonas(page, app, fake);
  await page.getByRole('button', { name: 'Account' }).click();
  await page.getByRole('group', { name: 'Account' }).getByRole('button', { name: 'Sign out…' }).click();
  await expect(page.getByRole('group', { name: 'Account' })).toContainText('Sign out of jonas.weber@example.com');
  await page.getByRole('group', { name: 'Account' }).getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page.getByRole('combobox', { name: 'Workspace' })).toBeVisible();
  await expect.poll(() => app.harness.core.snapshot().account).toMatchObject({ status: 'signed-in', email: 'lena.fischer@example.com' });
  await page.getByRole('button', { name: 'Account' }).click();
  await expect(page.getByRole('group', { name: 'Account' })).toContainText('lena.fischer@example.com');
  await expect(accountsList(page)).toHaveCount(0);
});
