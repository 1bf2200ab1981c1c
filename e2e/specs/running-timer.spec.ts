// The running timer, as a user meets it in the popover: its start moved (typed, relative, or since
// the last entry ended), stopped at a past moment (typed, or when the computer went to sleep),
// discarded with Undo, and resumed after a stop as the same entry.
import { expect, test } from '../support/fixtures';
import { entriesOnServer, outboxIdle, startTimer, writes } from '../support/popover';

const MINUTE = 60_000;
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const serverEntry = (fake: Parameters<typeof entriesOnServer>[0], description: string) => entriesOnServer(fake).filter((entry) => entry.description === description);
/** How far (ms) a server instant is from `expected`: a typed relative time counts from the browser's now. */
const offBy = (instant: string | null | undefined, expected: number) => Math.abs(Date.parse(instant ?? '') - expected);

test.beforeEach(async ({ app }) => {
  await app.signIn();
});

test('moves the start: since the last entry ended, refused before that entry in words, then typed relative', async ({ page, app, fake }) => {
  const now = Math.floor(Date.now() / 1000) * 1000;
  const planning = { start: iso(now - 60 * MINUTE), end: iso(now - 30 * MINUTE) };
  expect(app.harness.core.addEntry({ description: 'Planning', projectId: null, taskId: null, tagIds: [], billable: false }, planning).ok).toBe(true);
  await app.open(page);
  await startTimer(page, 'Writing');
  fake.clearRequests();

  // Opened and left as it is (Enter on the start shown): nothing is sent.
  await page.getByRole('button', { name: 'Change start' }).click();
  await page.getByRole('textbox', { name: 'Started at' }).press('Enter');
  await expect(page.getByRole('group', { name: 'Started at' })).toHaveCount(0);
  await outboxIdle(page, app);
  expect(writes(fake)).toEqual([]);

  await page.getByRole('button', { name: 'Change start' }).click();
  const form = page.getByRole('group', { name: 'Started at' });
  await form.getByRole('button', { name: /^Since my last entry ended \(\d\d:\d\d\)$/ }).click();
  await expect(form).toHaveCount(0);
  await expect(page.getByRole('timer')).toContainText(/0:3\d:\d\d/);
  await expect.poll(() => serverEntry(fake, 'Writing')[0]?.start).toBe(planning.end);
  expect(serverEntry(fake, 'Writing')[0]?.end).toBeNull();

  await page.getByRole('button', { name: 'Change start' }).click();
  const field = page.getByRole('textbox', { name: 'Started at' });
  await expect(field).toBeFocused();
  await field.fill('-90m');
  await field.press('Enter');
  await expect(form.getByRole('alert')).toContainText('before your previous entry “Planning” began');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveValue('-90m'); // nothing typed is lost

  await field.fill('45 min ago');
  await field.press('Enter');
  await expect(page.getByText(/“Planning” now ends at \d\d:\d\d, where this timer starts/)).toBeVisible();
  await expect.poll(() => offBy(serverEntry(fake, 'Writing')[0]?.start, Date.now() - 45 * MINUTE)).toBeLessThan(MINUTE);
  await expect.poll(() => serverEntry(fake, 'Planning')[0]?.end).toBe(serverEntry(fake, 'Writing')[0]?.start);
  expect(writes(fake)).toEqual(['PUT 200', 'PUT 200', 'PUT 200']);
  expect(serverEntry(fake, 'Writing')).toHaveLength(1);
});

test('changes billable of the running timer without stopping it', async ({ page, app, fake }) => {
  await app.open(page);
  await startTimer(page, 'Support call');
  fake.clearRequests();
  const billable = page.getByRole('checkbox', { name: 'Billable' });
  const wasBillable = await billable.isChecked();
  await billable.click();
  await expect.poll(() => serverEntry(fake, 'Support call')[0]?.billable).toBe(!wasBillable);
  expect(serverEntry(fake, 'Support call')[0]?.end).toBeNull();
  await expect(page.getByRole('button', { name: 'Stop', exact: true })).toBeVisible();
  await outboxIdle(page, app);
  await expect.poll(() => writes(fake)).toEqual(['PUT 200']);
});

test('ends at a typed past moment, then Resume reopens the same entry: one entry, not two', async ({ page, app, fake }) => {
  await app.open(page);
  await startTimer(page, 'Reviewing');
  // Started 30 minutes ago (typed as a time of day would depend on the hour the spec runs).
  await page.getByRole('button', { name: 'Change start' }).click();
  await page.getByRole('textbox', { name: 'Started at' }).fill('-30m');
  await page.getByRole('textbox', { name: 'Started at' }).press('Enter');
  await expect(page.getByRole('timer')).toContainText(/0:(29|30):\d\d/);

  await page.getByRole('button', { name: 'End at…' }).click();
  const stopAt = page.getByRole('textbox', { name: 'Ended at' });
  await stopAt.fill('in a bit');
  await stopAt.press('Enter');
  await expect(page.getByRole('group', { name: 'Ended at' }).getByRole('alert')).toContainText('“in a bit” is not a time');
  await stopAt.fill('-5m');
  await stopAt.press('Enter');
  await expect(page.getByRole('button', { name: 'Start' })).toBeVisible();
  await expect.poll(() => offBy(serverEntry(fake, 'Reviewing')[0]?.end, Date.now() - 5 * MINUTE)).toBeLessThan(MINUTE);

  fake.clearRequests();
  await expect(page.getByText(/Stopped at \d\d:\d\d: carry on with the same entry\?/)).toBeVisible();
  await page.getByRole('button', { name: 'Resume “Reviewing”' }).click();
  await expect(page.getByRole('timer')).toContainText('Reviewing');
  await expect(page.getByRole('timer')).toContainText(/0:(29|30|31):\d\d/);
  await expect.poll(() => serverEntry(fake, 'Reviewing').map((entry) => entry.end)).toEqual([null]);
  await outboxIdle(page, app);
  expect(writes(fake)).toEqual(['PUT 200']);
});

test('"End at…" offers the moment the computer went to sleep', async ({ page, app, fake }) => {
  await app.open(page);
  await startTimer(page, 'Drafting');
  app.clock.advance(30 * MINUTE);
  // The harness clock runs in real time: the sleep is recorded at some moment between these two.
  const before = Math.floor(app.clock.now() / 1000) * 1000;
  app.power.emit('suspend');
  const after = app.clock.now();
  app.clock.advance(45 * MINUTE);
  app.power.emit('resume');
  await page.getByRole('alertdialog', { name: 'Time away' }).getByRole('button', { name: 'Keep the time' }).click();

  await page.getByRole('button', { name: 'End at…' }).click();
  await page.getByRole('group', { name: 'Ended at' }).getByRole('button', { name: /^When you went away \(\d\d:\d\d\)$/ }).click();
  await expect(page.getByRole('button', { name: 'Start' })).toBeVisible();
  await expect.poll(() => serverEntry(fake, 'Drafting')[0]?.end ?? null).not.toBeNull();
  const end = Date.parse(serverEntry(fake, 'Drafting')[0]!.end!);
  expect(end).toBeGreaterThanOrEqual(before);
  expect(end).toBeLessThanOrEqual(after);
});

test('a slow answer to "Change start" does not close the "End at…" form opened meanwhile', async ({ page, app }) => {
  await app.open(page);
  await startTimer(page, 'Reading');
  // The core's answer to the new start is held until the next form is open and typed in.
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let answered!: () => void;
  const answer = new Promise<void>((resolve) => (answered = resolve));
  await page.route('**/__bridge/invoke/timer:move-start', async (route) => {
    const response = await route.fetch();
    await released;
    await route.fulfill({ response });
    answered();
  });

  await page.getByRole('button', { name: 'Change start' }).click();
  await page.getByRole('textbox', { name: 'Started at' }).fill('-20m');
  await page.getByRole('textbox', { name: 'Started at' }).press('Enter');
  await page.getByRole('button', { name: 'End at…' }).click();
  await page.getByRole('textbox', { name: 'Ended at' }).fill('-5m');
  release();
  await answer;
  await expect(page.getByText('Start changed: the timer keeps running.')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Ended at' })).toHaveValue('-5m');
});

test('discards the running timer, and Undo brings it back from the same start', async ({ page, app, fake }) => {
  await app.open(page);
  await startTimer(page, 'Wrong thing');
  const started = serverEntry(fake, 'Wrong thing')[0]!.start;
  await page.getByRole('button', { name: 'Discard' }).click();
  await expect(page.getByRole('button', { name: 'Start' })).toBeVisible();
  await expect(page.getByText('Discarded the timer “Wrong thing”.')).toBeVisible();
  await expect.poll(() => serverEntry(fake, 'Wrong thing')).toEqual([]);

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('timer')).toContainText('Wrong thing');
  await expect.poll(() => serverEntry(fake, 'Wrong thing').map((entry) => [entry.start, entry.end])).toEqual([[started, null]]);
});
