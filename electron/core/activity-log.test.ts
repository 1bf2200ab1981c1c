import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EntryView } from '../../shared/domain';
import { FakeClock } from '../../e2e/support/fake-clock';
import { FakeDesk as Desk } from '../../e2e/support/fake-power';
import { ActivityLog, forgottenTimerQuestion } from './activity-log';

const at = (iso: string) => Date.parse(iso);
const hhmm = (ms: number) => new Date(ms).toISOString().slice(11, 16);
const running: EntryView = { key: 'e1', serverId: 's1', workspaceId: 'w', description: 'Report', projectId: null, taskId: null, tagIds: [], billable: false, start: '2026-03-10T09:00:00Z', end: null, sync: 'synced', problem: null, type: 'REGULAR', customFields: [] };

let dataDir: string;
let clock: FakeClock;
let desk: Desk;
let logs: ActivityLog[];
beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'activity-log-'));
  clock = new FakeClock(at('2026-03-10T09:00:00Z'));
  desk = new Desk(clock);
  logs = [];
});
afterEach(() => {
  for (const log of logs) log.dispose();
  rmSync(dataDir, { recursive: true, force: true });
});

const open = () => {
  const log = new ActivityLog({ dataDir, clock, source: desk });
  logs.push(log);
  return log;
};
const question = (log: ActivityLog, entry: EntryView = running) => forgottenTimerQuestion({ running: entry, activity: log.current, formatTime: hhmm });

/** Works (input every few minutes) until `until`. */
async function workUntil(until: number) {
  while (clock.now() < until) {
    desk.touch();
    await clock.advance(Math.min(5 * 60_000, until - clock.now()));
  }
  desk.touch();
}

describe('forgotten-timer rescue', () => {
  it('the night with the app running: asks once, in words, with the last use as the end', async () => {
    const log = open();
    await workUntil(at('2026-03-10T18:42:00Z'));
    await clock.advance(13 * 3_600_000); // nobody at the desk
    expect(question(log)).toBeNull(); // not yet back
    desk.touch();
    await clock.advance(60_000);
    expect(question(log)).toEqual({ entryKey: 'e1', stoppedAt: at('2026-03-10T18:42:00Z'), text: 'You stopped using the computer at 18:42 — end the entry then?' });
    log.markAsked(log.current.lastBreak!.from);
    expect(question(log)).toBeNull();
  });

  it('a short pause is no break', async () => {
    const log = open();
    await workUntil(at('2026-03-10T12:00:00Z'));
    await clock.advance(60 * 60_000);
    await workUntil(at('2026-03-10T14:00:00Z'));
    expect(question(log)).toBeNull();
  });

  it('asleep overnight, then the app restarted after a reboot: the durable times still answer, and it asks once', async () => {
    const first = open();
    await workUntil(at('2026-03-10T18:42:00Z'));
    await clock.advance(60_000);
    desk.emit('suspend');
    first.dispose();
    // The machine slept, then was rebooted in the morning: a new process, the same data directory.
    await clock.advance(14 * 3_600_000);
    desk.touch();
    const second = open();
    expect(second.atStart.awaySince).toBe(at('2026-03-10T18:43:00Z'));
    expect(question(second)).toMatchObject({ stoppedAt: at('2026-03-10T18:42:00Z'), text: 'You stopped using the computer at 18:42 — end the entry then?' });
    second.markAsked(second.current.lastBreak!.from);
    second.dispose();
    await clock.advance(10 * 60_000);
    const third = open();
    expect(question(third)).toBeNull();
  });

  it('a timer started elsewhere during the break is not questioned', async () => {
    const log = open();
    await workUntil(at('2026-03-10T18:42:00Z'));
    await clock.advance(13 * 3_600_000);
    desk.touch();
    await clock.advance(60_000);
    // Started on the phone at 07:00 the next morning, while the computer was unused.
    expect(question(log, { ...running, start: '2026-03-11T07:00:00Z' })).toBeNull();
    // One started on the web before the break is.
    expect(question(log, { ...running, key: 'web', start: '2026-03-10T16:00:00Z' })).toMatchObject({ entryKey: 'web', stoppedAt: at('2026-03-10T18:42:00Z') });
  });

  it('an unreadable record is set aside, never lost, and the log starts afresh', () => {
    writeFileSync(path.join(dataDir, 'activity.json'), '{ not json');
    const log = open();
    expect(log.atStart).toEqual({ lastActiveAt: null, awaySince: null, lastBreak: null, askedAbout: null });
    expect(readdirSync(dataDir).some((name) => name.startsWith('activity.json.corrupt-'))).toBe(true);
  });
});
