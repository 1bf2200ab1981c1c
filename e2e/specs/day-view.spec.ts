// The day view through the harness: the timeline of a day (Europe/Berlin while the browser runs in
// Los Angeles, so the app's zone must win), a day across the spring-forward DST change, a zone
// override, the running timer growing, the working-hours gaps and filling one in one click, an
// overlap refused until confirmed, the keyboard path, and the week strip.
// The clocks are set to Monday 31 March 2025, 15:00 in Berlin: the seed's "yesterday" is the DST day.
import type { Page } from '@playwright/test';
import type { FakeClockify } from '../fake-clockify/server';
import { expect, test, type AppFixture } from '../support/fixtures';
import { pinnedClock } from '../support/pinned-clock';
import { entriesOnServer, writes } from '../support/popover';

const clock = pinnedClock('2025-03-31T13:00:00Z');

test.use({ timezoneId: 'America/Los_Angeles', fakeOptions: { seed: 'small', now: clock.fakeNow, timeZone: 'Europe/Berlin' } });

test.beforeEach(async ({ app, page }) => {
  await clock.pin(app, page);
  await app.signIn();
  expect(app.harness.core.setTimeZone({ kind: 'zone', zone: 'Europe/Berlin' }).ok).toBe(true);
});

async function openDayView(page: Page) {
  await page.getByRole('button', { name: 'Day view' }).click();
  const dialog = page.getByRole('dialog', { name: 'Day view' });
  await expect(dialog).toBeVisible();
  return dialog;
}

const timeline = (page: Page) => page.getByRole('list', { name: /^Timeline/ });

test('today: entries as blocks, the untracked working hours as gaps, the totals', async ({ page, app }) => {
  await app.open(page);
  // The main view's totals: today's two entries (45 + 30 min); the week is Monday to now.
  await expect(page.getByRole('region', { name: 'Work totals' })).toContainText('Today 1:15');
  const dialog = await openDayView(page);
  await expect(dialog.getByRole('heading')).toHaveText('Today, Mon 31 Mar');
  const items = timeline(page).getByRole('button');
  await expect(items).toHaveText([/Untracked/, /Logo sketches/, /Untracked|^$/, /Standup/, /Untracked/]);
  await expect(timeline(page).getByRole('button', { name: 'Logo sketches, Café Rebrand, 12:45 to 13:30, 45 min' })).toBeVisible();
  await expect(timeline(page).getByRole('button', { name: 'Untracked 09:00 to 12:45, 3 h 45 min: fill in' })).toBeVisible();
  await expect(timeline(page).getByRole('button', { name: 'Untracked 14:15 to 15:00, 45 min: fill in' })).toBeVisible();
  await expect(timeline(page).getByRole('button', { name: 'Untracked 13:30 to 13:45, 15 min: fill in' })).toBeVisible();
});

test('a day across the spring-forward change: 23 hours, 02:00 missing, entries where the clock says', async ({ page, app }) => {
  await app.open(page);
  const dialog = await openDayView(page);
  await dialog.getByRole('button', { name: 'Previous day' }).click();
  await expect(dialog.getByRole('heading')).toHaveText('Yesterday, Sun 30 Mar');
  await expect(timeline(page).getByRole('button', { name: 'API pagination, Website Relaunch, 09:00 to 12:30, 3 h 30 min' })).toBeVisible();
  await expect(timeline(page).getByRole('button', { name: /^Menu layout – first draft, Café Rebrand, 15:15 to 17:45/ })).toBeVisible();
  // A Sunday: no working hours, so no gaps.
  await expect(timeline(page).getByRole('button', { name: /Untracked/ })).toHaveCount(0);
  const hours = await dialog.locator('.tl-hour').allInnerTexts();
  expect(hours).toHaveLength(23);
  expect(hours.slice(0, 4)).toEqual(['00:00', '01:00', '03:00', '04:00']);
  // Seven loaded days, the week strip from Monday 24 March; Sunday holds 7 h of work.
  const sunday = dialog.getByRole('group', { name: 'Week' }).getByRole('button', { name: /^Sunday 30 March/ });
  await expect(sunday).toHaveAttribute('aria-pressed', 'true');
  await expect(sunday).toHaveAccessibleName('Sunday 30 March: 7:30');
});

test('a zone override moves the same entries to where that zone’s clock puts them', async ({ page, app }) => {
  expect(app.harness.core.setTimeZone({ kind: 'zone', zone: 'Asia/Tokyo' }).ok).toBe(true);
  await app.open(page);
  const dialog = await openDayView(page);
  // 15:00 in Berlin is 22:00 in Tokyo, still Monday; yesterday's 09:00 CEST is 16:00 in Tokyo.
  await dialog.getByRole('button', { name: 'Previous day' }).click();
  await expect(timeline(page).getByRole('button', { name: 'API pagination, Website Relaunch, 16:00 to 19:30, 3 h 30 min' })).toBeVisible();
  // Tokyo keeps no DST: 24 hour marks.
  await expect(dialog.locator('.tl-hour')).toHaveCount(24);
});

test('the running timer grows on the timeline and in the totals', async ({ page, app }) => {
  await app.open(page);
  await page.getByRole('textbox', { name: 'Description' }).fill('Writing the report');
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByRole('timer')).toBeVisible();
  app.clock.advance(30 * 60_000);
  const dialog = await openDayView(page);
  await expect(timeline(page).getByRole('button', { name: /^Writing the report, .*since 15:00, running, 30 min$/ })).toBeVisible();
  await expect(dialog.getByText('Today 1:45')).toBeVisible();
  app.clock.advance(15 * 60_000);
  await expect(timeline(page).getByRole('button', { name: /^Writing the report, .*since 15:00, running, 45 min$/ })).toBeVisible();
  await expect(dialog.getByText('Today 2:00')).toBeVisible();
});

test('a gap is filled in one click with the entry before it', async ({ page, app, fake }) => {
  await app.open(page);
  await openDayView(page);
  await timeline(page).getByRole('button', { name: 'Untracked 14:15 to 15:00, 45 min: fill in' }).click();
  const form = page.getByRole('dialog', { name: 'Fill gap' });
  await expect(form.getByRole('heading')).toHaveText('Untracked 14:15–15:00 · 45 min');
  const suggestion = form.getByRole('list', { name: 'Suggestions' }).getByRole('button').first();
  await expect(suggestion).toHaveAccessibleName('Add Standup and planning — Website Relaunch (before)');
  await expect(suggestion).toBeFocused();
  await suggestion.click();
  await expect(form).toBeHidden();
  await expect
    .poll(() => entriesOnServer(fake).filter((entry) => entry.description === 'Standup and planning').map((entry) => [entry.start, entry.end]))
    .toContainEqual(['2025-03-31T12:15:00Z', '2025-03-31T13:00:00Z']);
  // The gap is gone from the timeline.
  await expect(timeline(page).getByRole('button', { name: /^Untracked 14:15/ })).toHaveCount(0);
});

test('times changed to overlap another entry are shown and need a second click', async ({ page, app, fake }) => {
  await app.open(page);
  await openDayView(page);
  await timeline(page).getByRole('button', { name: /^Untracked 13:30 to 13:45/ }).click();
  const form = page.getByRole('dialog', { name: 'Fill gap' });
  await form.getByText('Something else, or other times').click();
  await form.getByRole('textbox', { name: 'Description' }).fill('Coffee with the client');
  await form.getByRole('textbox', { name: 'Start' }).fill('13:00');
  const before = writes(fake).length;
  await form.getByRole('button', { name: 'Add entry' }).click();
  await expect(form.getByRole('alert')).toContainText('This overlaps “Logo sketches” (12:45–13:30)');
  expect(writes(fake).length).toBe(before);
  await form.getByRole('button', { name: 'Add anyway' }).click();
  await expect.poll(() => entriesOnServer(fake).find((entry) => entry.description === 'Coffee with the client')).toMatchObject({ start: '2025-03-31T11:00:00Z', end: '2025-03-31T11:45:00Z' });
});

test('the keyboard: one tab stop, arrows between blocks and gaps, Enter opens, Escape closes', async ({ page, app }) => {
  await app.open(page);
  const dialog = await openDayView(page);
  const first = timeline(page).getByRole('button').first();
  await first.focus();
  await expect(first).toHaveAccessibleName(/^Untracked 09:00/);
  await expect(timeline(page).locator('button[tabindex="0"]')).toHaveCount(1);
  await page.keyboard.press('ArrowDown');
  await expect(timeline(page).getByRole('button', { name: /^Logo sketches/ })).toBeFocused();
  await page.keyboard.press('End');
  await expect(timeline(page).getByRole('button', { name: /^Untracked 14:15/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Fill gap' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Fill gap' })).toBeHidden();
  await expect(timeline(page).getByRole('button', { name: /^Untracked 14:15/ })).toBeFocused();
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(dialog.getByRole('heading')).toHaveText('Yesterday, Sun 30 Mar');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('the week strip opens a day; a finished block opens its editor', async ({ page, app }) => {
  await app.open(page);
  const dialog = await openDayView(page);
  const week = dialog.getByRole('group', { name: 'Week' });
  // Today is a Monday and the week starts on Monday: the days after today cannot be opened yet.
  await expect(week.getByRole('button', { name: 'Tuesday 1 April: not yet' })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Previous day' }).click();
  // Sunday's week: Monday 24 to Sunday 30 March; the app holds seven days, from Tuesday 25 March,
  // and reads the whole week from Clockify for the strip.
  await expect(week.getByRole('button', { name: /^Monday 24 March: \d+:\d\d$/ })).toBeEnabled();
  await expect(week.getByRole('button', { name: 'Tuesday 25 March: 0:00' })).toBeEnabled();
  await week.getByRole('button', { name: /^Saturday 29 March/ }).click();
  await expect(dialog.getByRole('heading')).toHaveText('Sat 29 Mar');
  await expect(dialog.getByRole('button', { name: 'Previous day' })).toBeEnabled();
  await week.getByRole('button', { name: /^Sunday 30 March/ }).click();
  await expect(dialog.getByRole('heading')).toHaveText('Yesterday, Sun 30 Mar');
  await timeline(page).getByRole('button', { name: /^Expense report/ }).click();
  const editor = page.getByRole('dialog', { name: 'Edit entry' });
  await expect(editor.getByRole('textbox', { name: 'Description' })).toHaveValue('Expense report');
  await editor.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog.getByRole('heading')).toHaveText('Yesterday, Sun 30 Mar');
});

test('goals set in Settings show as progress, reached when the work is done', async ({ page, app }) => {
  await app.open(page);
  await page.getByRole('button', { name: 'Account' }).click();
  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByRole('spinbutton', { name: 'Daily goal (hours)' }).fill('1');
  await settings.getByRole('spinbutton', { name: 'Weekly goal (hours)' }).fill('400');
  await settings.getByRole('spinbutton', { name: 'Daily goal (hours)' }).focus();
  await expect(settings.getByRole('alert')).toHaveText('Enter the weekly goal as hours from 0 to 168 (0: no goal); “400” was not saved.');
  await settings.getByRole('spinbutton', { name: 'Weekly goal (hours)' }).fill('37.5');
  await settings.getByRole('spinbutton', { name: 'Daily goal (hours)' }).focus();
  await expect(settings.getByRole('alert')).toBeHidden();
  await expect.poll(() => app.harness.core.settingsView().goals).toEqual({ dailyMinutes: 60, weeklyMinutes: 2250 });
  // The optional daily limit: one notice a day when today's work goes over it.
  await settings.getByRole('spinbutton', { name: 'Daily limit (hours)' }).fill('30');
  await settings.getByRole('spinbutton', { name: 'Daily goal (hours)' }).focus();
  await expect(settings.getByRole('alert')).toHaveText('Enter the daily limit as hours from 0 to 24 (0: no limit); “30” was not saved.');
  await settings.getByRole('spinbutton', { name: 'Daily limit (hours)' }).fill('9.5');
  await settings.getByRole('spinbutton', { name: 'Daily goal (hours)' }).focus();
  await expect.poll(() => app.harness.core.settingsView().goals).toEqual({ dailyMinutes: 60, weeklyMinutes: 2250, dailyLimitMinutes: 570 });
  await settings.getByRole('button', { name: 'Close' }).click();
  // Today holds 1:15 of work: the daily goal of 1 h is reached.
  const totals = page.getByRole('region', { name: 'Work totals' });
  await expect(totals.getByRole('meter', { name: 'Today 1:15 of 1:00 goal, reached' })).toBeVisible();
  await expect(totals.getByRole('meter', { name: 'Week 1:15 of 37:30 goal' })).toBeVisible();
  const dialog = await openDayView(page);
  await expect(dialog.getByRole('group', { name: 'Week' }).getByRole('button', { name: 'Monday 31 March: 1:15 of 1:00' })).toBeVisible();
});

test('drawing a span on the timeline opens the form for it, snapped to 5 minutes', async ({ page, app, fake }) => {
  await app.open(page);
  const dialog = await openDayView(page);
  const box = (await dialog.locator('.timeline').boundingBox())!;
  const hourPx = box.height / 24; // Monday 31 March: a 24-hour day; y = 0 is midnight
  // From 10:01 to 10:58 on the clock: snapped to 10:00–11:00.
  await page.mouse.move(box.x + box.width / 2, box.y + (10 + 1 / 60) * hourPx);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y + 10.5 * hourPx, { steps: 4 });
  await expect(dialog.locator('.tl-drawing')).toHaveText('10:00–10:30');
  await page.mouse.move(box.x + box.width / 2, box.y + (10 + 58 / 60) * hourPx, { steps: 4 });
  await page.mouse.up();
  const form = page.getByRole('dialog', { name: 'Fill gap' });
  await expect(form.getByRole('heading')).toHaveText('Untracked 10:00–11:00 · 1 h');
  await form.getByText('Something else, or other times').click();
  await form.getByRole('textbox', { name: 'Description' }).fill('Planning the quarter');
  await form.getByRole('button', { name: 'Add entry' }).click();
  await expect.poll(() => entriesOnServer(fake).find((entry) => entry.description === 'Planning the quarter')).toMatchObject({ start: '2025-03-31T08:00:00Z', end: '2025-03-31T09:00:00Z' });
});

test('days older than the kept week are read from Clockify: Previous goes back as far as wanted', async ({ page, app, fake }) => {
  const mine = entriesOnServer(fake)[0]!;
  // Wednesday 19 March in Berlin (UTC+1 then): 10:00–11:30, and one from 23:00 the day before to 01:00.
  const old = { workspaceId: mine.workspaceId, userId: mine.userId, projectId: null, taskId: null, tagIds: null, billable: false, type: 'REGULAR' as const, kioskId: null, isLocked: false, customFieldValues: [] };
  fake.state.timeEntries.push(
    { ...old, id: 'bbbbbbbbbbbbbbbbbbbb0001', description: 'Quarterly report', start: '2025-03-19T09:00:00Z', end: '2025-03-19T10:30:00Z' },
    { ...old, id: 'bbbbbbbbbbbbbbbbbbbb0002', description: 'Night deploy', start: '2025-03-18T22:00:00Z', end: '2025-03-19T00:00:00Z' },
  );
  await app.open(page);
  const dialog = await openDayView(page);
  for (let day = 0; day < 12; day++) await page.keyboard.press('Alt+ArrowLeft');
  await expect(dialog.getByRole('heading')).toHaveText('Wed 19 Mar');
  await expect(timeline(page).getByRole('button', { name: 'Quarterly report, 10:00 to 11:30, 1 h 30 min' })).toBeVisible();
  await expect(timeline(page).getByRole('button', { name: /^Night deploy, / })).toBeVisible();
  const week = dialog.getByRole('group', { name: 'Week' });
  await expect(week.getByRole('button', { name: 'Wednesday 19 March: 2:30' })).toBeEnabled();
  // The query asked for that week as Clockify reads it (wall-clock dates, padded), page by page.
  const read = fake.requests.find((request) => request.method === 'GET' && request.path.endsWith('/time-entries') && request.query.start?.startsWith('2025-03-16T00:00:00'));
  expect(read?.query).toMatchObject({ end: expect.stringMatching(/^2025-03-25T00:00:00/), page: '1' });
  // Filling a gap on that day works as on any other: the entry appears there.
  await timeline(page).getByRole('button', { name: /^Untracked 11:30 to/ }).click();
  const form = page.getByRole('dialog', { name: 'Fill gap' });
  await form.getByText('Something else, or other times').click();
  await form.getByRole('textbox', { name: 'Description' }).fill('Reading');
  await form.getByRole('button', { name: 'Add entry' }).click();
  await expect(timeline(page).getByRole('button', { name: /^Reading, 11:30 to/ })).toBeVisible();
  await expect.poll(() => entriesOnServer(fake).find((entry) => entry.description === 'Reading')?.start).toBe('2025-03-19T10:30:00Z');
});

test('an older week that cannot be read says so, and Try again reads it', async ({ page, app, fake }) => {
  await app.open(page);
  const dialog = await openDayView(page);
  // A refusal that is not retried (a 5xx is retried with backoff first).
  fake.addFault({ kind: 'status', status: 403, count: Infinity, match: { method: 'GET', path: /time-entries$/ } });
  for (let day = 0; day < 9; day++) await page.keyboard.press('Alt+ArrowLeft');
  await expect(dialog.getByRole('heading')).toHaveText('Sat 22 Mar');
  await expect(dialog.getByRole('alert')).toContainText('This day could not be read from Clockify:');
  fake.clearFaults();
  await dialog.getByRole('button', { name: 'Try again' }).click();
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await expect(timeline(page)).toBeVisible();
});

/** Today's two seeded entries at whole minutes (the seed places them relative to the moment it ran). */
async function todaysEntriesAtFixedTimes(app: AppFixture, fake: FakeClockify) {
  const place = (description: string, start: string, end: string) => Object.assign(entriesOnServer(fake).find((entry) => entry.description === description)!, { start, end });
  place('Logo sketches', '2025-03-31T10:45:00Z', '2025-03-31T11:30:00Z');
  place('Standup and planning', '2025-03-31T11:45:00Z', '2025-03-31T12:15:00Z');
  expect((await app.harness.core.retrySync()).ok).toBe(true);
}

test('an entry’s end moves by 5 minutes from the keyboard; an overlap is shown and moved only when confirmed', async ({ page, app, fake }) => {
  await todaysEntriesAtFixedTimes(app, fake);
  await app.open(page);
  const dialog = await openDayView(page);
  const logo = timeline(page).getByRole('button', { name: /^Logo sketches/ });
  await logo.focus();
  await expect(logo).toHaveAccessibleDescription('Alt+Up or Alt+Down moves the start by 5 minutes; with Shift, the end.');
  const end = () => entriesOnServer(fake).find((entry) => entry.description === 'Logo sketches')?.end;
  await page.keyboard.press('Alt+Shift+ArrowDown');
  // Berlin is UTC+2 since the day before: 13:35 there is 11:35 UTC.
  await expect.poll(end).toBe('2025-03-31T11:35:00Z');
  await expect(timeline(page).getByRole('button', { name: /^Logo sketches, Café Rebrand, 12:45 to 13:35/ })).toBeFocused();
  await page.keyboard.press('Alt+Shift+ArrowDown');
  await page.keyboard.press('Alt+Shift+ArrowDown');
  await expect.poll(end).toBe('2025-03-31T11:45:00Z'); // touching Standup's start is no overlap
  const before = writes(fake).length;
  await page.keyboard.press('Alt+Shift+ArrowDown');
  const overlap = dialog.getByRole('alertdialog', { name: 'Overlap' });
  await expect(overlap).toContainText('12:45–13:50 overlaps “Standup and planning” (13:45–14:15)');
  expect(writes(fake).length).toBe(before);
  await page.keyboard.press('Escape');
  await expect(overlap).toHaveCount(0);
  await expect(dialog).toBeVisible();
  await expect(timeline(page).getByRole('button', { name: /^Logo sketches, Café Rebrand, 12:45 to 13:45/ })).toBeFocused();
  await page.keyboard.press('Alt+Shift+ArrowDown');
  await overlap.getByRole('button', { name: 'Move anyway' }).click();
  await expect.poll(end).toBe('2025-03-31T11:50:00Z');
  // Alt+↑ moves the start earlier.
  await timeline(page).getByRole('button', { name: /^Logo sketches/ }).focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect.poll(() => entriesOnServer(fake).find((entry) => entry.description === 'Logo sketches')?.start).toBe('2025-03-31T10:40:00Z');
});

test('dragging an edge moves the boundary, snapped to the neighbour’s edge', async ({ page, app, fake }) => {
  await todaysEntriesAtFixedTimes(app, fake);
  await app.open(page);
  await openDayView(page);
  const standup = page.locator('.tl-li', { has: page.getByRole('button', { name: /^Standup and planning/ }) });
  const handle = standup.locator('.tl-edge-start');
  const box = (await handle.boundingBox())!;
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  // From the block's top edge (13:45) 14 minutes up, 44 px an hour: 13:31, within 2.5 minutes of Logo sketches' end at 13:30.
  await page.mouse.move(x, box.y - (14 * 44) / 60, { steps: 5 });
  await expect(page.locator('.tl-drawing')).toHaveText('13:30–14:15');
  await page.mouse.up();
  await expect.poll(() => entriesOnServer(fake).find((entry) => entry.description === 'Standup and planning')?.start).toBe('2025-03-31T11:30:00Z');
  await expect(timeline(page).getByRole('button', { name: /^Standup and planning, Website Relaunch, 13:30 to 14:15/ })).toBeVisible();
  // No gap is left between them now.
  await expect(timeline(page).getByRole('button', { name: /^Untracked 13:30/ })).toHaveCount(0);

  // Dragged on into Logo sketches (12:45–13:30): shown, and Cancel sends nothing.
  const before = writes(fake).length;
  const top = (await handle.boundingBox())!;
  await page.mouse.move(x, top.y);
  await page.mouse.down();
  await page.mouse.move(x, top.y - (30 * 44) / 60, { steps: 5 });
  await page.mouse.up();
  const overlap = page.getByRole('alertdialog', { name: 'Overlap' });
  await expect(overlap).toContainText('13:00–14:15 overlaps “Logo sketches” (12:45–13:30)');
  await overlap.getByRole('button', { name: 'Cancel' }).click();
  await expect(overlap).toHaveCount(0);
  expect(writes(fake).length).toBe(before);
});
