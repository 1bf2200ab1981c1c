// The entry editor never throws edits away unasked, and fits any window height.
import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { chooseProject, entriesOnServer, projectId, writes } from '../support/popover';

test.beforeEach(async ({ app }) => {
  await app.signIn();
});

const item = (page: Page, text: string) => page.getByRole('list', { name: 'Recent entries' }).getByRole('listitem').filter({ hasText: text });

test('Esc after a change asks before discarding it', async ({ page, app, fake }) => {
  await app.open(page);
  await item(page, 'Expense report').getByRole('button', { name: 'Edit' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit entry' });
  await chooseProject(page, 'rebrand', dialog);
  await expect(dialog.getByRole('combobox', { name: 'Project' })).toHaveValue('Café Rebrand');
  fake.clearRequests();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Discard your changes to this entry?');
  await expect(dialog.getByRole('button', { name: 'Keep editing' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('combobox', { name: 'Project' })).toHaveValue('Café Rebrand');

  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await dialog.getByRole('button', { name: 'Discard changes' }).click();
  await expect(dialog).toHaveCount(0);
  expect(writes(fake)).toEqual([]);
  expect(entriesOnServer(fake).find((entry) => entry.description === 'Expense report')?.projectId).toBe(projectId(fake, 'Internal Tools'));

  // Without changes, Esc simply closes.
  await item(page, 'Expense report').getByRole('button', { name: 'Edit' }).click();
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
});

test('in a 300 px tall window the editor scrolls to Save', async ({ page, app, fake }) => {
  await page.setViewportSize({ width: 380, height: 300 });
  await app.open(page);
  await item(page, 'Expense report').getByRole('button', { name: 'Edit' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit entry' });
  await dialog.getByRole('textbox', { name: 'Description' }).fill('Expense report, December');
  const save = dialog.getByRole('button', { name: 'Save' });
  await save.scrollIntoViewIfNeeded();
  await expect(save).toBeInViewport();
  await save.click();
  await expect(dialog).toHaveCount(0);
  await expect.poll(() => entriesOnServer(fake).some((entry) => entry.description === 'Expense report, December')).toBe(true);
});

test('moving an entry to end in the future is saved only after a warning, as in manual entry', async ({ page, app, fake }) => {
  await app.open(page);
  await item(page, 'Expense report').getByRole('button', { name: 'Edit' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit entry' });
  await dialog.getByRole('textbox', { name: 'Date' }).fill('2099-01-05');
  await dialog.getByRole('textbox', { name: 'Start' }).fill('9:00');
  await dialog.getByRole('textbox', { name: 'End' }).fill('10:00');
  fake.clearRequests();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert')).toContainText('This entry ends in the future (2099-01-05 10:00): press Save again if that is right. Nothing was sent yet.');
  await expect(dialog.getByRole('textbox', { name: 'End' })).toHaveAttribute('aria-invalid', 'true');
  await app.harness.core.settled();
  expect(writes(fake)).toEqual([]);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toHaveCount(0);
  await expect.poll(() => entriesOnServer(fake).find((entry) => entry.description === 'Expense report')?.start.slice(0, 10)).toBe('2099-01-05');
});
