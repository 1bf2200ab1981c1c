// The account menu: opening it with the keyboard focuses its first item, signing out asks first
// (and says what happens to changes not yet sent), and every item is drawn inside the panel.
import { expect, test } from '../support/fixtures';

test.beforeEach(async ({ app }) => {
  await app.signIn();
});

test('Enter, Enter opens the menu and then its first item, never signs out', async ({ page, app }) => {
  await app.open(page);
  const account = page.getByRole('button', { name: 'Account' });
  await account.focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('group', { name: 'Account' });
  await expect(menu).toBeVisible();
  await expect(menu.getByRole('button', { name: 'Settings' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Settings' })).toBeVisible();
  expect(app.harness.core.snapshot().account.status).toBe('signed-in');
});

test('signing out asks first; Cancel is the default', async ({ page, app }) => {
  await app.open(page);
  await page.getByRole('button', { name: 'Account' }).click();
  const menu = page.getByRole('group', { name: 'Account' });
  await menu.getByRole('button', { name: 'Sign out' }).click();
  expect(app.harness.core.snapshot().account.status).toBe('signed-in');
  await expect(menu).toContainText('you will need your API key to sign in again');
  await expect(menu.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(menu.getByRole('button', { name: 'Settings' })).toBeVisible();
  expect(app.harness.core.snapshot().account.status).toBe('signed-in');

  await menu.getByRole('button', { name: 'Sign out' }).click();
  await menu.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page.getByRole('textbox', { name: 'API key' })).toBeVisible();
});

test('with changes not yet sent, the confirmation says they will be discarded', async ({ page, app, fake }) => {
  await app.open(page);
  fake.addFault({ kind: 'status', status: 503, count: Infinity, match: { method: 'POST' } });
  await page.getByRole('textbox', { name: 'Description' }).fill('Offline work');
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByRole('status')).toContainText('pending');
  await page.getByRole('button', { name: 'Account' }).click();
  const menu = page.getByRole('group', { name: 'Account' });
  await menu.getByRole('button', { name: 'Sign out' }).click();
  await expect(menu).toContainText('1 change has not reached Clockify yet');
  await expect(menu.getByRole('button', { name: 'Sign out and discard 1 change' })).toBeVisible();
  expect(app.harness.core.snapshot().account.status).toBe('signed-in');
});

for (const scheme of ['light', 'dark'] as const) {
  test(`every menu item is inside the panel (${scheme})`, async ({ page, app }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width: 380, height: 600 });
    await app.open(page);
    await page.getByRole('button', { name: 'Account' }).click();
    const menu = page.getByRole('group', { name: 'Account' });
    const panel = (await menu.boundingBox())!;
    for (const name of ['Settings', 'Change key', 'Sign out']) {
      const box = (await menu.getByRole('button', { name }).boundingBox())!;
      expect(box.x, name).toBeGreaterThanOrEqual(panel.x);
      expect(box.x + box.width, name).toBeLessThanOrEqual(panel.x + panel.width);
      expect(box.y + box.height, name).toBeLessThanOrEqual(panel.y + panel.height);
    }
    await page.screenshot({ path: test.info().outputPath(`account-menu-${scheme}.png`) });
  });
}
