import { expect, test } from '../support/fixtures';

test('starts and stops a timer through the harness against the fake server', async ({ page, app, fake }) => {
  await app.signIn();
  await app.open(page);
  await page.getByRole('textbox', { name: 'Description' }).fill('Writing the harness test');
  fake.clearRequests();
  await page.getByRole('button', { name: 'Start' }).click();
  const timer = page.getByRole('timer');
  await expect(timer).toContainText('Writing the harness test');
  await expect.poll(() => fake.state.timeEntries.filter((e) => e.end === null).map((e) => e.description)).toEqual(['Writing the harness test']);

  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.getByRole('button', { name: 'Start' })).toBeVisible();
  await expect.poll(() => fake.state.timeEntries.filter((e) => e.end === null)).toEqual([]);
  const writes = fake.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.status}`);
  expect(writes).toEqual(['POST 201', 'PATCH 200']);
});
