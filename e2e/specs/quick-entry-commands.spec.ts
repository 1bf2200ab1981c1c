// Quick-entry lines that act: "-20m" alone on a running timer moves its start (through the core's
// change-start, one PUT), and "fav 2" starts favourite 2 (stopping the running timer first).
import { expect, test } from '../support/fixtures';
import { entriesOnServer, outboxIdle, writes } from '../support/popover';

const MINUTE = 60_000;

test.beforeEach(async ({ app }) => {
  await app.signIn();
});

test('"-20m" alone moves the running timer start; "fav 2" starts favourite 2; "fav 5" is refused in words', async ({ page, app, fake }) => {
  const core = app.harness.core;
  for (const description of ['Logo sketches', 'Standup and planning']) {
    expect(core.addFavourite(core.snapshot().recent.find((entry) => entry.description === description)!.key).ok).toBe(true);
  }
  expect(core.startTimer({ description: 'Writing', projectId: null, taskId: null, tagIds: [], billable: false }).ok).toBe(true);
  await core.settled();
  await app.open(page, '/quick-entry');
  const line = page.getByRole('textbox', { name: 'Quick entry' });
  const preview = page.getByRole('region', { name: 'Preview' });
  fake.clearRequests();

  await line.fill('-20m');
  await expect(preview).toContainText('Moves the start of the running timer “Writing” to');
  const before = Date.now();
  await line.press('Enter');
  await expect(page.getByRole('status')).toHaveText('Moved the start of the running timer');
  await outboxIdle(page, app);
  expect(writes(fake)).toEqual(['PUT 200']);
  const writing = entriesOnServer(fake).find((entry) => entry.description === 'Writing')!;
  expect(writing.end).toBeNull();
  expect(Math.abs(Date.parse(writing.start) - (before - 20 * MINUTE))).toBeLessThan(MINUTE);

  await line.fill('fav 5');
  await line.press('Enter');
  await expect(page.getByRole('alert')).toHaveText('There is no favourite 5: you have 2 (fav 1–fav 2).');

  fake.clearRequests();
  await line.fill('fav 2');
  await expect(preview).toContainText('Starts favourite 2: Standup and planning — Website Relaunch (stops “Writing”)');
  await line.press('Enter');
  await expect(page.getByRole('status')).toHaveText('Started favourite 2');
  await outboxIdle(page, app);
  expect(writes(fake)).toEqual(['PATCH 200', 'POST 201']);
  expect(entriesOnServer(fake).filter((entry) => entry.end === null).map((entry) => entry.description)).toEqual(['Standup and planning']);
});
