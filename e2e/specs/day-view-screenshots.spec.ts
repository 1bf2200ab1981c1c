// Screenshots of the day view for the README, in light and dark (see screenshots.spec.ts for where
// they go): Monday 31 March 2025, 15:00 in Berlin, a timer running, goals set, and the gap form.
import { expect, test } from '../support/fixtures';
import { pinnedClock } from '../support/pinned-clock';
import { screenshotPath as out, settle } from '../support/screenshots';

const clock = pinnedClock('2025-03-31T13:00:00Z');

test.use({ viewport: { width: 380, height: 600 }, fakeOptions: { seed: 'small', now: clock.fakeNow, timeZone: 'Europe/Berlin' } });

for (const scheme of ['light', 'dark'] as const) {
  test(`day view (${scheme})`, async ({ page, app }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await clock.pin(app, page);
    await app.signIn();
    expect(app.harness.core.setTimeZone({ kind: 'zone', zone: 'Europe/Berlin' }).ok).toBe(true);
    expect(app.harness.core.updateSettings({ goals: { dailyMinutes: 7 * 60, weeklyMinutes: 35 * 60 } }).ok).toBe(true);
    await app.open(page);
    await page.getByRole('textbox', { name: 'Description' }).fill('Quarterly report');
    await page.getByRole('button', { name: 'Start' }).click();
    await expect(page.getByRole('timer')).toBeVisible();
    app.clock.advance(40 * 60_000);
    await page.getByRole('button', { name: 'Day view' }).click();
    await expect(page.getByRole('list', { name: /^Timeline/ }).getByRole('button', { name: /^Quarterly report/ })).toBeVisible();
    await page.mouse.move(0, 0);
    await settle(page);
    await page.screenshot({ path: out('day-view', scheme) });
    await page.getByRole('list', { name: /^Timeline/ }).getByRole('button', { name: /^Untracked 14:15/ }).click();
    await expect(page.getByRole('dialog', { name: 'Fill gap' })).toBeVisible();
    await page.mouse.move(0, 0);
    await settle(page);
    await page.screenshot({ path: out('fill-gap', scheme) });
  });
}
