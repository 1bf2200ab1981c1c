import { describe, expect, it } from 'vitest';
import type { AppSnapshot, EntryView } from '../../shared/domain';
import { FakeClock } from '../../e2e/support/fake-clock';
import { GoalWatcher } from './goal-watcher';
import type { Goals } from './tray-totals';

function entry(start: string, end: string | null): EntryView {
  return { key: start, serverId: null, workspaceId: 'w', description: 'Work', projectId: null, taskId: null, tagIds: [], billable: false, start, end, sync: 'synced', problem: null, type: 'REGULAR', customFields: [] };
}

function snapshot(recent: EntryView[], running: EntryView | null): AppSnapshot {
  return {
    account: { status: 'signed-in', userName: 'Lena', email: 'l@example.com', connection: { kind: 'clockify', server: 'global' }, keyStorage: 'keychain', keychainProblem: null },
    preferences: { timeZone: 'Etc/UTC', timeFormat: 'HOUR24', weekStart: 'MONDAY', dateOrder: 'month-first' },
    workspaces: [],
    workspaceId: 'w',
    timer: running ? { status: 'running', entry: running } : { status: 'idle' },
    recent,
    sync: { pending: 0, online: true, attention: [], lastError: null },
    catalogVersion: 1,
    idlePrompt: null, matonSetup: null, accounts: [],
  };
}

function setup(goals: Goals) {
  // Tuesday 10 March 2026, 12:00 UTC.
  const clock = new FakeClock(Date.parse('2026-03-10T12:00:00Z'));
  const shown: string[] = [];
  const current = { goals };
  const watcher = new GoalWatcher({ clock, goals: () => current.goals, show: (text) => shown.push(text) });
  return { clock, shown, watcher, current };
}

describe('goal watcher', () => {
  it('announces the daily goal once, when the running timer reaches it', async () => {
    const { clock, shown, watcher } = setup({ dailyMinutes: 240, weeklyMinutes: 0 });
    // 3 h done this morning, a timer running since 11:30: the goal is reached at 12:30.
    watcher.update(snapshot([entry('2026-03-10T07:00:00Z', '2026-03-10T10:00:00Z')], entry('2026-03-10T11:30:00Z', null)));
    expect(shown).toEqual([]);
    await clock.advance(29 * 60_000);
    expect(shown).toEqual([]);
    await clock.advance(60_000);
    expect(shown).toEqual(['Daily goal reached: 4:00 of work today.']);
    await clock.advance(3 * 3_600_000);
    expect(shown).toHaveLength(1);
  });

  it('announces a goal crossed by an entry added by hand, and the week’s too', () => {
    const { shown, watcher } = setup({ dailyMinutes: 120, weeklyMinutes: 300 });
    const monday = entry('2026-03-09T08:00:00Z', '2026-03-09T12:00:00Z');
    watcher.update(snapshot([monday], null));
    watcher.update(snapshot([monday, entry('2026-03-10T08:00:00Z', '2026-03-10T10:30:00Z')], null));
    expect(shown).toEqual(['Daily goal reached: 2:30 of work today.', 'Weekly goal reached: 6:30 of work this week.']);
  });

  it('does not announce a goal already met when the app starts or when the goal is set', () => {
    const { shown, watcher, current } = setup({ dailyMinutes: 60, weeklyMinutes: 0 });
    const done = snapshot([entry('2026-03-10T08:00:00Z', '2026-03-10T10:00:00Z')], null);
    watcher.update(done);
    current.goals = { dailyMinutes: 90, weeklyMinutes: 0 };
    watcher.update(done);
    expect(shown).toEqual([]);
  });

  it('says once a day when today’s work goes over the daily limit, and again the next day', async () => {
    const { clock, shown, watcher } = setup({ dailyMinutes: 0, weeklyMinutes: 0, dailyLimitMinutes: 480 });
    // 7 h 30 done, a timer running since 11:45: over the 8-hour limit at 12:15.
    const morning = [entry('2026-03-10T03:00:00Z', '2026-03-10T10:00:00Z'), entry('2026-03-10T10:30:00Z', '2026-03-10T11:00:00Z')];
    watcher.update(snapshot(morning, entry('2026-03-10T11:45:00Z', null)));
    await clock.advance(14 * 60_000);
    expect(shown).toEqual([]);
    await clock.advance(60_000);
    expect(shown).toEqual(['Over your daily limit: 8:00 of work today (limit 8:00). Time to stop?']);
    // Stopped, one entry deleted (under the limit again), then a new one crossing it: not said twice that day.
    const stopped = entry('2026-03-10T11:45:00Z', '2026-03-10T12:30:00Z');
    watcher.update(snapshot([morning[0]!, stopped], null));
    watcher.update(snapshot([morning[0]!, stopped, entry('2026-03-10T12:30:00Z', '2026-03-10T13:30:00Z')], null));
    expect(shown).toHaveLength(1);
    // The next day starts from nothing; going over again is said again.
    await clock.advance(24 * 3_600_000);
    watcher.update(snapshot([], null));
    watcher.update(snapshot([entry('2026-03-11T03:00:00Z', '2026-03-11T11:30:00Z')], null));
    expect(shown).toEqual(['Over your daily limit: 8:00 of work today (limit 8:00). Time to stop?', 'Over your daily limit: 8:30 of work today (limit 8:00). Time to stop?']);
  });

  it('no limit set: nothing is said however long the day', () => {
    const { shown, watcher } = setup({ dailyMinutes: 0, weeklyMinutes: 0 });
    watcher.update(snapshot([], null));
    watcher.update(snapshot([entry('2026-03-10T00:00:00Z', '2026-03-10T11:59:00Z')], null));
    expect(shown).toEqual([]);
  });

  it('signing in to an account that met its goal already says nothing', () => {
    const { shown, watcher } = setup({ dailyMinutes: 60, weeklyMinutes: 0, dailyLimitMinutes: 90 });
    watcher.update({ ...snapshot([], null), account: { status: 'signed-out', envKeyAvailable: null, keychainProblem: null } });
    watcher.update(snapshot([entry('2026-03-10T08:00:00Z', '2026-03-10T10:00:00Z')], null));
    expect(shown).toEqual([]);
  });

  it.each([
    ['the daily goal', { dailyMinutes: 60 }],
    ['the weekly goal', { weeklyMinutes: 60 }],
    ['the daily limit', { dailyLimitMinutes: 60 }],
  ])('%s lowered below the work done is not announced', (_name, lowered) => {
    const goals: Goals = { dailyMinutes: 180, weeklyMinutes: 600, dailyLimitMinutes: 300 };
    const { shown, watcher, current } = setup(goals);
    const done = snapshot([entry('2026-03-10T08:00:00Z', '2026-03-10T10:00:00Z')], null);
    watcher.update(done);
    current.goals = { ...goals, ...lowered };
    watcher.update(done);
    expect(shown).toEqual([]);
  });

  it('the daily goal, the daily limit and the weekly goal crossed the same day: each is said', async () => {
    const { clock, shown, watcher } = setup({ dailyMinutes: 240, weeklyMinutes: 600, dailyLimitMinutes: 300 });
    // Monday 4:30; today a timer running since 08:30: the goal at 12:30, the limit at 13:30, the week at 14:00.
    watcher.update(snapshot([entry('2026-03-09T08:00:00Z', '2026-03-09T12:30:00Z')], entry('2026-03-10T08:30:00Z', null)));
    await clock.advance(3 * 3_600_000);
    expect(shown).toEqual([
      'Daily goal reached: 4:00 of work today.',
      'Over your daily limit: 5:00 of work today (limit 5:00). Time to stop?',
      'Weekly goal reached: 10:00 of work this week.',
    ]);
  });

  it('once disposed, it says nothing more and does not wake', async () => {
    const { clock, shown, watcher } = setup({ dailyMinutes: 240, weeklyMinutes: 0 });
    watcher.update(snapshot([], entry('2026-03-10T11:00:00Z', null)));
    watcher.dispose();
    expect(clock.scheduled).toBe(0);
    await clock.advance(5 * 3_600_000);
    expect(shown).toEqual([]);
  });
});
