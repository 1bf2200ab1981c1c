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
