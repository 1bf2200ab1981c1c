// A workspace with 10,000 projects: the picker keeps at most a screenful of rows in the DOM and finds
// a project by two words in reverse order, typed key by key. How fast each keystroke answers is a
// figure for `npm run bench`, not an assertion here.
import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { entriesOnServer } from '../support/popover';

test.use({ fakeOptions: { seed: { projects: 10_000 } } });
// Seeding and syncing 10,000 projects, then typing key by key, takes 15–30 s on a busy two-core
// machine: room to finish, not a measure of speed.
test.setTimeout(60_000);

/** Rows (options and client headers) the picker has in the document. */
const rowsInDom = (page: Page) => page.evaluate(() => document.querySelectorAll('[role="option"], .combo-header').length);

test('the 10,000-project picker is virtualised and searchable in any word order', async ({ page, app, fake }) => {
  await app.signIn();
  await app.open(page);
  await expect(page.getByRole('textbox', { name: 'Description' })).toBeFocused();
  await expect(page.getByRole('list', { name: 'Recent entries' }).getByRole('listitem').first()).toBeVisible();

  const project = page.getByRole('combobox', { name: 'Project' });
  await project.click();
  const list = page.getByRole('listbox', { name: 'Projects' });
  await expect(list.getByRole('option').first()).toBeVisible();
  expect(await rowsInDom(page)).toBeLessThanOrEqual(100);

  // Scrolled to the very end, the last project is there, and still few rows exist.
  const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
  const clientOf = new Map(fake.state.clients.map((client) => [client.id, client.name]));
  const active = fake.state.projects.filter((p) => !p.archived && p.workspaceId === app.harness.core.snapshot().workspaceId);
  const last = [...active].sort((a, b) => collator.compare(clientOf.get(a.clientId!) ?? '', clientOf.get(b.clientId!) ?? '') || collator.compare(a.name, b.name)).at(-1)!;
  await list.evaluate((element) => (element.scrollTop = element.scrollHeight));
  await expect(list.getByRole('option', { name: `${last.name}, ${clientOf.get(last.clientId!)}` })).toBeVisible();
  expect(await rowsInDom(page)).toBeLessThanOrEqual(100);

  // Two words of a project's name, in reverse order, typed key by key.
  const target = active[776]!;
  const query = target.name.split(' ').reverse().join(' ').toLowerCase();
  await project.fill('');
  await project.pressSequentially(query);
  await expect(list.getByRole('option').first()).toHaveAccessibleName(new RegExp(`^${target.name}`));
  expect(await rowsInDom(page)).toBeLessThanOrEqual(100);

  await project.press('Enter');
  await expect(project).toHaveValue(target.name);
  await page.getByRole('textbox', { name: 'Description' }).fill('Needle in a haystack');
  await page.getByRole('textbox', { name: 'Description' }).press('Enter');
  await expect(page.getByRole('timer')).toContainText(target.name);
  await expect.poll(() => entriesOnServer(fake).find((entry) => entry.end === null)?.projectId).toBe(target.id);
});
