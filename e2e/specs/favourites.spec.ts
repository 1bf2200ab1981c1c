// Favourites as a user meets them: pinned from the running timer and from a recent entry, started
// with one click or Enter (a running timer stopped first), arranged with the keyboard (Move up /
// Move down, Remove, a shortcut of its own, a clash said), and one whose project was archived on the
// web says so and starts nothing.
import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { entriesOnServer, outboxIdle, writes } from '../support/popover';

test.beforeEach(async ({ app }) => {
  await app.signIn();
});

const favourites = (page: Page) => page.getByRole('list', { name: 'Favourites' });

test('pins the running timer and a recent entry; one click starts a favourite, stopping the running timer first', async ({ page, app, fake }) => {
  await app.open(page);
  await page.getByRole('textbox', { name: 'Description' }).fill('Inbox zero');
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByRole('timer')).toContainText('Inbox zero');
  await page.getByRole('group', { name: 'Running timer' }).getByRole('button', { name: 'Add to favourites' }).click();
  await expect(favourites(page).getByRole('button', { name: 'Favourite 1: Inbox zero' })).toBeVisible();

  const logo = page.getByRole('list', { name: 'Recent entries' }).getByRole('listitem').filter({ hasText: 'Logo sketches' });
  await logo.hover();
  await logo.getByRole('button', { name: 'Add to favourites' }).click();
  await expect(favourites(page).getByRole('button', { name: 'Favourite 2: Logo sketches — Café Rebrand' })).toBeVisible();
  // The same thing again is said, not pinned twice.
  await logo.hover();
  await logo.getByRole('button', { name: 'Add to favourites' }).click();
  await expect(page.getByText('“Logo sketches — Café Rebrand” is already favourite 2.')).toBeVisible();
  await outboxIdle(page, app);
  fake.clearRequests();

  await favourites(page).getByRole('button', { name: 'Favourite 2: Logo sketches — Café Rebrand' }).click();
  await expect(page.getByRole('timer')).toContainText('Logo sketches');
  await outboxIdle(page, app);
  expect(writes(fake)).toEqual(['PATCH 200', 'POST 201']);
  const running = entriesOnServer(fake).filter((entry) => entry.end === null);
  expect(running.map((entry) => entry.description)).toEqual(['Logo sketches']);
  expect(entriesOnServer(fake).find((entry) => entry.description === 'Inbox zero')?.end).not.toBeNull();
});

test('arranged with the keyboard: move, a shortcut of its own (a clash said), remove; Enter starts one', async ({ page, app }) => {
  for (const description of ['Logo sketches', 'Standup and planning']) {
    const entry = app.harness.core.snapshot().recent.find((candidate) => candidate.description === description)!;
    expect(app.harness.core.addFavourite(entry.key).ok).toBe(true);
  }
  await app.open(page);
  await page.getByRole('button', { name: 'Arrange favourites' }).focus();
  await page.keyboard.press('Enter');
  const second = page.getByRole('group', { name: 'Arrange favourite 2' });
  await second.getByRole('button', { name: 'Move up' }).focus();
  await page.keyboard.press('Enter');
  await expect(favourites(page).getByRole('button', { name: /^Favourite 1: Standup and planning/ })).toBeVisible();
  // The focus stayed with the moved favourite: it is now first, so its Move down has it.
  await expect(page.getByRole('group', { name: 'Arrange favourite 1' }).getByRole('button', { name: 'Move down' })).toBeFocused();

  const first = page.getByRole('group', { name: 'Arrange favourite 1' });
  await first.getByRole('button', { name: /^Shortcut for favourite 1/ }).press('Enter');
  await page.keyboard.press('Control+Alt+T');
  await expect(page.getByText('CommandOrControl+Alt+T is already the shortcut of “Start or stop the timer”: choose other keys.')).toBeVisible();
  await first.getByRole('button', { name: /^Shortcut for favourite 1/ }).press('Enter');
  await page.keyboard.press('Control+Alt+1');
  await expect(first.getByRole('button', { name: 'Shortcut for favourite 1: Ctrl+Alt+1' })).toBeVisible();
  expect(app.harness.core.favouriteShortcuts().map((shortcut) => shortcut.accelerator)).toEqual(['CommandOrControl+Alt+1']);

  await page.getByRole('group', { name: 'Arrange favourite 2' }).getByRole('button', { name: 'Remove' }).press('Enter');
  await expect(favourites(page).getByRole('listitem')).toHaveCount(1);
  await page.getByRole('button', { name: 'Arrange favourites' }).press('Enter');
  await favourites(page).getByRole('button', { name: /^Favourite 1: Standup and planning/ }).press('Enter');
  await expect(page.getByRole('timer')).toContainText('Standup and planning');
  await expect(page.getByRole('textbox', { name: 'Description' })).toBeFocused();
});

test('the moved favourite keeps the focus when the answer to the move comes before the new order', async ({ page, app }) => {
  const keys = ['Logo sketches', 'Standup and planning'].map((description) => app.harness.core.snapshot().recent.find((candidate) => candidate.description === description)!.key);
  for (const key of keys) expect(app.harness.core.addFavourite(key).ok).toBe(true);
  const moved = app.harness.core.snapshot().favourites![1]!;
  // The answer arrives at once; the core moves the favourite (and pushes the new order) only afterwards.
  await page.route('**/__bridge/invoke/favourite:move', (route) => route.fulfill({ json: { ok: true, value: { ok: true, value: null } } }));
  await app.open(page);
  await page.getByRole('button', { name: 'Arrange favourites' }).press('Enter');
  await page.getByRole('group', { name: 'Arrange favourite 2' }).getByRole('button', { name: 'Move up' }).press('Enter');
  await expect(page.getByRole('group', { name: 'Arrange favourite 2' }).getByRole('button', { name: 'Move up' })).toBeVisible();
  expect(app.harness.core.moveFavourite(moved.id, 'up').ok).toBe(true);
  await expect(favourites(page).getByRole('button', { name: /^Favourite 1: Standup and planning/ })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Arrange favourite 1' }).getByRole('button', { name: 'Move down' })).toBeFocused();
});

test('a favourite whose project was archived on the web says so and starts nothing', async ({ page, app, fake }) => {
  const entry = app.harness.core.snapshot().recent.find((candidate) => candidate.description === 'Logo sketches')!;
  expect(app.harness.core.addFavourite(entry.key).ok).toBe(true);
  fake.state.projects.find((project) => project.name === 'Café Rebrand')!.archived = true;
  await app.harness.core.refreshCatalog();
  await app.open(page);
  const item = favourites(page).getByRole('listitem');
  await expect(item).toContainText('Its project “Café Rebrand” is archived or was deleted in Clockify');
  await outboxIdle(page, app);
  fake.clearRequests();
  await item.getByRole('button', { name: /^Favourite 1/ }).click();
  await expect(page.getByText(/is archived or was deleted in Clockify: remove this favourite/).first()).toBeVisible();
  await outboxIdle(page, app);
  expect(writes(fake)).toEqual([]);
  await expect(page.getByRole('button', { name: 'Start' })).toBeVisible();
});
