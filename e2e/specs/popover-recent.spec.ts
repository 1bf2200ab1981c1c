// Recent entries: Continue, edit, delete and undo.
import { expect, test } from '../support/fixtures';
import { countHideCalls, entriesOnServer, projectId, writes } from '../support/popover';
import type { Page } from '@playwright/test';

test.beforeEach(async ({ app }) => {
  await app.signIn();
});

const item = (page: Page, text: string) => page.getByRole('list', { name: 'Recent entries' }).getByRole('listitem').filter({ hasText: text });

test('Continue starts the entry again with its project, task and tags; again while running switches', async ({ page, app, fake }) => {
  await app.open(page);
  fake.clearRequests();
  await item(page, 'Logo sketches').getByRole('button', { name: 'Continue' }).click();
  const timer = page.getByRole('timer');
  await expect(timer).toContainText('Logo sketches');
  await expect(timer).toContainText('Café Rebrand');
  await expect(page.getByRole('combobox', { name: 'Task' })).toHaveValue('Logo design');
  await expect(page.getByRole('combobox', { name: 'Tags' })).toHaveValue('deep work');
  const deepWork = fake.state.tags.find((tag) => tag.name === 'deep work')!.id;
  await expect
    .poll(() => entriesOnServer(fake).find((entry) => entry.end === null))
    .toMatchObject({ description: 'Logo sketches', projectId: projectId(fake, 'Café Rebrand'), taskId: fake.state.tasks.find((task) => task.name === 'Logo design')!.id, tagIds: [deepWork] });
  expect(writes(fake)).toEqual(['POST 201']);

  await item(page, 'Standup and planning').getByRole('button', { name: 'Continue' }).click();
  await expect(timer).toContainText('Standup and planning');
  await expect.poll(() => entriesOnServer(fake).filter((entry) => entry.end === null).map((entry) => entry.description)).toEqual(['Standup and planning']);
  // The continued entry, stopped, joins the identical one of today: one row, two entries.
  await expect(item(page, 'Logo sketches').getByRole('button', { name: /^2 entries, / })).toBeVisible();
});

test('edits an entry: description and end, seconds kept where untouched', async ({ page, app, fake }) => {
  const hideCalls = countHideCalls(page);
  await app.open(page);
  const before = entriesOnServer(fake).find((entry) => entry.description === 'Expense report')!;
  await item(page, 'Expense report').getByRole('button', { name: 'Edit' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit entry' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('textbox', { name: 'Description' })).toHaveValue('Expense report');
  await expect(dialog.getByRole('combobox', { name: 'Project' })).toHaveValue('Internal Tools');
  const end = dialog.getByRole('textbox', { name: 'End' });
  const endText = await end.inputValue();
  expect(endText).toMatch(/^\d\d:\d\d$/);

  // Esc closes the editor, not the window.
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  expect(hideCalls()).toBe(0);

  await item(page, 'Expense report').getByRole('button', { name: 'Edit' }).click();
  await dialog.getByRole('textbox', { name: 'Description' }).fill('Expense report, November');
  await dialog.getByRole('textbox', { name: 'End' }).fill('+2:00');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(item(page, 'Expense report, November')).toContainText('2:00');
  await expect
    .poll(() => fake.state.timeEntries.find((entry) => entry.id === before.id))
    .toMatchObject({ description: 'Expense report, November', start: before.start, end: new Date(Date.parse(before.start) + 2 * 3600_000).toISOString().replace('.000Z', 'Z') });
});

test('the editor refuses an end equal to the start and sends nothing', async ({ page, app, fake }) => {
  await app.open(page);
  await item(page, 'Expense report').getByRole('button', { name: 'Edit' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit entry' });
  const start = await dialog.getByRole('textbox', { name: 'Start' }).inputValue();
  fake.clearRequests();
  // (An end before the start is read as the next day, as in manual and quick entry.)
  await dialog.getByRole('textbox', { name: 'End' }).fill(start);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert')).toContainText('The end is the same as the start');
  expect(writes(fake)).toEqual([]);
});

test('deletes an entry, and Undo brings it back', async ({ page, app, fake }) => {
  await app.open(page);
  const original = entriesOnServer(fake).find((entry) => entry.description === 'Standup and planning')!;
  await item(page, 'Standup and planning').getByRole('button', { name: 'Delete' }).click();
  await expect(item(page, 'Standup and planning')).toHaveCount(0);
  await expect(page.getByLabel('Today total 0:45')).toBeVisible();
  await expect(page.getByText('Deleted “Standup and planning”.')).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(item(page, 'Standup and planning')).toHaveCount(1);
  await expect(page.getByLabel('Today total 1:15')).toBeVisible();
  await app.harness.core.settled();
  await expect
    .poll(() => entriesOnServer(fake).filter((entry) => entry.description === 'Standup and planning').map((entry) => [entry.start, entry.end, entry.projectId, entry.taskId]))
    .toEqual([[original.start, original.end, original.projectId, original.taskId]]);
  await expect(page.getByRole('status')).toHaveText('All saved');
});

test('a delete without undo reaches the server', async ({ page, app, fake }) => {
  await app.open(page);
  await item(page, 'Logo sketches').getByRole('button', { name: 'Delete' }).click();
  await expect(item(page, 'Logo sketches')).toHaveCount(0);
  await expect.poll(() => entriesOnServer(fake).some((entry) => entry.description === 'Logo sketches')).toBe(false);
});
