// Screenshots of favourites and the focus mode for the README, in light and dark (see
// screenshots.spec.ts for where they go): three favourites being arranged while a focus round runs,
// and work time up with its choices.
import { expect, test } from '../support/fixtures';
import { screenshotPath as out, settle } from '../support/screenshots';

test.use({ viewport: { width: 380, height: 640 } });

for (const scheme of ['light', 'dark'] as const) {
  test(`favourites and focus mode (${scheme})`, async ({ page, app }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await app.signIn();
    const core = app.harness.core;
    for (const description of ['Logo sketches', 'Standup and planning', 'API pagination']) {
      expect(core.addFavourite(core.snapshot().recent.find((entry) => entry.description === description)!.key).ok).toBe(true);
    }
    expect(core.setFavouriteShortcut(core.snapshot().favourites![0]!.id, 'CommandOrControl+Alt+1').ok).toBe(true);
    expect(core.updateSettings({ pomodoro: { ...core.settingsView().pomodoro, enabled: true } }).ok).toBe(true);
    await app.open(page);
    await page.getByRole('button', { name: /^Favourite 1: Logo sketches/ }).click();
    await expect(page.getByRole('timer')).toContainText('Logo sketches');
    await page.mouse.move(0, 0);
    await settle(page);
    await page.screenshot({ path: out('favourites', scheme) });

    await page.getByRole('button', { name: 'Arrange favourites' }).click();
    await page.getByRole('group', { name: 'Arrange favourite 1' }).getByRole('button', { name: 'Move up' }).focus();
    await settle(page);
    await page.screenshot({ path: out('favourites-arrange', scheme) });
    await page.getByRole('button', { name: 'Arrange favourites' }).click();

    app.clock.advance(25 * 60_000);
    core.resumed();
    const focus = page.getByRole('region', { name: 'Focus mode' });
    await expect(focus.getByRole('button', { name: 'Take a break' })).toBeVisible();
    await page.getByRole('button', { name: 'Dismiss' }).first().click({ timeout: 1000 }).catch(() => undefined);
    await page.mouse.move(0, 0);
    await settle(page);
    await page.screenshot({ path: out('focus-work-over', scheme) });
  });
}
