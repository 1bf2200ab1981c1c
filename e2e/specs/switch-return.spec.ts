// Switch and return, as a user meets it in the popover: an interruption ("Phone call") stops the
// work and, when stopped, brings it back as a new entry; discarded, the same entry resumes; and
// "Switched at…" splits the running timer at a past moment. All from the keyboard.
import { expect, test } from '../support/fixtures';
import { entriesOnServer, outboxIdle, startTimer } from '../support/popover';

const MINUTE = 60_000;
const onServer = (fake: Parameters<typeof entriesOnServer>[0], description: string) => entriesOnServer(fake).filter((entry) => entry.description === description);

test.beforeEach(async ({ app }) => {
  await app.signIn();
});

test('an interruption stops the work, and its Stop brings the work back as a new entry', async ({ page, app, fake }) => {
  await app.open(page);
  await startTimer(page, 'Writing');

  await page.getByRole('button', { name: 'Interrupt…' }).focus();
  await page.keyboard.press('Enter');
  const field = page.getByRole('textbox', { name: 'Interruption' });
  await expect(field).toBeFocused();
  await expect(field).toHaveValue('Phone call');
  await field.press('Enter');
  await expect(page.getByRole('timer')).toContainText('Phone call');
  await expect(page.getByText('Interrupting “Writing”: Stop brings it back as a new entry from then; Discard resumes the same entry.')).toBeVisible();
  await expect.poll(() => onServer(fake, 'Writing').map((entry) => entry.end === null)).toEqual([false]);
  await expect(page.getByRole('status')).toHaveText('All saved');
  await page.screenshot({ path: test.info().outputPath('interruption.png') });

  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(page.getByRole('timer')).toContainText('Writing');
  await expect(page.getByText(/^Back to “Writing” as a new entry from \d\d:\d\d\.$/)).toBeVisible();
  await expect(page.getByText(/^Interrupting/)).toHaveCount(0);
  await expect.poll(() => onServer(fake, 'Writing').map((entry) => entry.end === null)).toEqual([true, false]);
  const call = onServer(fake, 'Phone call');
  expect(call).toHaveLength(1);
  expect(onServer(fake, 'Writing')[0]!.start).toBe(call[0]!.end);
});

test('a discarded interruption never happened: the same entry resumes', async ({ page, app, fake }) => {
  await app.open(page);
  await startTimer(page, 'Writing');
  const started = onServer(fake, 'Writing')[0]!.start;
  await page.getByRole('button', { name: 'Interrupt…' }).click();
  await page.getByRole('textbox', { name: 'Interruption' }).fill('Coffee with Sam');
  await page.getByRole('textbox', { name: 'Interruption' }).press('Enter');
  await expect(page.getByRole('timer')).toContainText('Coffee with Sam');
  await expect(page.getByRole('status')).toHaveText('All saved');

  await page.getByRole('button', { name: 'Discard' }).click();
  await expect(page.getByRole('timer')).toContainText('Writing');
  await expect(page.getByText(/^Back to “Writing”: resumed as the same entry, from \d\d:\d\d\.$/)).toBeVisible();
  await expect.poll(() => onServer(fake, 'Writing').map((entry) => [entry.start, entry.end])).toEqual([[started, null]]);
  expect(onServer(fake, 'Coffee with Sam')).toEqual([]);
});

test('"Switched at…" ends the running entry at a past moment and runs the new work from then; a wrong moment is said', async ({ page, app, fake }) => {
  await app.open(page);
  await startTimer(page, 'Writing');
  await page.getByRole('button', { name: 'Change start' }).click();
  await page.getByRole('textbox', { name: 'Started at' }).fill('-30m');
  await page.getByRole('textbox', { name: 'Started at' }).press('Enter');
  await expect(page.getByRole('timer')).toContainText(/0:(29|30):\d\d/);

  await page.getByRole('button', { name: 'Switched at…' }).click();
  await expect(page.getByRole('textbox', { name: 'Switched to' })).toBeFocused();
  await page.keyboard.type('Code review');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('textbox', { name: 'Switched at' })).toBeFocused();
  await page.keyboard.type('-2h');
  await page.keyboard.press('Enter');
  const form = page.getByRole('group', { name: 'Switched to' });
  await expect(form.getByRole('alert')).toContainText(/“Writing” began at \d\d:\d\d: switch at a later time/);
  await expect(page.getByRole('textbox', { name: 'Switched to' })).toHaveValue('Code review');
  await page.getByRole('textbox', { name: 'Switched at' }).fill('10 min ago');
  await page.getByRole('textbox', { name: 'Switched at' }).press('Enter');
  await expect(form).toHaveCount(0);
  await expect(page.getByRole('timer')).toContainText('Code review');
  await expect(page.getByRole('timer')).toContainText(/0:(9|10|11):\d\d/);
  await expect.poll(() => onServer(fake, 'Code review').map((entry) => entry.end)).toEqual([null]);
  await outboxIdle(page, app);
  const writing = onServer(fake, 'Writing')[0]!;
  expect(writing.end).toBe(onServer(fake, 'Code review')[0]!.start);
  expect(Math.abs(Date.parse(writing.end!) - (Date.now() - 10 * MINUTE))).toBeLessThan(MINUTE);
});
