// The quick-entry window at /quick-entry, used the way a person would: type one line, read the
// preview, press Enter. Times are read in the app's zone (Europe/Berlin here) while the browser runs
// in Los Angeles, so a renderer that used its own zone would send the wrong instants; what matters
// is checked on the fake server.
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { FakeClockify } from '../fake-clockify/server';
import { berlin, berlinDay, ZONE } from '../support/berlin';
import { expect, test } from '../support/fixtures';
import { countHideCalls, entriesOnServer, outboxIdle, projectId, workspaceId } from '../support/popover';

test.use({ timezoneId: 'America/Los_Angeles', viewport: { width: 560, height: 320 } });



const utcClock = (instant: string) => instant.slice(11, 16);

/** The POSTs that create time entries. */
function creates(fake: FakeClockify) {
  return fake.requests.filter((request) => request.method === 'POST' && request.path.endsWith('/time-entries'));
}

async function openQuickEntry(page: Page, app: { open(page: Page, pathname?: string): Promise<void> }): Promise<Locator> {
  await app.open(page, '/quick-entry');
  const field = page.getByRole('textbox', { name: 'Quick entry' });
  await expect(field).toBeFocused();
  return field;
}

const previewOf = (page: Page) => page.getByRole('region', { name: 'Preview' });
/** The preview's entry rows (the header row left out). */
const rowsOf = (page: Page) => previewOf(page).getByRole('table').locator('tbody').getByRole('row');

test.describe('signed in', () => {
  test.beforeEach(async ({ app }) => {
    await app.signIn();
    expect(app.harness.core.setTimeZone({ kind: 'zone', zone: ZONE }).ok).toBe(true);
  });

  test('the preview follows the typing; @project by words in any order, accents optional; Enter adds it', async ({ page, app, fake }) => {
    const field = await openQuickEntry(page, app);
    const preview = previewOf(page);
    const today = berlinDay(0);

    await field.pressSequentially('9:00-10:30');
    await expect(rowsOf(page)).toHaveCount(1);
    await expect(rowsOf(page).first()).toContainText('today');
    await expect(rowsOf(page).first()).toContainText('09:00 – 10:30');
    await expect(rowsOf(page).first()).toContainText(`${utcClock(berlin(today, 9))} – ${utcClock(berlin(today, 10, 30))}`);
    await expect(rowsOf(page).first()).toContainText('1:30');
    await expect(preview).toContainText('No description');
    await expect(preview).toContainText('No project');

    await field.pressSequentially(' Design review @relaunch website');
    await expect(preview).toContainText('Design review');
    await expect(preview).toContainText('Website Relaunch');
    await expect(preview).toContainText('Müller & Söhne GmbH');
    await expect(preview.getByText('Website Relaunch')).toHaveCSS('color', 'rgb(3, 169, 244)');
    // The project is billable, and nothing said otherwise.
    await expect(preview).toContainText('Billable (project default)');

    // Accents are optional; the other project, by its client's name.
    await field.fill('9:00-10:30 Design review @lumiere cafe #entwurfe');
    await expect(preview).toContainText('Café Rebrand');
    await expect(preview).toContainText('Café Lumière');
    await expect(preview).toContainText('Entwürfe');

    // Yesterday: an entry of today that has not ended yet would ask for a second Enter (quick-entry-times.spec).
    await field.fill('yesterday 9:00-10:30 Design review @website relaunch #entwurfe #review');
    await expect(preview).toContainText('Website Relaunch');
    await expect(preview.getByText('review', { exact: true })).toBeVisible();
    await expect(preview.getByText('Entwürfe', { exact: true })).toBeVisible();

    fake.clearRequests();
    await field.press('Enter');
    await expect(page.getByRole('status')).toHaveText('Added 1 entry');
    await expect(field).toHaveValue('');
    await expect(field).toBeFocused();
    await expect.poll(() => creates(fake).length).toBe(1);
    const tagIds = (names: string[]) => names.map((name) => fake.state.tags.find((tag) => tag.name === name)!.id);
    await expect
      .poll(() => entriesOnServer(fake).find((entry) => entry.description === 'Design review'))
      .toMatchObject({ start: berlin(berlinDay(-1), 9), end: berlin(berlinDay(-1), 10, 30), projectId: projectId(fake, 'Website Relaunch'), taskId: null, tagIds: tagIds(['Entwürfe', 'review']), billable: true });
  });

  test('several days at once: one entry per day with the same local times', async ({ page, app, fake }) => {
    const field = await openQuickEntry(page, app);
    const year = berlinDay(0).slice(0, 4);
    const days = [2, 3, 4, 5, 6].map((day) => `${year}-03-0${day}`);
    await field.fill('mar 2-6 09:00-17:00 Onsite');
    await expect(rowsOf(page)).toHaveCount(5);
    for (const [i, day] of days.entries()) {
      const row = rowsOf(page).nth(i);
      await expect(row).toContainText(`${Number(day.slice(8))} Mar`);
      await expect(row).toContainText('09:00 – 17:00');
      await expect(row).toContainText(`${utcClock(berlin(day, 9))} – ${utcClock(berlin(day, 17))}`);
      await expect(row).toContainText('8:00');
    }
    await expect(previewOf(page)).toContainText(`Year assumed ${year}`);
    await expect(previewOf(page)).toContainText('5 entries · 40:00');

    fake.clearRequests();
    await field.press('Enter');
    await expect(page.getByRole('status')).toHaveText('Added 5 entries');
    await expect(field).toHaveValue('');
    await expect.poll(() => creates(fake).length).toBe(5);
    await expect
      .poll(() =>
        entriesOnServer(fake)
          .filter((entry) => entry.description === 'Onsite')
          .map((entry) => [entry.start, entry.end, entry.billable])
          .sort(),
      )
      .toEqual(days.map((day) => [berlin(day, 9), berlin(day, 17), false]));
  });

  test('an end earlier than the start ends the next day, and the preview says so', async ({ page, app, fake }) => {
    const field = await openQuickEntry(page, app);
    const yesterday = berlinDay(-1);
    await field.fill('yesterday 22:30-01:15 Release night @internal tools');
    const row = rowsOf(page).first();
    await expect(row).toContainText('yesterday');
    await expect(row).toContainText('22:30 – 01:15next day');
    await expect(row.getByText('next day')).toBeVisible();
    await expect(row).toContainText('2:45');
    await expect(previewOf(page)).toContainText('Ends the next day at 01:15');
    await expect(previewOf(page)).toContainText('Not billable');

    await field.press('Enter');
    await expect(page.getByRole('status')).toHaveText('Added 1 entry');
    await expect
      .poll(() => entriesOnServer(fake).find((entry) => entry.description === 'Release night'))
      .toMatchObject({ start: berlin(yesterday, 22, 30), end: berlin(berlinDay(0), 1, 15), projectId: projectId(fake, 'Internal Tools'), billable: false });
  });

  test('a duration alone is an entry ending now', async ({ page, app, fake }) => {
    const field = await openQuickEntry(page, app);
    await field.fill('1h30m Emails');
    const row = rowsOf(page).first();
    await expect(row).toContainText('1:30');
    const clock = (ms: number) => new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: ZONE }).format(ms);
    // The end shown is now, in Berlin (either side of a minute boundary).
    await expect(row).toContainText(new RegExp(`– (${clock(Date.now() - 60_000)}|${clock(Date.now())}|${clock(Date.now() + 60_000)})`));

    const before = Math.floor(Date.now() / 1000) * 1000;
    await field.press('Enter');
    await expect(page.getByRole('status')).toHaveText('Added 1 entry');
    const after = Date.now();
    await expect.poll(() => entriesOnServer(fake).find((entry) => entry.description === 'Emails')).toBeTruthy();
    const entry = entriesOnServer(fake).find((candidate) => candidate.description === 'Emails')!;
    const end = Date.parse(entry.end!);
    expect(end).toBeGreaterThanOrEqual(before);
    expect(end).toBeLessThanOrEqual(after);
    expect(end - Date.parse(entry.start)).toBe(90 * 60_000);
  });

  test('an ambiguous @project is an alert listing the candidates, and nothing is sent', async ({ page, app, fake }) => {
    const field = await openQuickEntry(page, app);
    fake.clearRequests();
    await field.fill('9-10 Planning @re');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('@re matches 2 projects');
    await expect(alert.getByRole('list', { name: 'Candidates' }).getByRole('listitem')).toHaveText(['Café Rebrand (Café Lumière)', 'Website Relaunch (Müller & Söhne GmbH)']);
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await field.press('Enter');
    await expect(alert).toContainText('@re matches 2 projects');
    await expect(field).toHaveValue('9-10 Planning @re');
    await outboxIdle(page, app);
    expect(fake.requests.filter((request) => request.method === 'POST')).toEqual([]);

    // One more word picks one.
    await field.pressSequentially('launch');
    await expect(alert).toHaveCount(0);
    await expect(previewOf(page)).toContainText('Website Relaunch');
  });

  test('a half-typed line is not called an error on every keystroke; after a pause or on Enter it is', async ({ page, app, fake }) => {
    const field = await openQuickEntry(page, app);
    // Record any alert that shows up while typing.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { alertsSeen: string[] }).alertsSeen = seen;
      new MutationObserver(() => {
        document.querySelectorAll('[role="alert"]').forEach((alert) => seen.push(alert.textContent ?? ''));
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await field.pressSequentially('9:00-10:30 Review @', { delay: 60 });
    expect(await page.evaluate(() => (window as unknown as { alertsSeen: string[] }).alertsSeen)).toEqual([]);
    // Meanwhile the parser's words are there, quietly.
    await expect(previewOf(page)).toContainText('Write a project after @');
    // A pause turns it into an error.
    await expect(page.getByRole('alert')).toContainText('Write a project after @');
    await expect(field).toHaveAttribute('aria-invalid', 'true');

    // Enter right away on a line that does not read: the alert at once, nothing sent.
    await field.fill('');
    await expect(page.getByRole('alert')).toHaveCount(0);
    fake.clearRequests();
    await field.fill('9:00-');
    await field.press('Enter');
    await expect(page.getByRole('alert')).toContainText('9:00 needs an end', { timeout: 600 });
    await outboxIdle(page, app);
    expect(creates(fake)).toEqual([]);
  });

  test('the workspace requires a project: refused before sending, accepted with one', async ({ page, app, fake }) => {
    const acme = workspaceId(fake, 'Acme Corp (project required)');
    expect((await app.harness.core.selectWorkspace(acme)).ok).toBe(true);
    const field = await openQuickEntry(page, app);
    await expect(previewOf(page)).toContainText('Enter adds to Acme Corp (project required)');
    fake.clearRequests();
    await field.fill('yesterday 9-10 Escalation');
    await field.press('Enter');
    await expect(page.getByRole('alert')).toContainText('Acme Corp (project required) requires a project on every entry');
    await outboxIdle(page, app);
    expect(creates(fake)).toEqual([]);

    await field.pressSequentially(' @support');
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(previewOf(page)).toContainText('Acme Support');
    await expect(previewOf(page)).toContainText('Billable (project default)');
    await field.press('Enter');
    await expect(page.getByRole('status')).toHaveText('Added 1 entry');
    const yesterday = berlinDay(-1);
    await expect
      .poll(() => entriesOnServer(fake).find((entry) => entry.description === 'Escalation'))
      .toMatchObject({ workspaceId: acme, projectId: projectId(fake, 'Acme Support'), billable: true, start: berlin(yesterday, 9), end: berlin(yesterday, 10) });
  });

  test('$ makes an entry billable on a project that is not', async ({ page, app, fake }) => {
    const field = await openQuickEntry(page, app);
    await field.fill('2025-03-10 14:00-15:00 Paid support @internal $');
    await expect(rowsOf(page).first()).toContainText('Mon 10 Mar 2025');
    // 10 March 2025 in Berlin is still winter time: UTC+1.
    await expect(rowsOf(page).first()).toContainText('13:00 – 14:00');
    await expect(previewOf(page).getByText('Billable', { exact: true })).toBeVisible();
    await field.press('Enter');
    await expect
      .poll(() => entriesOnServer(fake).find((entry) => entry.description === 'Paid support'))
      .toMatchObject({ start: '2025-03-10T13:00:00Z', end: '2025-03-10T14:00:00Z', projectId: projectId(fake, 'Internal Tools'), billable: true });
  });

  test('Esc hides the window', async ({ page, app }) => {
    const hides = countHideCalls(page);
    const field = await openQuickEntry(page, app);
    await field.fill('9-10 Something');
    await field.press('Escape');
    await expect.poll(hides).toBe(1);
  });

  test.describe('with the 12-hour clock', () => {
    test.beforeEach(async ({ fake, app }) => {
      for (const user of fake.state.users) user.settings.timeFormat = 'HOUR12';
      await app.signIn();
    });

    test('shows the times as AM/PM', async ({ page, app, fake }) => {
      const field = await openQuickEntry(page, app);
      await field.fill('2025-06-02 9am-1:30pm Workshop');
      await expect(rowsOf(page).first()).toContainText('9:00 AM – 1:30 PM');
      await expect(rowsOf(page).first()).toContainText('7:00 AM – 11:30 AM');
      await field.press('Enter');
      await expect
        .poll(() => entriesOnServer(fake).find((entry) => entry.description === 'Workshop'))
        .toMatchObject({ start: '2025-06-02T07:00:00Z', end: '2025-06-02T11:30:00Z' });

      // The widest row there is: 12-hour times, the next day, a UTC day of its own.
      await field.fill('2025-12-31 10:30pm-12:45am Year-end deploy with a long description @relaunch #meeting #review #deep $');
      await expect(rowsOf(page).first()).toContainText('10:30 PM – 12:45 AMnext day');
      await page.screenshot({ path: test.info().outputPath('quick-entry-12h.png') });
      await expect.poll(() => page.evaluate(() => document.querySelector('.preview')!.scrollWidth <= document.querySelector('.preview')!.clientWidth)).toBe(true);
    });
  });
});

test('signed out, it says so and points to the popover', async ({ page, app }) => {
  await app.open(page, '/quick-entry');
  await expect(page.getByRole('heading', { name: 'You are signed out' })).toBeVisible();
  await expect(page.getByText('Open the Clockify Tray popover')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Quick entry' })).toHaveCount(0);
});

// Screenshots for the README: written to docs/screenshots/ only with UPDATE_SCREENSHOTS=1, else to
// the test's output folder, so a test run never changes tracked files.
const out = (name: string) => (process.env.UPDATE_SCREENSHOTS ? path.resolve(import.meta.dirname, '../../docs/screenshots', `${name}.png`) : test.info().outputPath(`${name}.png`));

for (const scheme of ['light', 'dark'] as const) {
  test(`screenshots (${scheme})`, async ({ page, app }) => {
    await app.signIn();
    expect(app.harness.core.setTimeZone({ kind: 'zone', zone: ZONE }).ok).toBe(true);
    await page.emulateMedia({ colorScheme: scheme });
    const field = await openQuickEntry(page, app);
    await settle(page);
    await page.screenshot({ path: test.info().outputPath(`quick-entry-empty-${scheme}.png`) });

    await field.fill('mar 2-6 9-17 Onsite workshop @relaunch #meeting $');
    await expect(rowsOf(page)).toHaveCount(5);
    await settle(page);
    await page.screenshot({ path: out(`quick-entry-${scheme}`) });

    await field.fill('yesterday 22:30-1:15 Release night @internal');
    await expect(rowsOf(page)).toHaveCount(1);
    await settle(page);
    await page.screenshot({ path: test.info().outputPath(`quick-entry-next-day-${scheme}.png`) });

    await field.fill('');
    await field.pressSequentially('9:00-10:30 Design review @relaunch #');
    await page.waitForTimeout(300);
    await page.screenshot({ path: test.info().outputPath(`quick-entry-typing-${scheme}.png`) });

    await field.fill('9-10 Planning @re');
    await expect(page.getByRole('alert')).toBeVisible();
    await settle(page);
    await page.screenshot({ path: test.info().outputPath(`quick-entry-error-${scheme}.png`) });

    await field.fill('yesterday 9-10 Planning @relaunch');
    await field.press('Enter');
    await expect(page.getByRole('status')).toHaveText('Added 1 entry');
    await settle(page);
    await page.screenshot({ path: test.info().outputPath(`quick-entry-added-${scheme}.png`) });
  });
}

/** Fonts and layout done. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(150);
}
