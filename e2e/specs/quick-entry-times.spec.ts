// Quick entry reads times the way people mean them: 9-5 is a working day, 12-1 a lunch hour; a
// range that is clearly overnight still ends the next day. An entry over 12 hours, or one that ends
// in the future, is added only by a second Enter after the window has said so in words.
import type { Page } from '@playwright/test';
import type { FakeClockify } from '../fake-clockify/server';
import { berlin, berlinDay, ZONE } from '../support/berlin';
import { expect, test } from '../support/fixtures';
import { entriesOnServer } from '../support/popover';

test.use({ timezoneId: 'America/Los_Angeles', viewport: { width: 560, height: 320 } });



const creates = (fake: FakeClockify) => fake.requests.filter((request) => request.method === 'POST' && request.path.endsWith('/time-entries'));
const rowsOf = (page: Page) => page.getByRole('region', { name: 'Preview' }).getByRole('table').locator('tbody').getByRole('row');

test.beforeEach(async ({ app }) => {
  await app.signIn();
  expect(app.harness.core.setTimeZone({ kind: 'zone', zone: ZONE }).ok).toBe(true);
});

test('9-5 is a working day, 12-1 a lunch hour, 8-6 ten hours; 23-2 still ends the next day', async ({ page, app, fake }) => {
  await app.open(page, '/quick-entry');
  const field = page.getByRole('textbox', { name: 'Quick entry' });
  const yesterday = berlinDay(-1);

  for (const [line, from, to, length] of [
    ['yesterday 9-5 Onsite', 9, 17, '8:00'],
    ['yesterday 12-1 Lunch', 12, 13, '1:00'],
    ['yesterday 8-6 Workshop', 8, 18, '10:00'],
  ] as const) {
    fake.clearRequests();
    await field.fill(line);
    await expect(rowsOf(page).first()).toContainText(`${String(from).padStart(2, '0')}:00 – ${to}:00`);
    await expect(rowsOf(page).first()).toContainText(length);
    await expect(rowsOf(page).first()).not.toContainText('next day');
    await field.press('Enter');
    await expect(page.getByRole('status')).toHaveText('Added 1 entry');
    const description = line.split(' ').at(-1)!;
    await expect.poll(() => entriesOnServer(fake).find((entry) => entry.description === description)).toMatchObject({ start: berlin(yesterday, from), end: berlin(yesterday, to) });
  }

  await field.fill('yesterday 23-2 Deploy');
  await expect(rowsOf(page).first()).toContainText('23:00 – 02:00next day');
  await field.press('Enter');
  await expect(page.getByRole('status')).toHaveText('Added 1 entry');
  await expect.poll(() => entriesOnServer(fake).find((entry) => entry.description === 'Deploy')).toMatchObject({ start: berlin(yesterday, 23), end: berlin(berlinDay(0), 2) });
});

test('an entry over 12 hours needs a second Enter after the window says so', async ({ page, app, fake }) => {
  await app.open(page, '/quick-entry');
  const field = page.getByRole('textbox', { name: 'Quick entry' });
  const preview = page.getByRole('region', { name: 'Preview' });
  await field.fill('yesterday 6-20 Trade fair');
  await expect(preview).toContainText('This entry is 14 h long, more than 12 hours.');
  fake.clearRequests();
  await field.press('Enter');
  await expect(preview).toContainText('Press Enter again to add it anyway');
  expect(creates(fake)).toEqual([]);
  await expect(page.getByText(/^Added/)).toHaveCount(0);
  await field.press('Enter');
  await expect(page.getByRole('status')).toHaveText('Added 1 entry');
  await expect.poll(() => creates(fake).length).toBe(1);
});

test('an entry that ends in the future needs a second Enter; changing the line asks again', async ({ page, app, fake }) => {
  await app.open(page, '/quick-entry');
  const field = page.getByRole('textbox', { name: 'Quick entry' });
  const preview = page.getByRole('region', { name: 'Preview' });
  const tomorrow = berlinDay(1);
  await field.fill(`${tomorrow} 9-10 Planning`);
  await expect(preview).toContainText('This entry ends in the future');
  fake.clearRequests();
  await field.press('Enter');
  await expect(preview).toContainText('Press Enter again to add it anyway');
  await field.press('End');
  await field.pressSequentially(' call');
  await field.press('Enter');
  expect(creates(fake)).toEqual([]);
  await expect(preview).toContainText('Press Enter again to add it anyway');
  await field.press('Enter');
  await expect(page.getByRole('status')).toHaveText('Added 1 entry');
  await expect.poll(() => entriesOnServer(fake).find((entry) => entry.description === 'Planning call')).toMatchObject({ start: berlin(tomorrow, 9), end: berlin(tomorrow, 10) });
});

test('a candidate chip of an ambiguous @project fills that choice', async ({ page, app, fake }) => {
  await app.open(page, '/quick-entry');
  const field = page.getByRole('textbox', { name: 'Quick entry' });
  await field.fill('yesterday 9-10 Planning @re');
  const candidates = page.getByRole('alert').getByRole('list', { name: 'Candidates' });
  await candidates.getByRole('button', { name: 'Café Rebrand (Café Lumière)' }).click();
  await expect(field).toHaveValue('yesterday 9-10 Planning @"Café Rebrand Café Lumière"');
  await expect(field).toBeFocused();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Preview' })).toContainText('Café Rebrand');
  await field.press('Enter');
  await expect(page.getByRole('status')).toHaveText('Added 1 entry');
  await expect.poll(() => entriesOnServer(fake).find((entry) => entry.description === 'Planning')?.projectId).toBe(fake.state.projects.find((p) => p.name === 'Café Rebrand')!.id);
});

test('#deep work takes the tag "deep work"; "work" stays out of the description', async ({ page, app, fake }) => {
  await app.open(page, '/quick-entry');
  const field = page.getByRole('textbox', { name: 'Quick entry' });
  await field.fill('yesterday 9-10 Refactoring #deep work');
  const preview = page.getByRole('region', { name: 'Preview' });
  await expect(preview).toContainText('deep work');
  await field.press('Enter');
  await expect(page.getByRole('status')).toHaveText('Added 1 entry');
  const tag = fake.state.tags.find((candidate) => candidate.name === 'deep work')!;
  await expect.poll(() => entriesOnServer(fake).find((entry) => entry.description === 'Refactoring')?.tagIds).toEqual([tag.id]);
});

test('day-like words it does not read get a helpful message, not "No times found"', async ({ page, app }) => {
  await app.open(page, '/quick-entry');
  const field = page.getByRole('textbox', { name: 'Quick entry' });
  for (const [line, words] of [
    ['yesterdy 13-17 Workshop', 'did you mean yesterday?'],
    ['last friday 9-12 Review', 'write fri for the most recent fri'],
    ['mon-fri 9-17 Onsite', 'Day ranges like mon-fri are not read'],
  ] as const) {
    await field.fill(line);
    await field.press('Enter');
    await expect(page.getByRole('alert')).toContainText(words);
    await expect(page.getByRole('alert')).not.toContainText('No times found');
  }
});

test('30/11 is read in the order of the account\'s date format; a date that fits only the other order is explained', async ({ page, app, fake }) => {
  // The seed's account writes dates DD/MM/YYYY.
  await app.open(page, '/quick-entry');
  const field = page.getByRole('textbox', { name: 'Quick entry' });
  await field.fill('2/3/2025 9-12 Review');
  await expect(rowsOf(page).first()).toContainText('Sun 2 Mar 2025');
  await field.press('Enter');
  await expect(page.getByRole('status')).toHaveText('Added 1 entry');
  await expect.poll(() => entriesOnServer(fake).find((entry) => entry.description === 'Review')).toMatchObject({ start: '2025-03-02T08:00:00Z' });

  for (const user of fake.state.users) user.settings.dateFormat = 'MM/DD/YYYY';
  await app.signIn();
  await page.reload();
  await field.fill('2/3/2025 9-12 Planning');
  await expect(rowsOf(page).first()).toContainText('Mon 3 Feb 2025');
  await field.fill('30/11/2025 9-12 Planning');
  await expect(page.getByRole('alert')).toHaveText('30/11/2025 is not a date in your Clockify date format (month first, like 11/30): write 11/30/2025, or nov 30.');
});

test('a line that reads but breaks a workspace rule shows the error, not a preview of entries it will not add', async ({ page, app, fake }) => {
  const acme = fake.state.workspaces.find((workspace) => workspace.name.startsWith('Acme Corp'))!;
  expect((await app.harness.core.selectWorkspace(acme.id)).ok).toBe(true);
  await app.open(page, '/quick-entry');
  const field = page.getByRole('textbox', { name: 'Quick entry' });
  await field.fill('yesterday 9-10 Review');
  await expect(page.getByRole('alert')).toContainText('requires a project on every entry');
  await expect(rowsOf(page)).toHaveCount(0);
  await field.press('Enter');
  await expect(page.getByRole('alert')).toContainText('requires a project on every entry');
  await expect(rowsOf(page)).toHaveCount(0);
  expect(creates(fake)).toHaveLength(0);
});
