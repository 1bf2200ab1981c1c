import { describe, expect, it } from 'vitest';
import type { AppSnapshot, EntryView } from '../../shared/domain';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { FakeClock } from '../../e2e/support/fake-clock';
import { nextReminderAt, reminderContent, WorkReminder, type Reminder, type ReminderInput, type ReminderSettings } from './work-reminder';

const BERLIN = 'Europe/Berlin';
const MIN = 60_000;
// Mon–Fri 09:00–17:00, every 30 minutes.
const workdays: ReminderSettings = { ...DEFAULT_SETTINGS.reminder, enabled: true };
const t = (iso: string) => Date.parse(iso);
const next = (over: Partial<ReminderInput>) => nextReminderAt({ now: t('2026-03-10T10:00:00Z'), zone: BERLIN, reminder: workdays, lastShownAt: null, timerRunning: false, ...over });
const at = (value: number | null) => (value === null ? null : new Date(value).toISOString());

describe('nextReminderAt: when', () => {
  it('is now inside working hours when nothing was shown yet', () => {
    expect(at(next({ now: t('2026-03-10T10:00:00Z') }))).toBe('2026-03-10T10:00:00.000Z'); // Tue 11:00 in Berlin
  });

  it('waits for the start of working hours', () => {
    expect(at(next({ now: t('2026-03-10T06:00:00Z') }))).toBe('2026-03-10T08:00:00.000Z'); // 07:00 → 09:00 local
    expect(at(next({ now: t('2026-03-10T07:59:59Z') }))).toBe('2026-03-10T08:00:00.000Z');
    expect(at(next({ now: t('2026-03-10T08:00:00Z') }))).toBe('2026-03-10T08:00:00.000Z'); // exactly 09:00: inside
  });

  it('treats the end of working hours as outside: the next working day instead', () => {
    expect(at(next({ now: t('2026-03-10T15:59:00Z') }))).toBe('2026-03-10T15:59:00.000Z'); // 16:59 local
    expect(at(next({ now: t('2026-03-10T16:00:00Z') }))).toBe('2026-03-11T08:00:00.000Z'); // 17:00 local → Wed 09:00
  });

  it('repeats every N minutes after the last one, never past the end of the day', () => {
    expect(at(next({ lastShownAt: t('2026-03-10T10:00:00Z'), now: t('2026-03-10T10:05:00Z') }))).toBe('2026-03-10T10:30:00.000Z');
    expect(at(next({ lastShownAt: t('2026-03-10T15:40:00Z'), now: t('2026-03-10T15:41:00Z') }))).toBe('2026-03-11T08:00:00.000Z');
    expect(at(next({ reminder: { ...workdays, everyMinutes: 5 }, lastShownAt: t('2026-03-10T10:00:00Z'), now: t('2026-03-10T10:01:00Z') }))).toBe('2026-03-10T10:05:00.000Z');
  });

  it('leaves N minutes after the timer stopped before the first one', () => {
    expect(at(next({ notTrackingSince: t('2026-03-10T11:58:00Z'), now: t('2026-03-10T11:58:00Z') }))).toBe('2026-03-10T12:28:00.000Z');
  });

  it('skips days that are not working days: Friday evening → Monday morning', () => {
    expect(at(next({ now: t('2026-03-13T17:00:00Z') }))).toBe('2026-03-16T08:00:00.000Z'); // Fri 18:00 → Mon 09:00
    expect(at(next({ now: t('2026-03-14T09:00:00Z') }))).toBe('2026-03-16T08:00:00.000Z'); // Saturday
  });

  it('reads weekdays in the app zone, not UTC', () => {
    // Monday 00:30 in Auckland is still Sunday in UTC.
    const auckland = { ...workdays, from: '00:00', to: '02:00' };
    expect(at(next({ zone: 'Pacific/Auckland', reminder: auckland, now: t('2026-03-15T11:30:00Z') }))).toBe('2026-03-15T11:30:00.000Z');
    expect(next({ zone: 'Etc/UTC', reminder: auckland, now: t('2026-03-15T11:30:00Z') })).toBe(t('2026-03-16T00:00:00Z'));
  });

  it('works with a fixed-offset zone (CLOCKIFY_TZ_OFFSET)', () => {
    expect(at(next({ zone: 'Etc/GMT+3', now: t('2026-03-10T06:00:00Z') }))).toBe('2026-03-10T12:00:00.000Z'); // 09:00 at UTC-3
  });

  it('keeps 09:00 on the clock across the spring DST change', () => {
    const everyDay = { ...workdays, days: [0, 1, 2, 3, 4, 5, 6] };
    expect(at(next({ reminder: everyDay, now: t('2026-03-28T05:00:00Z') }))).toBe('2026-03-28T08:00:00.000Z'); // Sat, UTC+1
    expect(at(next({ reminder: everyDay, now: t('2026-03-29T05:00:00Z') }))).toBe('2026-03-29T07:00:00.000Z'); // Sun, UTC+2
  });

  it('keeps 09:00 on the clock across the autumn DST change', () => {
    const everyDay = { ...workdays, days: [0, 1, 2, 3, 4, 5, 6] };
    expect(at(next({ reminder: everyDay, now: t('2026-10-24T05:00:00Z') }))).toBe('2026-10-24T07:00:00.000Z'); // Sat, UTC+2
    expect(at(next({ reminder: everyDay, now: t('2026-10-25T05:00:00Z') }))).toBe('2026-10-25T08:00:00.000Z'); // Sun, UTC+1
  });

  it('counts real minutes through the hour that a DST change skips', () => {
    // Working hours 01:00–04:00 on the night the clocks go from 02:00 to 03:00: two real hours.
    const night = { ...workdays, days: [0], from: '01:00', to: '04:00' };
    expect(at(next({ reminder: night, now: t('2026-03-29T00:35:00Z'), lastShownAt: t('2026-03-29T00:30:00Z') }))).toBe('2026-03-29T01:00:00.000Z'); // 01:30 CET + 30 min = 03:00 CEST
    expect(at(next({ reminder: night, now: t('2026-03-29T01:35:00Z'), lastShownAt: t('2026-03-29T01:30:00Z') }))).toBe('2026-04-04T23:00:00.000Z'); // 04:00 CEST is the end → next Sunday 01:00 CEST
  });

  it('is never while a timer runs, when disabled, without days, or with unusable hours', () => {
    expect(next({ timerRunning: true })).toBeNull();
    expect(next({ reminder: { ...workdays, enabled: false } })).toBeNull();
    expect(next({ reminder: { ...workdays, days: [] } })).toBeNull();
    expect(next({ reminder: { ...workdays, from: '17:00', to: '09:00' } })).toBeNull();
    expect(next({ reminder: { ...workdays, from: '09:00', to: '09:00' } })).toBeNull();
    expect(next({ reminder: { ...workdays, from: '25:00' } })).toBeNull();
    expect(next({ reminder: { ...workdays, to: '12:60' } })).toBeNull();
  });

  it.each([
    ['a minute before the hour', '16:59', t('2026-03-10T15:58:00Z')],
    ['before the start, within its hour', '09:30', null],
    ['more than 24 hours', '24:30', null],
    ['past midnight', '25:00', null],
    ['seconds', '17:00:00', null],
    ['something before the time', 'T17:00', null],
    ['words', 'five', null],
  ])('the end of working hours as %s (%s)', (_name, to, expected) => {
    // From 09:40 on Tuesday (Berlin), at 16:58 local.
    expect(next({ reminder: { ...workdays, from: '09:40', to }, now: t('2026-03-10T15:58:00Z') })).toBe(expected);
  });

  it('a working day that starts and ends within the same hour, and one over two hours', () => {
    expect(at(next({ reminder: { ...workdays, from: '09:10', to: '09:50' }, now: t('2026-03-10T06:00:00Z') }))).toBe('2026-03-10T08:10:00.000Z');
    expect(at(next({ reminder: { ...workdays, from: '09:50', to: '10:10' }, now: t('2026-03-10T06:00:00Z') }))).toBe('2026-03-10T08:50:00.000Z');
  });

  it('accepts 24:00 as the end of the day', () => {
    const evening = { ...workdays, from: '20:00', to: '24:00' };
    expect(at(next({ reminder: evening, now: t('2026-03-10T22:59:00Z') }))).toBe('2026-03-10T22:59:00.000Z'); // 23:59 local
  });
});

const entry = (over: Partial<EntryView> = {}): EntryView => ({
  key: 'k1', serverId: 's1', workspaceId: 'w', description: 'Design review', projectId: 'p1', taskId: null, tagIds: [], billable: false,
  start: '2026-03-10T08:00:00Z', end: '2026-03-10T09:00:00Z', sync: 'synced', problem: null, type: 'REGULAR', customFields: [], ...over,
});
const projectName = (id: string | null) => (id === 'p1' ? 'Website' : '');

describe('reminderContent', () => {
  it('offers Start and Continue <the last entry>', () => {
    expect(reminderContent(entry(), projectName)).toEqual({
      title: 'No timer running',
      body: 'You are not tracking time.',
      actions: [
        { label: 'Start timer…', command: { kind: 'start' } },
        { label: 'Continue Design review — Website', command: { kind: 'continue', entryKey: 'k1' } },
      ],
    });
  });

  it('offers only Start when there is no recent entry, and shortens long labels', () => {
    expect(reminderContent(null, projectName).actions).toHaveLength(1);
    expect(reminderContent(entry({ description: 'x'.repeat(80), projectId: null }), projectName).actions[1]!.label).toBe(`Continue ${'x'.repeat(39)}…`);
    expect(reminderContent(entry({ description: 'x'.repeat(40), projectId: null }), projectName).actions[1]!.label).toBe(`Continue ${'x'.repeat(40)}`);
    expect(reminderContent(entry({ description: 'x'.repeat(41), projectId: null }), projectName).actions[1]!.label).toBe(`Continue ${'x'.repeat(39)}…`);
  });

  it('names an entry without a description as such', () => {
    expect(reminderContent(entry({ description: '' }), projectName).actions[1]!.label).toBe('Continue (no description) — Website');
  });
});

describe('WorkReminder', () => {
  function snapshot(running: boolean, over: Partial<AppSnapshot> = {}): AppSnapshot {
    return {
      account: { status: 'signed-in', userName: 'Lena', email: 'l@example.com', connection: { kind: 'clockify', server: 'global' }, keyStorage: 'keychain', keychainProblem: null },
      preferences: { timeZone: BERLIN, timeFormat: 'HOUR24', weekStart: 'MONDAY', dateOrder: 'month-first' },
      workspaces: [],
      workspaceId: 'w',
      timer: running ? { status: 'running', entry: entry({ key: 'run', end: null }) } : { status: 'idle' },
      recent: [entry()],
      sync: { pending: 0, online: true, attention: [], lastError: null },
      catalogVersion: 1,
    idlePrompt: null, matonSetup: null, accounts: [],
      ...over,
    };
  }

  function remind(settings: ReminderSettings = workdays, start = '2026-03-10T10:00:00Z') {
    const clock = new FakeClock(start);
    const shown: { at: string; reminder: Reminder }[] = [];
    const reminder = new WorkReminder({ clock, settings: () => settings, projectName, show: (r) => shown.push({ at: new Date(clock.now()).toISOString(), reminder: r }) });
    return { clock, shown, reminder };
  }

  it('reminds at once inside working hours, then every 30 minutes until a timer starts', async () => {
    const { clock, shown, reminder } = remind();
    reminder.update(snapshot(false));
    await clock.advance(65 * MIN);
    expect(shown.map((s) => s.at)).toEqual(['2026-03-10T10:00:00.000Z', '2026-03-10T10:30:00.000Z', '2026-03-10T11:00:00.000Z']);
    expect(shown[0]!.reminder.actions.map((a) => a.command)).toEqual([{ kind: 'start' }, { kind: 'continue', entryKey: 'k1' }]);
    reminder.update(snapshot(true));
    expect(clock.scheduled).toBe(0);
    await clock.advance(120 * MIN);
    expect(shown).toHaveLength(3);
  });

  it('waits N minutes after the timer stops', async () => {
    const { clock, shown, reminder } = remind();
    reminder.update(snapshot(true));
    await clock.advance(60 * MIN);
    reminder.update(snapshot(false)); // stopped at 11:00 UTC
    await clock.advance(29 * MIN);
    expect(shown).toEqual([]);
    await clock.advance(1 * MIN);
    expect(shown.map((s) => s.at)).toEqual(['2026-03-10T11:30:00.000Z']);
  });

  it('stays quiet after hours and comes back the next working morning, even across a long wait', async () => {
    const { clock, shown, reminder } = remind(workdays, '2026-03-13T16:30:00Z'); // Friday 17:30
    reminder.update(snapshot(false));
    await clock.advance(3 * 24 * 60 * MIN);
    expect(shown.map((s) => s.at)[0]).toBe('2026-03-16T08:00:00.000Z');
  });

  it('says nothing while signed out or when disabled', async () => {
    const signedOut = remind();
    signedOut.reminder.update(snapshot(false, { account: { status: 'signed-out', envKeyAvailable: null, keychainProblem: null } }));
    await signedOut.clock.advance(60 * MIN);
    expect(signedOut.shown).toEqual([]);
    const disabled = remind({ ...workdays, enabled: false });
    disabled.reminder.update(snapshot(false));
    await disabled.clock.advance(60 * MIN);
    expect(disabled.shown).toEqual([]);
    expect(disabled.clock.scheduled).toBe(0);
  });

  it('a snapshot that changes nothing about the timer does not put the next reminder off', async () => {
    const { clock, shown, reminder } = remind();
    reminder.update(snapshot(false));
    await clock.advance(10 * MIN);
    reminder.update(snapshot(false, { sync: { pending: 1, online: true, attention: [], lastError: null } }));
    await clock.advance(20 * MIN);
    expect(shown.map((s) => s.at)).toEqual(['2026-03-10T10:00:00.000Z', '2026-03-10T10:30:00.000Z']);
  });

  it('reminds every 5 minutes when set so, on the minute', async () => {
    const { clock, shown, reminder } = remind({ ...workdays, everyMinutes: 5 });
    reminder.update(snapshot(false));
    await clock.advance(12 * MIN);
    expect(shown.map((s) => s.at)).toEqual(['2026-03-10T10:00:00.000Z', '2026-03-10T10:05:00.000Z', '2026-03-10T10:10:00.000Z']);
  });

  it('turned on in the settings: reminds from then on', async () => {
    const settings = { ...workdays, enabled: false };
    const clock = new FakeClock('2026-03-10T10:00:00Z');
    const shown: number[] = [];
    const reminder = new WorkReminder({ clock, settings: () => settings, projectName, show: () => shown.push(clock.now()) });
    reminder.update(snapshot(false));
    await clock.advance(5 * MIN);
    settings.enabled = true;
    reminder.refresh();
    expect(shown).toEqual([t('2026-03-10T10:05:00Z')]);
    reminder.dispose();
  });
});
