// After Stop the timer form starts empty, except for what the default project setting says (none,
// a fixed project, or the last used): the description and tags never carry over.
import { expect, test } from '../support/fixtures';
import { chooseProject } from '../support/popover';

test.beforeEach(async ({ app }) => {
  await app.signIn();
});

for (const [setting, expected] of [
  [{ kind: 'last-used' }, 'Website Relaunch'],
  [{ kind: 'none' }, ''],
] as const) {
  test(`after Stop: empty description and tags, project ${setting.kind === 'none' ? 'none' : 'the last used'}`, async ({ page, app }) => {
    expect(app.harness.core.updateSettings({ defaultProject: setting }).ok).toBe(true);
    await app.open(page);
    await page.getByRole('textbox', { name: 'Description' }).fill('Release notes');
    await chooseProject(page, 'relaunch');
    await page.getByRole('button', { name: 'Start' }).click();
    await expect(page.getByRole('timer')).toContainText('Release notes');
    await page.getByRole('button', { name: 'Stop', exact: true }).click();
    await expect(page.getByRole('button', { name: 'Start' })).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Description' })).toHaveValue('');
    await expect(page.getByRole('combobox', { name: 'Project' })).toHaveValue(expected);
    await expect(page.getByRole('combobox', { name: 'Tags' })).toHaveValue('');
  });
}
