// The forgotten-timer rescue in the popover: the app quit with a timer running, the night passed,
// the app started again on the same data directory; one question in the shared time-away sheet.
import { expect, test, type AppFixture } from '../support/fixtures';
import { entriesOnServer } from '../support/popover';
import type { Page } from '@playwright/test';

const MINUTE = 60_000;
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const hhmm = (ms: number) => new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(ms));

/** Starts a timer, works a while, locks the screen, quits; the next morning the app starts again. Returns when the computer was last used. */
async function forgetTheTimer(page: Page, app: AppFixture): Promise<number> {
  await app.signIn();
  await app.open(page);
  await page.getByRole('textbox', { name: 'Description' }).fill('Writing the report');
  await page.getByRole('button', { name: 'Start' }).click();
  // "All saved" already shows before the click: the timer first, then its start saved.
  await expect(page.getByRole('timer')).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('All saved');
  app.clock.advance(40 * MINUTE);
  const leftAt = app.clock.now();
  app.power.emit('lock-screen');
  app.clock.advance(14 * 60 * MINUTE);
  await app.restart();
  await app.signIn(); // the key was kept in memory (--secrets memory): the user connects again
  await app.open(page);
  return leftAt;
}

test('after a restart the morning after, one question; "End then" ends the entry when the computer was last used', async ({ page, app, fake }) => {
  const leftAt = await forgetTheTimer(page, app);
  const dialog = page.getByRole('alertdialog', { name: 'Time away' });
  await expect(dialog).toContainText(`You stopped using the computer at ${hhmm(leftAt)}`);
  await expect(dialog).toContainText('end the entry then?');
  await expect(page.getByRole('alertdialog')).toHaveCount(1);
  await expect(dialog.getByRole('button', { name: /End then/ })).toBeFocused();
  await dialog.getByRole('button', { name: /End then/ }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Start' })).toBeVisible();
  await expect.poll(() => entriesOnServer(fake).find((entry) => entry.description === 'Writing the report')?.end).toBe(iso(leftAt));
  // Asked once: another restart asks nothing.
  await app.restart();
  await app.signIn();
  await app.open(page);
  await expect(page.getByRole('button', { name: 'Start' })).toBeVisible();
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
});

test('"End at another time": a time that is not one is refused in words, then the entry ends at the time given', async ({ page, app, fake }) => {
  const leftAt = await forgetTheTimer(page, app);
  const dialog = page.getByRole('alertdialog', { name: 'Time away' });
  await dialog.getByRole('button', { name: 'End at another time…' }).click();
  const end = dialog.getByRole('textbox', { name: 'End' });
  await expect(end).toHaveValue(hhmm(leftAt));
  await end.fill('half past');
  await dialog.getByRole('button', { name: 'End there' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Enter an end time such as 17:30 ("half past" is not one); nothing was changed.');
  const chosen = leftAt - 10 * MINUTE;
  await end.fill(hhmm(chosen));
  await end.press('Enter');
  await expect(dialog).toHaveCount(0);
  const minute = Math.floor(chosen / MINUTE) * MINUTE;
  await expect.poll(() => entriesOnServer(fake).find((entry) => entry.description === 'Writing the report')?.end).toBe(iso(minute));
});

test('"Keep all" keeps the timer running and sends nothing', async ({ page, app, fake }) => {
  await forgetTheTimer(page, app);
  fake.clearRequests();
  await page.getByRole('alertdialog', { name: 'Time away' }).getByRole('button', { name: 'Keep all' }).click();
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await expect(page.getByRole('timer')).toContainText('Writing the report');
  expect(fake.requests.filter((r) => r.method !== 'GET')).toEqual([]);
});
