// Description suggestions: they close once Enter starts the timer, and ArrowDown in an empty field
// lists the recent entries to continue from.
import { expect, test } from '../support/fixtures';

test.beforeEach(async ({ app }) => {
  await app.signIn();
});

test('Enter starts the timer and closes the suggestions', async ({ page, app }) => {
  await app.open(page);
  const description = page.getByRole('textbox', { name: 'Description' });
  await description.fill('Logo');
  await expect(page.getByRole('listbox', { name: 'Suggestions' })).toBeVisible();
  await description.press('Enter');
  await expect(page.getByRole('timer')).toContainText('Logo');
  await expect(page.getByRole('listbox', { name: 'Suggestions' })).toHaveCount(0);
});

test('ArrowDown in an empty Description lists recent entries', async ({ page, app }) => {
  await app.open(page);
  const description = page.getByRole('textbox', { name: 'Description' });
  await expect(description).toHaveValue('');
  await description.press('ArrowDown');
  const suggestions = page.getByRole('listbox', { name: 'Suggestions' }).getByRole('option');
  await expect(suggestions.first()).toContainText('Standup and planning');
  await expect(suggestions).toHaveCount(5);
  await description.press('ArrowDown');
  await description.press('Enter');
  await expect(description).toHaveValue('Standup and planning');
  await expect(page.getByRole('combobox', { name: 'Project' })).toHaveValue('Website Relaunch');
});
