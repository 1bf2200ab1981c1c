// The recent list's entries, as a user meets them: split at a time, duplicated to today or another
// day, tags shown, and identical entries of a day grouped (count and total) and expanded. From the
// keyboard.
// The clocks are pinned to a Wednesday midday (2026-11-18, 11:00 UTC): entries placed hours before
// "now" must lie on one day in any zone the harness uses, whatever the hour CI runs at.
import type { Page } from '@playwright/test';
import type { EntryDraft } from '../../shared/domain';
import { expect, test } from '../support/fixtures';
import { pinnedClock } from '../support/pinned-clock';
import { entriesOnServer } from '../support/popover';

const HOUR = 3_600_000;
const clock = pinnedClock('2026-11-18T11:00:00Z');
const NOW = clock.now;
test.use({ fakeOptions: { seed: 'small', now: clock.fakeNow } });
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const list = (page: Page) => page.getByRole('list', { name: 'Recent entries' });
const item = (page: Page, text: string) => list(page).getByRole('listitem').filter({ hasText: text });
const onServer = (fake: Parameters<typeof entriesOnServer>[0], description: string) => entriesOnServer(fake).filter((entry) => entry.description === description).sort((a, b) => a.start.localeCompare(b.start));
const draft = (description: string, over: Partial<EntryDraft> = {}): EntryDraft => ({ description, projectId: null, taskId: null, tagIds: [], billable: false, ...over });

test.beforeEach(async ({ app, page }) => {
  await clock.pin(app, page);
  await app.signIn();
});

test('splits an entry at a typed time: two entries with the same fields', async ({ page, app, fake }) => {
  // Whole hours: the split time reads the same in any zone with whole-hour offsets.
  const start = Math.floor((NOW - 4 * HOUR) / HOUR) * HOUR;
  const tag = fake.state.tags.find((t) => t.name === 'deep work')!;
  expect(app.harness.core.addEntry(draft('Wireframes v2', { billable: true, tagIds: [tag.id] }), { start: iso(start), end: iso(start + 2 * HOUR) }).ok).toBe(true);
  await app.open(page);
  const zone = app.harness.core.snapshot().preferences.timeZone;
  const middle = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(start + HOUR));

  await expect(item(page, 'Wireframes v2')).toContainText('deep work');
  await item(page, 'Wireframes v2').getByRole('button', { name: 'Split or duplicate' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Split or duplicate' });
  await expect(dialog.getByRole('textbox', { name: 'Split at' })).toBeFocused();
  await page.keyboard.type('7 pm tomorrow');
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('alert')).toContainText('is not a time');
  await page.screenshot({ path: test.info().outputPath('split-dialog.png') });
  await dialog.getByRole('textbox', { name: 'Split at' }).fill(middle);
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText(`Split “Wireframes v2” at ${middle}: two entries with the same fields.`)).toBeVisible();
  await expect.poll(() => onServer(fake, 'Wireframes v2').map((e) => [e.start, e.end, e.billable, e.tagIds])).toEqual([
    [iso(start), iso(start + HOUR), true, [tag.id]],
    [iso(start + HOUR), iso(start + 2 * HOUR), true, [tag.id]],
  ]);
  // The halves are identical work of one day: one row, two entries, 2:00 in all.
  await expect(item(page, 'Wireframes v2').getByRole('button', { name: '2 entries, 2:00 in all' })).toBeVisible();
});

test('duplicates an entry of yesterday to today and to another day, at the same times', async ({ page, app, fake }) => {
  const start = Math.floor((NOW - 26 * HOUR) / HOUR) * HOUR;
  expect(app.harness.core.addEntry(draft('Backups check'), { start: iso(start), end: iso(start + HOUR) }).ok).toBe(true);
  await app.open(page);
  await item(page, 'Backups check').getByRole('button', { name: 'Split or duplicate' }).click();
  const dialog = page.getByRole('dialog', { name: 'Split or duplicate' });
  await dialog.getByRole('button', { name: 'Duplicate to today' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText('Copied “Backups check” to today.')).toBeVisible();
  await expect.poll(() => onServer(fake, 'Backups check').map((e) => e.start)).toEqual([iso(start), iso(start + 24 * HOUR)]);

  // Esc closes it and sends nothing.
  await item(page, 'Backups check').first().getByRole('button', { name: 'Split or duplicate' }).click();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  await item(page, 'Backups check').first().getByRole('button', { name: 'Split or duplicate' }).click();
  const day = new Date(start - 2 * 24 * HOUR).toISOString().slice(0, 10);
  await dialog.getByRole('textbox', { name: 'Duplicate to day' }).fill(day);
  await dialog.getByRole('button', { name: 'Duplicate', exact: true }).click();
  await expect(dialog).toHaveCount(0);
  await expect.poll(() => onServer(fake, 'Backups check')).toHaveLength(3);
});

test('identical entries of a day are one row with count and total; it expands from the keyboard, and Continue starts the work', async ({ page, app, fake }) => {
  const start = Math.floor((NOW - 5 * HOUR) / HOUR) * HOUR;
  for (const offset of [0, 2]) {
    expect(app.harness.core.addEntry(draft('Inbox zero', { billable: true }), { start: iso(start + offset * HOUR), end: iso(start + offset * HOUR + HOUR / 2) }).ok).toBe(true);
  }
  expect(app.harness.core.addEntry(draft('Inbox zero', { billable: false }), { start: iso(start + HOUR), end: iso(start + HOUR + HOUR / 4) }).ok).toBe(true);
  await app.open(page);
  const group = list(page).getByRole('button', { name: '2 entries, 1:00 in all' });
  await expect(group).toHaveAttribute('aria-expanded', 'false');
  await expect(item(page, 'Inbox zero')).toHaveCount(2); // the group's row, and the one that is not billable
  await group.focus();
  await page.keyboard.press('Enter');
  await expect(group).toHaveAttribute('aria-expanded', 'true');
  await expect(item(page, 'Inbox zero')).toHaveCount(4);
  await expect(item(page, 'Inbox zero').filter({ hasText: '0:30' })).toHaveCount(2);
  await page.keyboard.press('Space');
  await expect(item(page, 'Inbox zero')).toHaveCount(2);
  await page.screenshot({ path: test.info().outputPath('grouped.png') });

  await item(page, 'Inbox zero').filter({ has: page.getByRole('button', { name: '2 entries, 1:00 in all' }) }).getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('timer')).toContainText('Inbox zero');
  await expect.poll(() => onServer(fake, 'Inbox zero').filter((e) => e.end === null).map((e) => e.billable)).toEqual([true]);
});
