// One timer at a time, across workspaces: a timer running in another workspace is shown (popover,
// tray tooltip and menu), and starting one here stops it, saying so — as starting always does
// within one workspace.
import { trayMenu, trayTooltip } from '../../electron/core/tray-view';
import { expect, test } from '../support/fixtures';
import { chooseProject, entriesOnServer, projectId, workspaceId } from '../support/popover';

test('a timer running in another workspace is shown, and starting here stops it', async ({ page, app, fake }) => {
  await app.signIn();
  await app.open(page);
  await page.getByRole('textbox', { name: 'Description' }).fill('Sprint planning');
  await chooseProject(page, 'relaunch');
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByRole('timer')).toContainText('Sprint planning');
  await expect.poll(() => entriesOnServer(fake).filter((entry) => entry.end === null).length).toBe(1);

  const acme = workspaceId(fake, 'Acme Corp (project required)');
  await page.getByRole('combobox', { name: 'Workspace' }).selectOption(acme);
  // Not "0:00:00 and Start" as if nothing ran.
  const elsewhere = page.getByRole('note', { name: 'Timer in another workspace' });
  await expect(elsewhere).toContainText('A timer is running in Northwind Studio');
  await expect(elsewhere).toContainText('Sprint planning');
  await expect(elsewhere).toContainText('Starting here stops it');
  const snapshot = app.harness.core.snapshot();
  expect(trayTooltip(snapshot, Date.now(), () => '')).toContain('in Northwind Studio');
  expect(trayMenu(snapshot, Date.now(), new Map()).find((item) => item.type === 'label')).toMatchObject({ label: expect.stringContaining('Northwind Studio') });

  await page.getByRole('textbox', { name: 'Description' }).fill('Ticket triage');
  await chooseProject(page, 'support');
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByRole('timer')).toContainText('Ticket triage');
  await expect(page.getByText('The timer in Northwind Studio was stopped')).toBeVisible();
  await expect(elsewhere).toHaveCount(0);
  // One timer on the server, not two counting the same time.
  await expect.poll(() => entriesOnServer(fake).filter((entry) => entry.end === null).map((entry) => entry.projectId)).toEqual([projectId(fake, 'Acme Support')]);
  const planning = entriesOnServer(fake).find((entry) => entry.description === 'Sprint planning')!;
  const triage = entriesOnServer(fake).find((entry) => entry.description === 'Ticket triage')!;
  expect(planning.end).toBe(triage.start);
});

test('a timer left running in another workspace is found at start-up', async ({ page, app, fake }) => {
  const studio = workspaceId(fake, 'Northwind Studio');
  const acme = workspaceId(fake, 'Acme Corp (project required)');
  const lena = fake.state.users.find((user) => user.email === 'lena.fischer@example.com')!;
  fake.state.timeEntries.push({
    id: 'aaaaaaaaaaaaaaaaaaaaaaaa', workspaceId: studio, userId: lena.id, description: 'Started on the web', projectId: projectId(fake, 'Internal Tools'), taskId: null, tagIds: null,
    billable: false, start: new Date(Date.now() - 20 * 60_000).toISOString().replace(/\.\d+Z$/, 'Z'), end: null, type: 'REGULAR', kioskId: null, isLocked: false, customFieldValues: [],
  });
  for (const user of fake.state.users) user.defaultWorkspace = acme;
  await app.signIn();
  await app.open(page);
  await expect(page.getByRole('combobox', { name: 'Workspace' })).toHaveValue(acme);
  await expect(page.getByRole('note', { name: 'Timer in another workspace' })).toContainText('Started on the web');
});
