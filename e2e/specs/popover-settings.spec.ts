// The settings: shortcuts recorded by pressing them (clashes refused), the time zone, time away,
// the reminder, starting at login. Each change is saved in main at once.
import { expect, test } from '../support/fixtures';

test.beforeEach(async ({ page, app }) => {
  await app.signIn();
  await app.open(page);
  await page.getByRole('button', { name: 'Account' }).click();
  await page.getByRole('button', { name: 'Settings' }).click();
});

test('a shortcut is recorded by pressing it and saved in main', async ({ page, app }) => {
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByRole('button', { name: /^Start or stop the timer: Ctrl\+Alt\+T$/ }).click();
  await page.keyboard.press('Control+Alt+KeyK');
  await expect(settings.getByRole('button', { name: 'Start or stop the timer: Ctrl+Alt+K' })).toBeVisible();
  expect(app.harness.core.settingsView().shortcuts.toggleTimer).toBe('CommandOrControl+Alt+K');
});

test('a plain key is refused with advice, and a clash with another shortcut is refused with the reason', async ({ page, app }) => {
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByRole('button', { name: /^Open quick entry:/ }).click();
  await page.keyboard.press('KeyQ');
  await expect(settings.getByRole('alert')).toHaveText(/Add Ctrl, Alt or Super/);
  await page.keyboard.press('Control+Alt+KeyT'); // already "Start or stop the timer"
  await expect(settings.getByRole('alert').filter({ hasText: 'Same keys as “Start or stop the timer”' })).toBeVisible();
  expect(app.harness.core.settingsView().shortcuts.quickEntry).toBe('CommandOrControl+Alt+E');
});

test('time away, the reminder and starting at login are saved', async ({ page, app }) => {
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByRole('spinbutton', { name: 'Minutes away before asking' }).fill('15');
  await settings.getByRole('checkbox', { name: 'Stop the timer when the computer sleeps' }).check();
  await settings.getByRole('checkbox', { name: 'Remind me when no timer runs during working hours' }).check();
  await settings.getByRole('group', { name: 'Working days' }).getByRole('checkbox', { name: 'Sat' }).check();
  await settings.getByRole('checkbox', { name: 'Start Clockify Tray when I log in' }).check();
  await expect.poll(() => app.harness.core.settingsView()).toMatchObject({
    idle: { thresholdMinutes: 15, stopOnSleep: true },
    reminder: { enabled: true, days: [1, 2, 3, 4, 5, 6] },
    launchAtLogin: true,
  });
});

test('a fixed UTC offset changes the zone times are shown in; Esc closes', async ({ page, app }) => {
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByRole('combobox', { name: 'Time zone' }).selectOption('offset');
  await settings.getByRole('textbox', { name: 'Hours from UTC' }).fill('-3');
  await settings.getByRole('textbox', { name: 'Hours from UTC' }).blur();
  await expect(settings.getByText('In force: Etc/GMT+3')).toBeVisible();
  expect(app.harness.core.snapshot().preferences.timeZone).toBe('Etc/GMT+3');
  await page.keyboard.press('Escape');
  await expect(settings).toHaveCount(0);
});

test('offsets with minutes (India +5:30, Nepal +5:45) can be set; other minutes are refused in words', async ({ page, app }) => {
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByRole('combobox', { name: 'Time zone' }).selectOption('offset');
  const offset = settings.getByRole('textbox', { name: 'Hours from UTC' });
  await offset.fill('+5:20');
  await offset.blur();
  await expect(offset).toHaveAccessibleDescription(/between -12 and \+14, with minutes if needed/);
  await offset.fill('+5:45');
  await offset.blur();
  await expect(settings.getByText('In force: +05:45')).toBeVisible();
  await offset.fill('5:30');
  await offset.blur();
  await expect(settings.getByText('In force: +05:30')).toBeVisible();
  await expect(offset).not.toHaveAttribute('aria-invalid');
  expect(app.harness.core.settingsView().timeZone).toEqual({ kind: 'offset', hours: 5.5 });
  expect(app.harness.core.snapshot().preferences.timeZone).toBe('+05:30');
});
