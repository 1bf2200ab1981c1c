// The sync state: pending and saved, the offline banner, Clockify's errors with a way forward, and
// a stop Clockify refuses (the workspace requires a project) leading to completing the entry.
import { expect, test } from '../support/fixtures';
import { entriesOnServer, projectId, workspaceId } from '../support/popover';
import { FAKE_API_KEY } from '../fake-clockify/server';

test.beforeEach(async ({ app }) => {
  await app.signIn();
});

test('offline: the banner and the status say so, the timer still starts, and it is saved when Clockify is back', async ({ page, app, fake }) => {
  test.slow(); // Waits for the network to come back.
  await app.open(page);
  await expect(page.getByRole('status')).toHaveText('All saved');
  // Long enough to outlast the client's own quick retries of a request that never left.
  fake.addFault({ kind: 'refuse', forMs: 8000 });
  await page.getByRole('textbox', { name: 'Description' }).fill('On the train');
  await page.getByRole('button', { name: 'Start' }).click();
  // The timer runs at once, whatever the network does.
  await expect(page.getByRole('timer')).toContainText('On the train');
  await expect(page.getByRole('status')).toHaveText('Offline · 1 pending', { timeout: 10_000 });
  await expect(page.getByText('Clockify cannot be reached; your changes are kept and sent when it can.')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Recent entries' })).toBeVisible();

  await expect(page.getByRole('status')).toHaveText('All saved', { timeout: 30_000 });
  await expect(page.getByText('Clockify cannot be reached; your changes are kept')).toHaveCount(0);
  await expect.poll(() => entriesOnServer(fake).find((entry) => entry.end === null)?.description).toBe('On the train');
});

test('a server error is shown with its status, and Retry sends again', async ({ page, app, fake }) => {
  await app.open(page);
  // Retry-After: 10 minutes, so the app's own next try lies beyond the test: only Retry can send it
  // (with a short backoff, a try of its own could land between clearing the fault and the click).
  fake.addFault({ kind: 'status', status: 503, retryAfter: 600, count: 1_000, match: { method: 'POST', path: /\/time-entries$/ } });
  await page.getByRole('textbox', { name: 'Description' }).fill('Planning');
  await page.getByRole('button', { name: 'Start' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Clockify had a problem (503)');
  await expect(page.getByRole('status')).toHaveText('1 pending');
  fake.clearFaults();
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByRole('status')).toHaveText('All saved');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect.poll(() => entriesOnServer(fake).find((entry) => entry.end === null)?.description).toBe('Planning');
});

test('a stop refused for a missing project leads to completing the entry', async ({ page, app, fake }) => {
  // A timer started on the web without a project, in the workspace that requires one.
  const acme = workspaceId(fake, 'Acme Corp (project required)');
  const owner = fake.state.users.find((user) => user.email === 'lena.fischer@example.com')!;
  const started = new Date(Math.floor(Date.now() / 1000) * 1000 - 20 * 60_000).toISOString().replace('.000Z', 'Z');
  fake.state.timeEntries.push({
    id: 'aaaaaaaaaaaaaaaaaaaa0001', workspaceId: acme, userId: owner.id, description: 'Phone support', projectId: null, taskId: null, tagIds: null,
    billable: false, start: started, end: null, type: 'REGULAR', kioskId: null, isLocked: false, customFieldValues: [],
  });
  await app.open(page);
  await page.getByRole('combobox', { name: 'Workspace' }).selectOption({ label: 'Acme Corp (project required)' });
  const timer = page.getByRole('timer');
  await expect(timer).toContainText('Phone support');
  await expect(timer).toContainText(/0:2\d:\d\d/);

  await page.getByRole('button', { name: 'Stop' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('The timer could not be stopped.');
  await expect(alert).toContainText('400');
  await expect(alert).toContainText('Acme Corp (project required) requires a project');
  await expect(page.getByRole('status')).toHaveText('1 needs attention');
  await expect(page.getByRole('combobox', { name: 'Project' })).toHaveAttribute('aria-invalid', 'true');
  // Nothing else can start before this entry is complete.
  expect(fake.state.timeEntries.find((entry) => entry.id === 'aaaaaaaaaaaaaaaaaaaa0001')?.end).toBeNull();

  const project = page.getByRole('combobox', { name: 'Project' });
  await project.click();
  await project.fill('support');
  await project.press('Enter');
  await page.getByRole('button', { name: 'Complete entry' }).click();

  await expect(page.getByRole('button', { name: 'Start' })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('All saved');
  await expect(page.getByRole('alert')).toHaveCount(0);
  const entry = page.getByRole('list', { name: 'Recent entries' }).getByRole('listitem').filter({ hasText: 'Phone support' });
  await expect(entry).toContainText('Acme Support');
  await expect
    .poll(() => fake.state.timeEntries.find((candidate) => candidate.id === 'aaaaaaaaaaaaaaaaaaaa0001'))
    .toMatchObject({ projectId: projectId(fake, 'Acme Support'), start: started, end: expect.stringMatching(/Z$/) });
});

test('a key Clockify stopped accepting: the alert offers to enter it again, and nothing waiting is lost', async ({ page, app, fake }) => {
  await app.open(page);
  // The key was revoked on the web and a new one made.
  const owner = fake.state.apiKeys[FAKE_API_KEY]!;
  delete fake.state.apiKeys[FAKE_API_KEY];
  const newKey = 'NEWclockifyKEY000demo0000tray0000timer000000x2';
  fake.state.apiKeys[newKey] = owner;

  await page.getByRole('textbox', { name: 'Description' }).fill('Quarterly report');
  await page.getByRole('button', { name: 'Start' }).click();
  const alert = page.getByRole('alert').filter({ hasText: '401' });
  await expect(alert).toContainText('Clockify did not accept the key (401)');
  await expect(page.getByRole('status')).toHaveText('1 pending');
  await alert.getByRole('button', { name: 'Re-enter key' }).click();

  await expect(page.getByRole('heading', { name: 'Enter your key again' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Connection' })).toHaveValue('global');
  await page.getByRole('textbox', { name: 'API key' }).fill(newKey);
  await page.getByRole('button', { name: 'Connect' }).click();
  await expect(page.getByRole('timer')).toContainText('Quarterly report');
  await expect(page.getByRole('status')).toHaveText('All saved');
  await expect.poll(() => entriesOnServer(fake).find((entry) => entry.end === null)?.description).toBe('Quarterly report');
});
