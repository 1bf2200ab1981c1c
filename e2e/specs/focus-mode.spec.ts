// The focus mode (pomodoro) as a user meets it: turned on in Settings, a countdown above the timer,
// work time up said while the timer keeps running, a break chosen with the keyboard (no entry made),
// back to work continuing the same entry, and Pause focus for a meeting in one click.
import { expect, test } from '../support/fixtures';
import { entriesOnServer, outboxIdle } from '../support/popover';

const MINUTE = 60_000;

test.beforeEach(async ({ app }) => {
  await app.signIn();
});

test('turned on in Settings; work time up is said and the timer keeps running; a break from the keyboard; back to work', async ({ page, app, fake }) => {
  await app.open(page);
  await page.getByRole('button', { name: 'Account' }).click();
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('checkbox', { name: /Focus mode/ }).check();
  await page.getByRole('spinbutton', { name: 'Work (minutes)' }).fill('0');
  await page.getByRole('spinbutton', { name: 'Work (minutes)' }).blur();
  await expect(page.getByRole('alert')).toHaveText('Work (minutes): enter a whole number from 1 to 240; “0” was not saved.');
  expect(app.harness.core.settingsView().pomodoro.workMinutes).toBe(25);
  await page.getByRole('spinbutton', { name: 'Work (minutes)' }).fill('30');
  await page.getByRole('spinbutton', { name: 'Work (minutes)' }).blur();
  await expect.poll(() => app.harness.core.settingsView().pomodoro).toMatchObject({ enabled: true, workMinutes: 30 });
  await page.keyboard.press('Escape');

  const focus = page.getByRole('region', { name: 'Focus mode' });
  await expect(focus).toContainText('the next timer starts round 1 of 4');
  await page.getByRole('textbox', { name: 'Description' }).fill('Write the report');
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(focus).toContainText(/Focus (30:00|29:5\d) left · round 1 of 4/);

  // Thirty minutes later (the computer woke up, say): said, and the timer still runs.
  app.clock.advance(30 * MINUTE);
  app.harness.core.resumed();
  await expect(focus).toContainText('Work time is up');
  await expect(page.getByText(/Focus time is up \(round 1 of 4\): take a 5-minute break/).first()).toBeVisible();
  await expect(page.getByRole('timer')).toContainText('Write the report');

  await focus.getByRole('button', { name: 'Take a break' }).press('Enter');
  await expect(page.getByRole('button', { name: 'Start' })).toBeVisible();
  // Any length: the popover counts from the browser's clock, which the spec's shifted app clock is ahead of.
  await expect(focus).toContainText(/Break \d+:\d\d left/);
  await outboxIdle(page, app);
  expect(entriesOnServer(fake).filter((entry) => entry.end === null)).toEqual([]);

  await focus.getByRole('button', { name: 'Back to work' }).press('Enter');
  await expect(page.getByRole('timer')).toContainText('Write the report');
  await expect(focus).toContainText('round 2 of 4');
});

test('Pause focus for a meeting in one click: no countdown until that timer stops', async ({ page, app }) => {
  const settings = app.harness.core.settingsView();
  expect(app.harness.core.updateSettings({ pomodoro: { ...settings.pomodoro, enabled: true } }).ok).toBe(true);
  await app.open(page);
  await page.getByRole('textbox', { name: 'Description' }).fill('Client meeting');
  await page.getByRole('button', { name: 'Start' }).click();
  const focus = page.getByRole('region', { name: 'Focus mode' });
  await focus.getByRole('button', { name: 'Pause focus (meeting)' }).click();
  await expect(focus).toContainText('Focus paused for this timer');
  app.clock.advance(40 * 60_000);
  app.harness.core.resumed();
  await expect(focus).toContainText('Focus paused for this timer');
  await expect(page.getByRole('timer')).toContainText('Client meeting');
  await focus.getByRole('button', { name: 'Resume focus' }).click();
  await expect(focus).toContainText(/Focus \d+:\d\d left/);
});
