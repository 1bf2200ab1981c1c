// History beyond the recent week: the list reads a week further back at a time from Clockify, and
// a search finds descriptions among everything loaded; an older entry is continued with its fields.
import { expect, test } from '../support/fixtures';
import { entriesOnServer } from '../support/popover';

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

test.beforeEach(async ({ app }) => {
  await app.signIn();
});

test('loads older weeks on demand, searches descriptions, and continues an old entry', async ({ page, app, fake }) => {
  const mine = entriesOnServer(fake)[0]!;
  const old = { workspaceId: mine.workspaceId, userId: mine.userId, projectId: mine.projectId, taskId: null, tagIds: null, billable: true, type: 'REGULAR' as const, kioskId: null, isLocked: false, customFieldValues: [] };
  const noon = Math.floor(Date.now() / DAY) * DAY + DAY / 2;
  fake.state.timeEntries.push(
    { ...old, id: 'cccccccccccccccccccc0001', description: 'Tax return 2025', start: iso(noon - 10 * DAY), end: iso(noon - 10 * DAY + 3_600_000) },
    { ...old, id: 'cccccccccccccccccccc0002', description: 'Archive cleanup', start: iso(noon - 17 * DAY), end: iso(noon - 17 * DAY + 1_800_000) },
  );
  await app.open(page);
  const search = page.getByRole('searchbox', { name: 'Search descriptions' });
  await search.fill('tax');
  await expect(page.getByText('No description here matches “tax”: load older weeks to search further back.')).toBeVisible();

  await page.getByRole('button', { name: /^Show the week before / }).click();
  const results = page.getByRole('list', { name: 'Search results' });
  await expect(results.getByRole('listitem').filter({ hasText: 'Tax return 2025' })).toBeVisible();
  await expect(results.getByRole('listitem').filter({ hasText: 'Archive cleanup' })).toHaveCount(0);

  await search.fill('');
  await page.getByRole('button', { name: /^Show the week before / }).click();
  const older = page.getByRole('list', { name: 'Older entries' });
  await expect(older.getByRole('listitem').filter({ hasText: 'Archive cleanup' })).toBeVisible();
  await expect(older.getByRole('listitem').filter({ hasText: 'Tax return 2025' })).toBeVisible();
  await page.getByRole('region', { name: 'Older entries' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('older-entries.png') });

  await older.getByRole('listitem').filter({ hasText: 'Tax return 2025' }).getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('timer')).toContainText('Tax return 2025');
  await expect.poll(() => entriesOnServer(fake).find((entry) => entry.end === null)).toMatchObject({ description: 'Tax return 2025', projectId: mine.projectId, billable: true });
});

test('a description from an older week is suggested with its project and billable; empty Description + ArrowDown lists the latest', async ({ page, app, fake }) => {
  const mine = entriesOnServer(fake)[0]!;
  const noon = Math.floor(Date.now() / DAY) * DAY + DAY / 2;
  fake.state.timeEntries.push({ ...mine, id: 'cccccccccccccccccccc0003', description: 'Tax return 2025', projectId: mine.projectId, taskId: null, tagIds: null, billable: true, start: iso(noon - 10 * DAY), end: iso(noon - 10 * DAY + 3_600_000) });
  await app.open(page);
  await page.getByRole('button', { name: /^Show the week before / }).click();
  await expect(page.getByRole('list', { name: 'Older entries' }).getByRole('listitem').filter({ hasText: 'Tax return 2025' })).toBeVisible();

  const description = page.getByRole('textbox', { name: 'Description' });
  await description.fill('');
  await description.press('ArrowDown');
  await expect(page.getByRole('listbox', { name: 'Suggestions' }).getByRole('option').first()).toContainText(entriesOnServer(fake).find((e) => e.end !== null && e.description)!.description);
  await description.press('Escape');
  await description.fill('tax ret');
  await page.getByRole('listbox', { name: 'Suggestions' }).getByRole('option', { name: /^Tax return 2025/ }).click();
  await expect(description).toHaveValue('Tax return 2025');
  await expect(page.getByRole('checkbox', { name: 'Billable' })).toBeChecked();
  await page.getByRole('button', { name: 'Start' }).click();
  await expect.poll(() => entriesOnServer(fake).find((entry) => entry.end === null)).toMatchObject({ description: 'Tax return 2025', projectId: mine.projectId, billable: true });
});

test('a week that cannot be read says so and loses nothing; trying again reads it', async ({ page, app, fake }) => {
  await app.open(page);
  fake.addFault({ kind: 'status', status: 403, count: Infinity, match: { method: 'GET', path: /time-entries$/ } });
  await page.getByRole('button', { name: /^Show the week before / }).click();
  await expect(page.getByRole('region', { name: 'Older entries' }).getByRole('alert')).toContainText('Nothing older was loaded: try again.');
  fake.clearFaults();
  await page.getByRole('button', { name: /^Show the week before / }).click();
  await expect(page.getByRole('region', { name: 'Older entries' }).getByRole('alert')).toHaveCount(0);
});
