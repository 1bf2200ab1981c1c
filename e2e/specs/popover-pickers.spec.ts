// The pickers never write wrong data: a search always starts from an empty (or fully selected)
// query, Enter and Tab take the highlighted existing match, and creating a project, task or tag is
// an explicit choice that opens a small form — hidden, with a hint, where only admins may create.
import type { Page } from '@playwright/test';
import { setWorkspaceAdmin } from '../fake-clockify/roles';
import type { FakeClockify } from '../fake-clockify/server';
import { expect, test } from '../support/fixtures';
import { chooseProject, entriesOnServer, projectId, workspaceId, writes } from '../support/popover';

const STUDIO = 'Northwind Studio';

/** Creates nothing: no project, client, tag or task was sent. */
function created(fake: FakeClockify): string[] {
  return fake.requests.filter((request) => request.method === 'POST' && /\/(projects|clients|tags|tasks)$/.test(request.path)).map((request) => request.path);
}

async function startRunning(page: Page, fake: FakeClockify): Promise<void> {
  await page.getByRole('textbox', { name: 'Description' }).fill('Sprint planning');
  await chooseProject(page, 'relaunch');
  await page.getByRole('button', { name: 'Start' }).click();
  await expect.poll(() => entriesOnServer(fake).find((entry) => entry.end === null)?.projectId).toBe(projectId(fake, 'Website Relaunch'));
}

test('clicking into a project field that has focus starts a fresh search; Enter picks the match, never a new project', async ({ page, app, fake }) => {
  await app.signIn();
  await app.open(page);
  await startRunning(page, fake);
  fake.clearRequests();
  const project = page.getByRole('combobox', { name: 'Project' });
  await expect(project).toHaveValue('Website Relaunch');
  // Focus first, then a click in the middle of the name, then a second click while the list is open.
  await project.focus();
  await project.click({ position: { x: 70, y: 12 } });
  await project.click({ position: { x: 90, y: 12 } });
  await page.keyboard.type('reb cafe');
  await expect(project).toHaveValue('reb cafe');
  const options = page.getByRole('listbox', { name: 'Projects' }).getByRole('option');
  await expect(options.first()).toHaveAccessibleName(/^Café Rebrand/);
  await project.press('Enter');
  await expect(project).toHaveValue('Café Rebrand');
  await expect.poll(() => entriesOnServer(fake).find((entry) => entry.end === null)?.projectId).toBe(projectId(fake, 'Café Rebrand'));
  expect(created(fake)).toEqual([]);

  // After Esc the field keeps focus; typing starts a new search instead of editing the name.
  await project.click();
  await project.press('Escape');
  await expect(project).toBeFocused();
  await page.keyboard.type('intern');
  await expect(project).toHaveValue('intern');
  await project.press('Enter');
  await expect(project).toHaveValue('Internal Tools');
  expect(created(fake)).toEqual([]);
});

test('a typo with no match sends nothing on Enter; Create project opens a form, Esc cancels it', async ({ page, app, fake }) => {
  await app.signIn();
  await app.open(page);
  await startRunning(page, fake);
  fake.clearRequests();
  const project = page.getByRole('combobox', { name: 'Project' });
  await project.click();
  await project.fill('wbsite relaunch 2');
  const create = page.getByRole('option', { name: 'Create project “wbsite relaunch 2”' });
  await expect(create).toBeVisible();
  // Offered, never highlighted by default.
  await expect(project).not.toHaveAttribute('aria-activedescendant', /.+/);
  await project.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Create project' })).toHaveCount(0);
  expect(created(fake)).toEqual([]);

  // Chosen on purpose: a form, prefilled from the search; Esc cancels and nothing is sent.
  await project.press('ArrowDown');
  await project.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Create project' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('textbox', { name: 'Project name' })).toHaveValue('wbsite relaunch 2');
  await expect(dialog.getByRole('textbox', { name: 'Project name' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(project).toBeFocused();
  await expect(project).toHaveValue('Website Relaunch');
  expect(created(fake)).toEqual([]);
  expect(writes(fake)).toEqual([]);
});

test('the Create project form takes a name, an existing or new client and the private flag', async ({ page, app, fake }) => {
  await app.signIn();
  await app.open(page);
  const project = page.getByRole('combobox', { name: 'Project' });
  await project.click();
  await project.fill('Harbour Survey');
  await page.getByRole('option', { name: 'Create project “Harbour Survey”' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create project' });
  // A name Clockify refuses: said in the form, in Clockify's words; no sync banner is left behind.
  await dialog.getByRole('textbox', { name: 'Project name' }).fill('Internal Tools');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Clockify did not create the project: ');
  await expect(dialog.getByRole('alert')).toContainText('already exists');
  await expect(page.getByRole('status')).toHaveText('All saved');
  await dialog.getByRole('textbox', { name: 'Project name' }).fill('Harbour Survey 2027');
  const client = dialog.getByRole('combobox', { name: 'Client' });
  await client.fill('Café Lumière');
  await dialog.getByRole('checkbox', { name: 'Private' }).check();
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(project).toHaveValue('Harbour Survey 2027');
  const made = fake.state.projects.find((candidate) => candidate.name === 'Harbour Survey 2027');
  expect(made).toMatchObject({ clientId: fake.state.clients.find((c) => c.name === 'Café Lumière')!.id, public: false });

  // A client that does not exist yet is created by name.
  await project.click();
  await project.fill('Pier Lighting');
  await page.getByRole('option', { name: 'Create project “Pier Lighting”' }).click();
  await dialog.getByRole('combobox', { name: 'Client' }).fill('Harbour Board');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(project).toHaveValue('Pier Lighting');
  const board = fake.state.clients.find((c) => c.name === 'Harbour Board');
  expect(board).toBeDefined();
  expect(fake.state.projects.find((candidate) => candidate.name === 'Pier Lighting')).toMatchObject({ clientId: board!.id, public: true });
});

test('Tab takes the highlighted match, as Enter does', async ({ page, app }) => {
  await app.signIn();
  await app.open(page);
  const description = page.getByRole('textbox', { name: 'Description' });
  await description.fill('Refactoring');
  await description.press('Tab');
  const project = page.getByRole('combobox', { name: 'Project' });
  await expect(project).toBeFocused();
  await page.keyboard.type('intern');
  await expect(page.getByRole('listbox', { name: 'Projects' }).getByRole('option').first()).toHaveAccessibleName(/^Internal Tools/);
  await page.keyboard.press('Tab');
  await expect(project).toHaveValue('Internal Tools');
});

test('tags: each search starts empty after a choice, and an archived tag is offered back, not created again', async ({ page, app, fake }) => {
  await app.signIn();
  await app.open(page);
  fake.clearRequests();
  const tags = page.getByRole('combobox', { name: 'Tags' });
  await tags.click();
  await page.keyboard.type('entwu');
  await tags.press('Enter');
  await page.keyboard.type('meet');
  await expect(page.getByRole('option', { name: /entwumeet/ })).toHaveCount(0);
  await expect(page.getByRole('listbox', { name: 'Tags' }).getByRole('option').first()).toHaveAccessibleName('meeting');
  await tags.press('Enter');
  await tags.press('Escape');
  await expect(tags).toHaveValue('Entwürfe, meeting');
  expect(created(fake)).toEqual([]);

  // "legacy" is archived in the workspace: bring it back instead of a create Clockify refuses.
  await tags.click();
  await page.keyboard.type('legacy');
  await expect(page.getByRole('option', { name: /^Create tag/ })).toHaveCount(0);
  await page.getByRole('option', { name: 'Restore archived tag “legacy”' }).click();
  await expect.poll(() => fake.state.tags.find((tag) => tag.name === 'legacy')?.archived).toBe(false);
  await tags.press('Escape');
  await expect(tags).toHaveValue('Entwürfe, meeting, legacy');
  expect(created(fake)).toEqual([]);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('status')).toHaveText('All saved');
});

test('Create tag and Create task open their own forms', async ({ page, app, fake }) => {
  await app.signIn();
  await app.open(page);
  const tags = page.getByRole('combobox', { name: 'Tags' });
  await tags.click();
  await page.keyboard.type('Fieldwork');
  await tags.press('Enter');
  expect(fake.state.tags.some((tag) => tag.name === 'Fieldwork')).toBe(false);
  await page.getByRole('option', { name: 'Create tag “Fieldwork”' }).click();
  const tagDialog = page.getByRole('dialog', { name: 'Create tag' });
  await expect(tagDialog.getByRole('textbox', { name: 'Tag name' })).toHaveValue('Fieldwork');
  await tagDialog.getByRole('button', { name: 'Create' }).click();
  await expect.poll(() => fake.state.tags.some((tag) => tag.name === 'Fieldwork')).toBe(true);
  await expect(tags).toHaveValue('Fieldwork');

  await chooseProject(page, 'relaunch');
  const task = page.getByRole('combobox', { name: 'Task' });
  await task.click();
  await page.keyboard.type('QA pass');
  await task.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Create task' })).toHaveCount(0);
  await task.press('ArrowDown');
  await task.press('Enter');
  const taskDialog = page.getByRole('dialog', { name: 'Create task' });
  await expect(taskDialog).toContainText('Website Relaunch');
  await expect(taskDialog.getByRole('textbox', { name: 'Task name' })).toHaveValue('QA pass');
  await taskDialog.getByRole('button', { name: 'Create' }).click();
  await expect(task).toHaveValue('QA pass');
  expect(fake.state.tasks.find((candidate) => candidate.name === 'QA pass')?.projectId).toBe(projectId(fake, 'Website Relaunch'));
});

test.describe('a workspace where only admins create projects, tags and tasks', () => {
  test.beforeEach(({ fake }) => {
    const studio = fake.state.workspaces.find((workspace) => workspace.name === STUDIO)!;
    Object.assign(studio.workspaceSettings, { onlyAdminsCreateProject: true, onlyAdminsCreateTag: true, onlyAdminsCreateTask: true });
  });

  test('a member sees no create action, and a hint instead', async ({ page, app, fake }) => {
    const lena = fake.state.users.find((user) => user.email === 'lena.fischer@example.com')!;
    setWorkspaceAdmin(fake.state, workspaceId(fake, STUDIO), lena.id, false);
    await app.signIn();
    await app.open(page);
    const project = page.getByRole('combobox', { name: 'Project' });
    await project.click();
    await project.fill('Harbour Survey');
    await expect(page.getByRole('option', { name: /^Create project/ })).toHaveCount(0);
    await expect(page.getByText('Only admins can create projects in Northwind Studio.')).toBeVisible();
    await project.press('Escape');

    const tags = page.getByRole('combobox', { name: 'Tags' });
    await tags.click();
    await page.keyboard.type('Fieldwork');
    await expect(page.getByRole('option', { name: /^Create tag/ })).toHaveCount(0);
    await expect(page.getByText('Only admins can create tags in Northwind Studio.')).toBeVisible();
    await page.keyboard.press('Escape');
    // An archived tag: said plainly, not offered.
    await tags.fill('legacy');
    await expect(page.getByText('“legacy” is archived; only admins can restore it.')).toBeVisible();
    await expect(page.getByRole('option', { name: /legacy/ })).toHaveCount(0);
    await page.keyboard.press('Escape');

    await chooseProject(page, 'relaunch');
    const task = page.getByRole('combobox', { name: 'Task' });
    await task.click();
    await page.keyboard.type('QA pass');
    await expect(page.getByRole('option', { name: /^Create task/ })).toHaveCount(0);
    await expect(page.getByText('Only admins can create tasks in Northwind Studio.')).toBeVisible();
    expect(created(fake)).toEqual([]);
  });

  test('an admin may still create', async ({ page, app, fake }) => {
    await app.signIn();
    await app.open(page);
    const project = page.getByRole('combobox', { name: 'Project' });
    await project.click();
    await project.fill('Harbour Survey');
    await page.getByRole('option', { name: 'Create project “Harbour Survey”' }).click();
    await page.getByRole('dialog', { name: 'Create project' }).getByRole('button', { name: 'Create' }).click();
    await expect(project).toHaveValue('Harbour Survey');
    expect(fake.state.projects.some((candidate) => candidate.name === 'Harbour Survey')).toBe(true);
  });
});
