// Time away while a timer runs: one question in the popover, and each answer does what it says.
import { expect, test } from '../support/fixtures';
import { chooseProject, entriesOnServer, projectId } from '../support/popover';

const MINUTE = 60_000;
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

test.beforeEach(async ({ page, app }) => {
  await app.signIn();
  await app.open(page);
  await page.getByRole('textbox', { name: 'Description' }).fill('Writing the report');
  await page.getByRole('button', { name: 'Start' }).click();
  // "All saved" already shows before the click: the timer first, then its start saved.
  await expect(page.getByRole('timer')).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('All saved');
});

test('after a long sleep one question appears, and "Discard it" stops the timer when the sleep began', async ({ page, app, fake }) => {
  app.clock.advance(30 * MINUTE);
  const sleptAt = iso(app.clock.now());
  app.power.emit('suspend');
  app.clock.advance(45 * MINUTE);
  app.power.emit('resume');

  const dialog = page.getByRole('alertdialog', { name: 'Time away' });
  await expect(dialog).toContainText('The computer was asleep');
  await expect(dialog).toContainText('(45 min) while “Writing the report” was running');
  await expect(page.getByRole('alertdialog')).toHaveCount(1);
  await expect(dialog.getByRole('button', { name: 'Keep the time' })).toBeFocused();

  await dialog.getByRole('button', { name: /Discard it/ }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Start' })).toBeVisible();
  await expect.poll(() => entriesOnServer(fake).find((entry) => entry.description === 'Writing the report')?.end).toBe(sleptAt);
});

test('"Keep the time" changes nothing', async ({ page, app, fake }) => {
  app.power.emit('suspend');
  app.clock.advance(20 * MINUTE);
  app.power.emit('resume');
  await page.getByRole('alertdialog', { name: 'Time away' }).getByRole('button', { name: 'Keep the time' }).click();
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await expect(page.getByRole('timer')).toContainText('Writing the report');
  expect(fake.requests.filter((r) => r.method !== 'GET').map((r) => r.method)).toEqual(['POST']);
});

test('the away time given to another project: stopped when it began, the time added there, the timer resumed', async ({ page, app, fake }) => {
  app.clock.advance(10 * MINUTE);
  const leftAt = iso(app.clock.now());
  app.power.emit('suspend');
  app.clock.advance(50 * MINUTE);
  const backAt = iso(app.clock.now());
  app.power.emit('resume');

  const dialog = page.getByRole('alertdialog', { name: 'Time away' });
  await expect(dialog).toBeVisible();
  // Choosing the project takes a while: that time is work, and the resumed entry keeps it.
  app.clock.advance(4 * MINUTE);
  await dialog.getByRole('button', { name: 'Give it to another project…' }).click();
  await dialog.getByRole('textbox', { name: 'Description' }).fill('Client call');
  await chooseProject(page, 'internal tools', dialog);
  await dialog.getByRole('button', { name: 'Give and resume' }).click();
  await expect(dialog).toHaveCount(0);

  await expect.poll(() => entriesOnServer(fake).filter((e) => ['Writing the report', 'Client call'].includes(e.description)).length).toBe(3);
  const entries = entriesOnServer(fake);
  expect(entries.find((e) => e.description === 'Writing the report' && e.end !== null)).toMatchObject({ end: leftAt });
  expect(entries.find((e) => e.description === 'Client call')).toMatchObject({ start: leftAt, end: backAt, projectId: projectId(fake, 'Internal Tools') });
  expect(entries.find((e) => e.description === 'Writing the report' && e.end === null)).toMatchObject({ start: backAt });
  await expect(page.getByRole('timer')).toContainText('Writing the report');
});

test('"Discard and continue" resumes from the moment of return, not from the answer', async ({ page, app, fake }) => {
  app.clock.advance(10 * MINUTE);
  const leftAt = iso(app.clock.now());
  app.power.emit('suspend');
  app.clock.advance(30 * MINUTE);
  const backAt = iso(app.clock.now());
  app.power.emit('resume');
  const dialog = page.getByRole('alertdialog', { name: 'Time away' });
  await expect(dialog).toBeVisible();
  app.clock.advance(3 * MINUTE);
  await dialog.getByRole('button', { name: 'Discard and continue' }).click();
  await expect(dialog).toHaveCount(0);
  await expect.poll(() => entriesOnServer(fake).filter((e) => e.description === 'Writing the report').length).toBe(2);
  const entries = entriesOnServer(fake).filter((e) => e.description === 'Writing the report');
  expect(entries.find((e) => e.end !== null)).toMatchObject({ end: leftAt });
  expect(entries.find((e) => e.end === null)).toMatchObject({ start: backAt });
});
