// Settings say what is wrong in words, next to the field; a misspelled zone is refused with
// suggestions; focus moves into the sheet when it opens and back when it closes.
import { expect, test } from '../support/fixtures';

test.beforeEach(async ({ page, app }) => {
  await app.signIn();
  await app.open(page);
  await page.getByRole('button', { name: 'Account' }).click();
  await page.getByRole('button', { name: 'Settings' }).click();
});

test('bad minutes are explained next to the field, without internal validation text', async ({ page, app }) => {
  const settings = page.getByRole('dialog', { name: 'Settings' });
  const minutes = settings.getByRole('spinbutton', { name: 'Minutes away before asking' });
  await minutes.fill('0');
  await minutes.blur();
  await expect(settings.getByText('Enter whole minutes from 1 to 480.')).toBeVisible();
  await expect(minutes).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText(/Invalid payload|Too small/)).toHaveCount(0);
  expect(app.harness.core.settingsView().idle.thresholdMinutes).toBe(10);
  await minutes.fill('15');
  await minutes.blur();
  await expect(settings.getByText('Enter whole minutes from 1 to 480.')).toHaveCount(0);
  await expect.poll(() => app.harness.core.settingsView().idle.thresholdMinutes).toBe(15);
});

test('a misspelled zone is refused with suggestions', async ({ page, app }) => {
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByRole('combobox', { name: 'Time zone' }).selectOption('zone');
  const zone = settings.getByRole('textbox', { name: 'Zone' });
  await zone.fill('Europe/Berln');
  await zone.blur();
  await expect(settings.getByText('“Europe/Berln” is not a time zone. Did you mean Europe/Berlin')).toBeVisible();
  expect(app.harness.core.settingsView().timeZone).not.toMatchObject({ zone: 'Europe/Berln' });
});

test('focus moves into the settings when they open and back when they close', async ({ page }) => {
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await expect(settings).toBeVisible();
  expect(await settings.evaluate((dialog) => dialog.contains(document.activeElement))).toBe(true);
  await page.keyboard.press('Escape');
  await expect(settings).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Account' })).toBeFocused();
});
