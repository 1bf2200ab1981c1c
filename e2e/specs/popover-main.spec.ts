// The main view: what opens, the project picker (words in any order, accents ignored, grouped by
// client), start/stop with the keyboard, description suggestions, tasks and tags, editing the
// running entry, a workspace switch with its rules, Esc.
import { expect, test } from '../support/fixtures';
import { chooseProject, countHideCalls, entriesOnServer, projectId, workspaceId, writes } from '../support/popover';

test.beforeEach(async ({ app }) => {
  await app.signIn();
});

test('opens ready to type, with the workspace, sync state and recent entries', async ({ page, app }) => {
  await app.open(page);
  await expect(page.getByRole('textbox', { name: 'Description' })).toBeFocused();
  await expect(page.getByRole('combobox', { name: 'Workspace' })).toHaveValue(app.harness.core.snapshot().workspaceId!);
  await expect(page.getByRole('combobox', { name: 'Workspace' }).locator('option')).toHaveText(['Northwind Studio', 'Acme Corp (project required)']);
  await expect(page.getByRole('status')).toHaveText('All saved');
  const recent = page.getByRole('list', { name: 'Recent entries' });
  await expect(recent.getByRole('listitem')).toHaveCount(5);
  await expect(recent.getByRole('heading')).toHaveText(['Today', 'Yesterday']);
  // Today: 45 min + 30 min; yesterday: 3:30 + 1:30 + 2:30 (Lena's, in Northwind).
  await expect(page.getByLabel('Today total 1:15')).toBeVisible();
  await expect(page.getByLabel('Yesterday total 7:30')).toBeVisible();
  // The week so far, from the user's week start in Clockify (Monday here).
  const weekday = new Intl.DateTimeFormat('en-US', { weekday: 'long', timeZone: app.harness.core.snapshot().preferences.timeZone }).format(new Date());
  await expect(page.getByLabel(`This week total ${weekday === 'Monday' ? '1:15' : '8:45'}`)).toBeVisible();
  const logo = recent.getByRole('listitem').filter({ hasText: 'Logo sketches' });
  await expect(logo).toContainText('Café Rebrand');
  await expect(logo).toContainText('0:45');
  await expect(logo.getByRole('button', { name: 'Continue' })).toBeVisible();
});

test('opening again with a warm cache reads nothing but the running entry', async ({ page, app, fake }) => {
  await app.open(page);
  await expect(page.getByRole('list', { name: 'Recent entries' }).getByRole('listitem').first()).toBeVisible();
  await app.harness.core.settled();
  fake.clearRequests();
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Description' })).toBeFocused();
  await page.getByRole('combobox', { name: 'Project' }).click();
  await expect(page.getByRole('option', { name: /^Website Relaunch/ }).first()).toBeVisible();
  // The pickers and the list come from the cache; only the core's reconciliation on open reads the entries.
  expect(fake.requests.filter((request) => !/\/time-entries/.test(request.path)).map((request) => `${request.method} ${request.path}`)).toEqual([]);
});

test('starts with a project found by two words in reverse order, without accents, then stops', async ({ page, app, fake }) => {
  await app.open(page);
  await page.getByRole('textbox', { name: 'Description' }).fill('Moodboard');
  const project = page.getByRole('combobox', { name: 'Project' });
  await project.click();
  await project.fill('rebrand cafe');
  const options = page.getByRole('listbox', { name: 'Projects' }).getByRole('option');
  await expect(options.first()).toHaveAccessibleName(/^Café Rebrand/);
  await project.press('Enter');
  await expect(project).toHaveValue('Café Rebrand');
  await expect(page.getByRole('checkbox', { name: 'Billable' })).toBeChecked();

  fake.clearRequests();
  // Enter in Description starts.
  await page.getByRole('textbox', { name: 'Description' }).press('Enter');
  const timer = page.getByRole('timer');
  await expect(timer).toContainText('Moodboard');
  await expect(timer).toContainText('Café Rebrand');
  await expect(timer).toContainText(/0:00:0\d/);
  await expect.poll(() => entriesOnServer(fake).find((entry) => entry.end === null)).toMatchObject({ description: 'Moodboard', projectId: projectId(fake, 'Café Rebrand'), billable: true });

  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.getByRole('button', { name: 'Start' })).toBeVisible();
  await expect(page.getByRole('timer')).toHaveCount(0);
  await expect.poll(() => entriesOnServer(fake).filter((entry) => entry.end === null)).toEqual([]);
  await expect(page.getByRole('list', { name: 'Recent entries' }).getByRole('listitem').first()).toContainText('Moodboard');
  expect(writes(fake)).toEqual(['POST 201', 'PATCH 200']);
  await expect(page.getByRole('status')).toHaveText('All saved');
});

test('the project picker groups by client, lists recent projects first, and offers No project', async ({ page, app }) => {
  await app.open(page);
  await page.getByRole('combobox', { name: 'Project' }).click();
  const list = page.getByRole('listbox', { name: 'Projects' });
  // Recent projects first, then No project, then by client; archived projects are not offered.
  await expect(list.getByRole('option')).toHaveText(['Website Relaunch', 'Café Rebrand', 'Internal Tools', 'No project', 'Café Rebrand', 'Website Relaunch', 'Internal Tools']);
  await expect(list.getByRole('option').nth(4)).toHaveAccessibleName('Café Rebrand, Café Lumière');
  await expect(list).toContainText('Müller & Söhne GmbH');
  await expect(list).toContainText('No client');
  await expect(list).not.toContainText('Legacy Website');
});

test('arrow keys and Enter choose in the pickers; Esc closes a list first, then the window', async ({ page, app, fake }) => {
  const hideCalls = countHideCalls(page);
  await app.open(page);
  const project = page.getByRole('combobox', { name: 'Project' });
  await project.focus();
  await expect(project).toHaveAttribute('aria-expanded', 'false');
  await project.fill('website');
  await project.press('ArrowDown');
  await project.press('ArrowUp');
  await project.press('ArrowDown');
  // "website" matches Website Relaunch only (Legacy Website is archived); then the create row.
  await expect(page.getByRole('option', { name: /^Create project/ })).toHaveAttribute('id', (await project.getAttribute('aria-activedescendant'))!);
  await project.press('ArrowUp');
  await project.press('Enter');
  await expect(project).toHaveValue('Website Relaunch');

  const task = page.getByRole('combobox', { name: 'Task' });
  await task.focus();
  await task.press('ArrowDown');
  await task.press('ArrowDown');
  await task.press('Enter');
  await expect(task).toHaveValue('Frontend');

  const tags = page.getByRole('combobox', { name: 'Tags' });
  await tags.focus();
  await tags.press('ArrowDown');
  await tags.press('Enter');
  await tags.press('ArrowDown');
  await tags.press('Enter');
  await expect(page.getByRole('listbox', { name: 'Tags' }).getByRole('option', { selected: true })).toHaveCount(2);
  await tags.press('Escape');
  await expect(tags).toHaveAttribute('aria-expanded', 'false');
  expect(hideCalls()).toBe(0);
  await expect(tags).toHaveValue('deep work, Entwürfe');

  await page.getByRole('textbox', { name: 'Description' }).fill('Navigation');
  await page.getByRole('textbox', { name: 'Description' }).press('Enter');
  await expect(page.getByRole('timer')).toContainText('Navigation');
  const studio = fake.state.tags.filter((tag) => ['deep work', 'Entwürfe'].includes(tag.name)).map((tag) => tag.id);
  await expect
    .poll(() => entriesOnServer(fake).find((entry) => entry.end === null))
    .toMatchObject({ projectId: projectId(fake, 'Website Relaunch'), taskId: fake.state.tasks.find((t) => t.name === 'Frontend')!.id, tagIds: studio, billable: true });

  await page.keyboard.press('Escape');
  await expect.poll(hideCalls).toBe(1);
});

test('suggests recent descriptions and fills their project, task and tags', async ({ page, app, fake }) => {
  await app.open(page);
  const description = page.getByRole('textbox', { name: 'Description' });
  await description.fill('logo');
  const suggestion = page.getByRole('listbox', { name: 'Suggestions' }).getByRole('option', { name: /Logo sketches/ });
  await expect(suggestion).toBeVisible();
  await description.press('ArrowDown');
  await description.press('Enter');
  await expect(description).toHaveValue('Logo sketches');
  await expect(page.getByRole('combobox', { name: 'Project' })).toHaveValue('Café Rebrand');
  await expect(page.getByRole('combobox', { name: 'Task' })).toHaveValue('Logo design');
  await expect(page.getByRole('combobox', { name: 'Tags' })).toHaveValue('deep work');
  await description.press('Enter');
  await expect(page.getByRole('timer')).toContainText('Logo sketches');
  await expect.poll(() => entriesOnServer(fake).find((entry) => entry.end === null)?.taskId).toBe(fake.state.tasks.find((task) => task.name === 'Logo design')!.id);
});

test('creates a tag and a project from the search text, through their forms', async ({ page, app, fake }) => {
  await app.open(page);
  const tags = page.getByRole('combobox', { name: 'Tags' });
  await tags.click();
  await tags.fill('Fieldwork');
  await page.getByRole('option', { name: 'Create tag “Fieldwork”' }).click();
  await page.getByRole('dialog', { name: 'Create tag' }).getByRole('button', { name: 'Create' }).click();
  await expect.poll(() => fake.state.tags.some((tag) => tag.name === 'Fieldwork')).toBe(true);
  await expect(tags).toHaveValue('Fieldwork');

  const project = page.getByRole('combobox', { name: 'Project' });
  await project.click();
  await project.fill('Harbour Survey');
  await page.getByRole('option', { name: 'Create project “Harbour Survey”' }).click();
  await page.getByRole('dialog', { name: 'Create project' }).getByRole('button', { name: 'Create' }).click();
  await expect(project).toHaveValue('Harbour Survey');
  expect(fake.state.projects.some((candidate) => candidate.name === 'Harbour Survey')).toBe(true);
});

test('changes to the running entry are sent as they are made', async ({ page, app, fake }) => {
  await app.open(page);
  await page.getByRole('textbox', { name: 'Description' }).fill('Call with client');
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByRole('timer')).toContainText('Call with client');
  await chooseProject(page, 'internal');
  await expect(page.getByRole('timer')).toContainText('Internal Tools');
  const description = page.getByRole('textbox', { name: 'Description' });
  await description.fill('Call with the client about the menu');
  await description.press('Enter');
  await expect(page.getByRole('timer')).toContainText('Call with the client about the menu');
  await expect
    .poll(() => entriesOnServer(fake).find((entry) => entry.end === null))
    .toMatchObject({ description: 'Call with the client about the menu', projectId: projectId(fake, 'Internal Tools'), billable: false });
});

test('switching the workspace switches the pickers, the list and the rules', async ({ page, app, fake }) => {
  await app.open(page);
  await page.getByRole('combobox', { name: 'Workspace' }).selectOption({ label: 'Acme Corp (project required)' });
  const recent = page.getByRole('list', { name: 'Recent entries' });
  await expect(recent.getByRole('listitem')).toHaveText([/Ticket #4711/]);

  await page.getByRole('combobox', { name: 'Project' }).click();
  await expect(page.getByRole('listbox', { name: 'Projects' }).getByRole('option')).toHaveText(['Acme Support', 'No project', 'Acme Onboarding', 'Acme Support']);
  await page.getByRole('option', { name: 'No project' }).click();

  fake.clearRequests();
  await page.getByRole('textbox', { name: 'Description' }).fill('Escalation');
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByRole('alert')).toContainText('Acme Corp (project required) requires a project');
  await expect(page.getByRole('combobox', { name: 'Project' })).toHaveAttribute('aria-invalid', 'true');
  expect(writes(fake)).toEqual([]);

  await chooseProject(page, 'support acme');
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByRole('timer')).toContainText('Acme Support');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect.poll(() => entriesOnServer(fake).find((entry) => entry.end === null)?.workspaceId).toBe(workspaceId(fake, 'Acme Corp (project required)'));
});

test('the week total starts on the week start set in Clockify', async ({ page, app, fake }) => {
  // Make today the first day of the week: the week so far is today alone.
  const weekday = new Intl.DateTimeFormat('en-US', { weekday: 'long', timeZone: app.harness.core.snapshot().preferences.timeZone }).format(new Date()).toUpperCase();
  for (const user of fake.state.users) user.settings.weekStart = weekday as typeof user.settings.weekStart;
  await app.signIn();
  await app.open(page);
  await expect(page.getByLabel('This week total 1:15')).toBeVisible();
});
