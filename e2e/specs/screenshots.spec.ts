// Screenshots of the popover for the README, in light and dark: setup, main (idle and running),
// project search, recent entries, the entry editor and manual entry. With UPDATE_SCREENSHOTS=1 they
// are written to docs/screenshots/; otherwise to the test's output folder, so a test run never
// changes tracked files.
import { expect, test } from '../support/fixtures';
import { startRegionHarness } from '../support/region-harness';
import { screenshotPath as out, settle } from '../support/screenshots';

test.use({ viewport: { width: 380, height: 600 } });

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} theme`, () => {
    test.use({ colorScheme: scheme });

    test(`setup (${scheme})`, async ({ page, fake }) => {
      const regions = await startRegionHarness(fake);
      await page.goto(regions.harness.url);
      await expect(page.getByRole('button', { name: 'Connect' })).toBeVisible();
      await page.getByRole('textbox', { name: 'API key' }).fill('not-a-real-key');
      await page.getByRole('button', { name: 'Connect' }).click();
      await expect(page.getByRole('alert')).toBeVisible();
      await page.screenshot({ path: out('setup', scheme) });
      await regions.close();
    });

    test(`running timer: change start, end at (${scheme})`, async ({ page, app }) => {
      await app.signIn();
      await app.open(page);
      await page.getByRole('textbox', { name: 'Description' }).fill('Review pull requests');
      await page.getByRole('button', { name: 'Start' }).click();
      await expect(page.getByRole('timer')).toBeVisible();
      await page.getByRole('button', { name: 'Change start' }).click();
      await page.getByRole('textbox', { name: 'Started at' }).fill('-20m');
      await settle(page);
      await page.screenshot({ path: out('running-timer-start', scheme) });
      await page.getByRole('textbox', { name: 'Started at' }).press('Enter');
      await page.getByRole('button', { name: 'End at…' }).click();
      await page.getByRole('textbox', { name: 'Ended at' }).fill('soon');
      await page.getByRole('textbox', { name: 'Ended at' }).press('Enter');
      await expect(page.getByRole('group', { name: 'Ended at' }).getByRole('alert')).toBeVisible();
      await settle(page);
      await page.screenshot({ path: out('running-timer-end', scheme) });
    });

    test(`main, recent entries and manual entry (${scheme})`, async ({ page, app }) => {
      await app.signIn();
      await app.open(page);
      const description = page.getByRole('textbox', { name: 'Description' });
      await expect(description).toBeFocused();
      await expect(page.getByRole('list', { name: 'Recent entries' }).getByRole('listitem').first()).toBeVisible();
      await settle(page);
      await page.screenshot({ path: out('main-idle', scheme) });

      await description.fill('Review pull requests');
      await page.getByRole('combobox', { name: 'Project' }).click();
      await page.keyboard.type('relaunch');
      await page.screenshot({ path: out('project-picker', scheme) });
      await page.keyboard.press('Enter');
      await page.getByRole('button', { name: 'Start' }).click();
      await expect(page.getByRole('timer')).toBeVisible();
      await page.waitForTimeout(1100);
      await settle(page);
      await page.screenshot({ path: out('main-running', scheme) });
      await page.getByRole('button', { name: 'Stop' }).click();

      await page.getByRole('listitem').filter({ hasText: 'Logo sketches' }).hover();
      await settle(page);
      await page.screenshot({ path: out('recent-entries', scheme) });

      await page.getByRole('listitem').filter({ hasText: 'Menu layout' }).getByRole('button', { name: 'Edit' }).click();
      await expect(page.getByRole('dialog', { name: 'Edit entry' })).toBeVisible();
      await settle(page);
      await page.screenshot({ path: out('edit-entry', scheme) });
      await page.keyboard.press('Escape');

      await page.getByRole('button', { name: 'Manual entry' }).click();
      await description.fill('Workshop preparation');
      await page.getByRole('textbox', { name: 'Start' }).fill('22:30');
      await page.getByRole('textbox', { name: 'End' }).fill('1:15');
      await page.mouse.move(0, 0);
      await settle(page);
      await page.screenshot({ path: out('manual-entry', scheme) });
    });

    test(`create project form (${scheme})`, async ({ page, app }) => {
      await app.signIn();
      await app.open(page);
      const project = page.getByRole('combobox', { name: 'Project' });
      await project.click();
      await page.keyboard.type('Harbour Survey');
      await page.screenshot({ path: out('project-picker-create', scheme) });
      await page.getByRole('option', { name: 'Create project “Harbour Survey”' }).click();
      const dialog = page.getByRole('dialog', { name: 'Create project' });
      await dialog.getByRole('combobox', { name: 'Client' }).fill('Harbour Board');
      await settle(page);
      await page.screenshot({ path: out('create-project', scheme) });
    });
  });
}
