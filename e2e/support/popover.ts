// Small helpers for the popover specs: finding things the way a user would, and reading what the
// fake Clockify server ended up with.
import type { Page } from '@playwright/test';
import { expect } from './fixtures';
import type { FakeClockify } from '../fake-clockify/server';
import type { AppFixture } from './fixtures';

export function projectId(fake: FakeClockify, name: string): string {
  const project = fake.state.projects.find((candidate) => candidate.name === name);
  if (!project) throw new Error(`No project ${name} on the fake server`);
  return project.id;
}

export function workspaceId(fake: FakeClockify, name: string): string {
  const workspace = fake.state.workspaces.find((candidate) => candidate.name === name);
  if (!workspace) throw new Error(`No workspace ${name} on the fake server`);
  return workspace.id;
}

/** The owner's entries on the fake server, newest start first. */
export function entriesOnServer(fake: FakeClockify) {
  const owner = fake.state.users.find((user) => user.email === 'lena.fischer@example.com')!;
  return fake.state.timeEntries.filter((entry) => entry.userId === owner.id).sort((a, b) => b.start.localeCompare(a.start));
}

export function writes(fake: FakeClockify): string[] {
  return fake.requests.filter((request) => request.method !== 'GET').map((request) => `${request.method} ${request.status}`);
}

/** Opens the project picker, types a query and takes the first match with Enter. */
export async function chooseProject(page: Page, query: string, scope: Page | ReturnType<Page['locator']> = page): Promise<void> {
  const combobox = scope.getByRole('combobox', { name: 'Project' });
  await combobox.click();
  await combobox.fill(query);
  await expect(page.getByRole('listbox', { name: 'Projects' }).getByRole('option').first()).toBeVisible();
  await combobox.press('Enter');
}

/** Counts the window:hide calls the popover makes through the bridge. */
export function countHideCalls(page: Page): () => number {
  let calls = 0;
  page.on('request', (request) => {
    if (request.url().endsWith('/__bridge/invoke/window:hide')) calls++;
  });
  return () => calls;
}

/**
 * Waits for the outbox to be idle after a bridge round trip from the page (issued after any call the
 * user's action made), so a check that nothing was sent rests on the outbox's state, not on a sleep.
 */
export async function outboxIdle(page: Page, app: AppFixture): Promise<void> {
  await page.evaluate(() => (window as unknown as { clockify: { getSnapshot(): Promise<unknown> } }).clockify.getSnapshot());
  await app.harness.core.settled();
}

/** Types a description, presses Start, and waits until the timer runs and Clockify has it. */
export async function startTimer(page: Page, description: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Description' }).fill(description);
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByRole('timer')).toContainText(description);
  await expect(page.getByRole('status')).toHaveText('All saved');
}
