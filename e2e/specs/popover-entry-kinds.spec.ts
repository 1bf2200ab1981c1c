// What the real Clockify sends that the popover must not misread: custom field values (a PUT clears
// the ones it leaves out, and the fake does too) and entry types (breaks and time off are not work).
import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { entriesOnServer, writes } from '../support/popover';

const item = (page: Page, text: string) => page.getByRole('list', { name: 'Recent entries' }).getByRole('listitem').filter({ hasText: text });

test('editing the description in the popover leaves the custom field values on the server', async ({ page, app, fake }) => {
  const entry = entriesOnServer(fake).find((candidate) => candidate.description === 'Expense report')!;
  entry.customFieldValues = [
    { customFieldId: 'cf-po', timeEntryId: entry.id, value: 'PO-4711', name: 'Purchase order', type: 'TXT' },
    { customFieldId: 'cf-cost-centre', timeEntryId: entry.id, value: 42, name: 'Cost centre', type: 'NUMBER' },
  ];
  const before = { ...entry };
  await app.signIn();
  await app.open(page);
  await item(page, 'Expense report').getByRole('button', { name: 'Edit' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit entry' });
  await dialog.getByRole('textbox', { name: 'Description' }).fill('Expense report, November');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('status')).toHaveText('All saved');
  const after = fake.state.timeEntries.find((candidate) => candidate.id === entry.id)!;
  expect(after).toMatchObject({ description: 'Expense report, November', projectId: before.projectId, taskId: before.taskId, tagIds: before.tagIds, billable: before.billable, type: 'REGULAR' });
  expect(after.customFieldValues.map(({ customFieldId, value }) => ({ customFieldId, value }))).toEqual([
    { customFieldId: 'cf-po', value: 'PO-4711' },
    { customFieldId: 'cf-cost-centre', value: 42 },
  ]);
});

test('a break is labelled, has no Continue and is left out of the day total; time off cannot be changed here', async ({ page, app, fake }) => {
  const standup = entriesOnServer(fake).find((candidate) => candidate.description === 'Standup and planning')!;
  standup.type = 'BREAK';
  const logo = entriesOnServer(fake).find((candidate) => candidate.description === 'Logo sketches')!;
  logo.type = 'TIME_OFF';
  await app.signIn();
  await app.open(page);
  const lunch = item(page, 'Standup and planning');
  await expect(lunch).toContainText('Break');
  await expect(lunch.getByRole('button', { name: 'Continue' })).toHaveCount(0);
  await expect(lunch.getByRole('button', { name: 'Edit' })).toHaveCount(1);
  const timeOff = item(page, 'Logo sketches');
  await expect(timeOff).toContainText('Time off');
  await expect(timeOff.getByRole('button')).toHaveCount(0);
  // Today holds Standup (now a break, 0:30) and Logo sketches (now time off, 0:45): no work at all.
  await expect(page.getByLabel('Today total 0:00')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('entry-kinds.png') });
  fake.clearRequests();
  await item(page, 'Expense report').getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('timer')).toContainText('Expense report');
  await expect(page.getByRole('status')).toHaveText('All saved');
  expect(writes(fake)).toEqual(['POST 201']);
});
