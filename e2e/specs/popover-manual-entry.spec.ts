// Manual entry: Date, Start, End (or a length), read in the app's time zone (Europe/Berlin here,
// while the browser itself runs in Los Angeles: the renderer must use the app's zone, not its own).
// What matters is checked on the fake server: the instants of the entries it received.
import { berlin, berlinDay, ZONE } from '../support/berlin';
import { expect, test } from '../support/fixtures';
import { entriesOnServer, outboxIdle, projectId, writes } from '../support/popover';
import type { Page } from '@playwright/test';

test.use({ timezoneId: 'America/Los_Angeles' });

test.beforeEach(async ({ app }) => {
  await app.signIn();
  expect(app.harness.core.setTimeZone({ kind: 'zone', zone: ZONE }).ok).toBe(true);
});



async function openManualEntry(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Manual entry' }).click();
  await expect(page.getByRole('button', { name: 'Manual entry' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('textbox', { name: 'Description' })).toBeFocused();
}

async function fillTimes(page: Page, date: string, start: string, end: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Date' }).fill(date);
  await page.getByRole('textbox', { name: 'Start' }).fill(start);
  await page.getByRole('textbox', { name: 'End' }).fill(end);
}

test('across the spring-forward DST change, the entry lasts the real two hours', async ({ page, app, fake }) => {
  await app.open(page);
  await openManualEntry(page);
  await page.getByRole('textbox', { name: 'Description' }).fill('Night deploy');
  // Berlin, 30 March 2025: 02:00 becomes 03:00. 01:00 → 04:00 on the clock is two hours.
  await fillTimes(page, '2025-03-30', '01:00', '04:00');
  await expect(page.getByText('01:00 → 04:00 · 2 h')).toBeVisible();
  await page.getByRole('button', { name: 'Add entry' }).click();
  await expect.poll(() => entriesOnServer(fake).find((entry) => entry.description === 'Night deploy')).toMatchObject({ start: '2025-03-30T00:00:00Z', end: '2025-03-30T02:00:00Z' });
});

test('across the fall-back DST change, the repeated hour counts twice', async ({ page, app, fake }) => {
  await app.open(page);
  await openManualEntry(page);
  await page.getByRole('textbox', { name: 'Description' }).fill('Long night');
  // Berlin, 26 October 2025: 03:00 becomes 02:00 again. 01:30 → 03:30 on the clock is three hours.
  await fillTimes(page, '2025-10-26', '1:30', '3:30');
  await expect(page.getByText('01:30 → 03:30 · 3 h')).toBeVisible();
  await page.keyboard.press('Control+Enter');
  await expect.poll(() => entriesOnServer(fake).find((entry) => entry.description === 'Long night')).toMatchObject({ start: '2025-10-25T23:30:00Z', end: '2025-10-26T02:30:00Z' });
});

test('across midnight, with the project chosen, shown under the day it started', async ({ page, app, fake }) => {
  await app.open(page);
  await openManualEntry(page);
  const yesterday = berlinDay(-1);
  await page.getByRole('textbox', { name: 'Description' }).fill('Release night');
  const project = page.getByRole('combobox', { name: 'Project' });
  await project.click();
  await project.fill('tools internal');
  await project.press('Enter');
  // An end before the start is read as quick entry reads it: 01:15 the next day, and said so.
  await fillTimes(page, yesterday, '22:30', '1:15');
  await expect(page.getByText('22:30 → 01:15 · 2 h 45 min · ends today 01:15')).toBeVisible();
  // Ctrl+Enter adds, from any field.
  await page.getByRole('textbox', { name: 'End' }).press('Control+Enter');

  await expect
    .poll(() => entriesOnServer(fake).find((entry) => entry.description === 'Release night'))
    .toMatchObject({ start: berlin(yesterday, 22, 30), end: berlin(berlinDay(0), 1, 15), projectId: projectId(fake, 'Internal Tools'), billable: false });
  const item = page.getByRole('list', { name: 'Recent entries' }).getByRole('listitem').filter({ hasText: 'Release night' });
  await expect(item).toContainText('2:45');
  await expect(item).toContainText('22:30 – 01:15');
  // Marked as crossing midnight.
  await expect(item.getByTitle('Ends the next day')).toBeVisible();
  // Yesterday: 7:30 + 2:45. Today is unchanged.
  await expect(page.getByLabel('Yesterday total 10:15')).toBeVisible();
  await expect(page.getByLabel('Today total 1:15')).toBeVisible();
  // The form is ready for the next one: description cleared, start follows on.
  await expect(page.getByRole('textbox', { name: 'Description' })).toHaveValue('');
  await expect(page.getByRole('textbox', { name: 'Description' })).toBeFocused();
});

test('tonight 22:30 → 1:15 ends tomorrow, says so, and is added only after a warning about the future', async ({ page, app, fake }) => {
  await app.open(page);
  await openManualEntry(page);
  await page.getByRole('textbox', { name: 'Description' }).fill('Night shift');
  await fillTimes(page, berlinDay(0), '22:30', '1:15');
  await expect(page.getByText('22:30 → 01:15 · 2 h 45 min · ends tomorrow 01:15')).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Ends next day' })).toHaveCount(0);
  fake.clearRequests();
  await page.getByRole('button', { name: 'Add entry' }).click();
  await expect(page.getByRole('alert')).toContainText('This entry ends in the future (tomorrow 01:15)');
  await expect(page.getByRole('alert')).toContainText('Nothing was sent yet');
  await outboxIdle(page, app);
  expect(writes(fake)).toEqual([]);
  await page.getByRole('button', { name: 'Add entry' }).click();
  await expect
    .poll(() => entriesOnServer(fake).find((entry) => entry.description === 'Night shift'))
    .toMatchObject({ start: berlin(berlinDay(0), 22, 30), end: berlin(berlinDay(1), 1, 15) });
});

test('9 → 5 is a working day, as in quick entry', async ({ page, app, fake }) => {
  await app.open(page);
  await openManualEntry(page);
  await page.getByRole('textbox', { name: 'Description' }).fill('Onsite');
  await fillTimes(page, berlinDay(-1), '9', '5');
  await expect(page.getByText('09:00 → 17:00 · 8 h')).toBeVisible();
  await page.getByRole('button', { name: 'Add entry' }).click();
  await expect
    .poll(() => entriesOnServer(fake).find((entry) => entry.description === 'Onsite'))
    .toMatchObject({ start: berlin(berlinDay(-1), 9, 0), end: berlin(berlinDay(-1), 17, 0) });
});

test('an unreadable start is explained at the field', async ({ page, app }) => {
  await app.open(page);
  await openManualEntry(page);
  await fillTimes(page, berlinDay(0), 'lunch', '1h');
  await page.getByRole('button', { name: 'Add entry' }).click();
  await expect(page.getByRole('alert')).toContainText('Enter a start time such as 9:00');
  await expect(page.getByRole('textbox', { name: 'Start' })).toHaveAttribute('aria-invalid', 'true');
});

test('a length instead of an end', async ({ page, app, fake }) => {
  await app.open(page);
  await openManualEntry(page);
  await page.getByRole('textbox', { name: 'Description' }).fill('Reading');
  await fillTimes(page, '2025-06-02', '9:15', '1h 30m');
  await expect(page.getByText('09:15 → 10:45 · 1 h 30 min')).toBeVisible();
  await page.getByRole('button', { name: 'Add entry' }).click();
  await expect.poll(() => entriesOnServer(fake).find((entry) => entry.description === 'Reading')).toMatchObject({ start: '2025-06-02T07:15:00Z', end: '2025-06-02T08:45:00Z' });
});

test.describe('with the 12-hour clock', () => {
  test.beforeEach(async ({ fake, app }) => {
    for (const user of fake.state.users) user.settings.timeFormat = 'HOUR12';
    await app.signIn();
  });

  test('shows and reads times as AM/PM', async ({ page, app, fake }) => {
    await app.open(page);
    const pagination = page.getByRole('list', { name: 'Recent entries' }).getByRole('listitem').filter({ hasText: 'API pagination' });
    await expect(pagination).toContainText('9:00 AM – 12:30 PM');
    await openManualEntry(page);
    await expect(page.getByRole('textbox', { name: 'Start' })).toHaveAttribute('placeholder', '9:00 AM');
    await page.getByRole('textbox', { name: 'Description' }).fill('Evening review');
    await fillTimes(page, '2025-06-02', '9:30 pm', '10:15pm');
    await expect(page.getByText('9:30 PM → 10:15 PM · 45 min')).toBeVisible();
    await page.getByRole('button', { name: 'Add entry' }).click();
    await expect.poll(() => entriesOnServer(fake).find((entry) => entry.description === 'Evening review')).toMatchObject({ start: '2025-06-02T19:30:00Z', end: '2025-06-02T20:15:00Z' });
  });
});
