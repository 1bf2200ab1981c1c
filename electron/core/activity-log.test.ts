import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EntryView } from '../../shared/domain';
import { FakeClock } from '../../e2e/support/fake-clock';
import { FakeDesk as Desk, FakePowerSource } from '../../e2e/support/fake-power';
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

const open = (options: { source?: FakePowerSource; sampleEveryMs?: number } = {}) => {
  const log = new ActivityLog({ dataDir, clock, source: desk, ...options });
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

describe('the record on disk', () => {
  const file = () => path.join(dataDir, 'activity.json');
  const setAside = () => readdirSync(dataDir).filter((name) => name.startsWith('activity.json.corrupt-'));
  const valid = { lastActiveAt: at('2026-03-09T18:00:00Z'), awaySince: null, lastBreak: { from: at('2026-03-09T08:00:00Z'), to: at('2026-03-09T09:00:00Z') }, askedAbout: at('2026-03-09T08:00:00Z') };

  // 1e999 is how JSON spells a number too large to keep: it reads as Infinity.
  it.each([
    ['null', 'null'],
    ['a number', '5'],
    ['a list', '[]'],
    ['no lastActiveAt', JSON.stringify({ ...valid, lastActiveAt: undefined })],
    ['a lastActiveAt in words', JSON.stringify({ ...valid, lastActiveAt: '2026-03-09T18:00:00Z' })],
    ['an infinite lastActiveAt', JSON.stringify(valid).replace(/"lastActiveAt":\d+/, '"lastActiveAt":1e999')],
    ['an awaySince in words', JSON.stringify({ ...valid, awaySince: 'yesterday' })],
    ['an askedAbout in words', JSON.stringify({ ...valid, askedAbout: 'yes' })],
    ['a break that is a number', JSON.stringify({ ...valid, lastBreak: 5 })],
    ['a break without a start', JSON.stringify({ ...valid, lastBreak: { from: null, to: valid.lastBreak.to } })],
    ['a break without an end', JSON.stringify({ ...valid, lastBreak: { from: valid.lastBreak.from } })],
    ['a break ending in words', JSON.stringify({ ...valid, lastBreak: { from: valid.lastBreak.from, to: 'later' } })],
  ])('%s is set aside and the log starts afresh', (_name, text) => {
    writeFileSync(file(), text);
    const log = open();
    expect(log.atStart).toEqual({ lastActiveAt: null, awaySince: null, lastBreak: null, askedAbout: null });
    expect(setAside()).toHaveLength(1);
    expect(readFileSync(path.join(dataDir, setAside()[0]!), 'utf8')).toBe(text);
  });

  it.each([
    ['a whole record', valid, valid],
    ['one from before breaks and questions were kept', { lastActiveAt: valid.lastActiveAt, awaySince: valid.lastActiveAt }, { lastActiveAt: valid.lastActiveAt, awaySince: valid.lastActiveAt, lastBreak: null, askedAbout: null }],
  ])('%s is read as it was', (_name, written, read) => {
    writeFileSync(file(), JSON.stringify(written));
    const log = open();
    expect(log.atStart).toEqual(read);
    // Running now: whatever sleep the file recorded is over.
    expect(log.current.awaySince).toBeNull();
    expect(setAside()).toEqual([]);
  });
});

describe('what counts as use', () => {
  it.each([
    ['suspend', true],
    ['lock-screen', true],
    ['shutdown', true],
    ['resume', false],
    ['unlock-screen', false],
  ] as const)('%s: away from then = %s', async (kind, away) => {
    const log = open();
    await clock.advance(5 * 60_000);
    desk.emit('lock-screen');
    await clock.advance(60_000);
    desk.emit(kind);
    expect(log.current.awaySince).toBe(away ? clock.now() : null);
  });

  it('input at the lock screen is not use: the break runs from before the lock to the unlock', async () => {
    const log = open();
    await workUntil(at('2026-03-10T18:00:00Z'));
    desk.emit('lock-screen');
    await clock.advance(2 * 3_600_000);
    desk.touch(); // the cat on the keyboard, the screen still locked
    await clock.advance(12 * 3_600_000);
    desk.touch();
    desk.emit('unlock-screen');
    await clock.advance(60_000);
    expect(log.current.lastBreak).toEqual({ from: at('2026-03-10T18:00:00Z'), to: at('2026-03-11T08:00:00Z') });
    expect(question(log)?.text).toBe('You stopped using the computer at 18:00 — end the entry then?');
  });

  it('an idle time reaching back before the recorded use does not move the last use earlier', async () => {
    const source = new FakePowerSource();
    const log = open({ source });
    await clock.advance(10 * 60_000);
    expect(log.current.lastActiveAt).toBe(at('2026-03-10T09:10:00Z'));
    // The system counts idle time from an earlier moment than the app saw input (a remote session, a reset counter).
    source.idleSeconds = 3_600;
    source.emit('suspend');
    expect(log.current).toMatchObject({ lastActiveAt: at('2026-03-10T09:10:00Z'), awaySince: at('2026-03-10T09:10:00Z') });
  });

  it('exactly the quiet time without use is a break; a minute less is not', async () => {
    const log = open();
    await workUntil(at('2026-03-10T10:00:00Z'));
    await clock.advance(119 * 60_000);
    desk.touch();
    await clock.advance(60_000);
    expect(log.current.lastBreak).toBeNull();
    expect(log.current.lastActiveAt).toBe(at('2026-03-10T11:59:00Z'));
    await clock.advance(119 * 60_000);
    desk.touch();
    await clock.advance(60_000);
    expect(log.current.lastBreak).toEqual({ from: at('2026-03-10T11:59:00Z'), to: at('2026-03-10T13:59:00Z') });
  });

  it('a break that began the moment the timer started is not asked about: the timer ran through no unused time', async () => {
    const log = open();
    await clock.advance(3 * 3_600_000);
    desk.touch();
    await clock.advance(60_000);
    expect(log.current.lastBreak).toEqual({ from: at('2026-03-10T09:00:00Z'), to: at('2026-03-10T12:00:00Z') });
    expect(question(log, running)).toBeNull();
    expect(question(log, { ...running, start: '2026-03-10T08:59:59Z' })).toMatchObject({ stoppedAt: at('2026-03-10T09:00:00Z') });
  });
});

describe('changes', () => {
  it('during steady use the record (on disk and for listeners) changes once a minute, however often it is sampled', async () => {
    const log = open({ sampleEveryMs: 10_000 });
    let changes = 0;
    const stop = log.onChange(() => changes++);
    for (let i = 0; i < 60; i++) {
      desk.touch();
      await clock.advance(10_000);
    }
    // Input every 10 s for 10 minutes: recorded at 09:01, 09:02 … 09:09 (the last input, 09:09:50, is not a minute newer).
    expect(changes).toBe(9);
    expect(log.current.lastActiveAt).toBe(at('2026-03-10T09:09:00Z'));
    expect(JSON.parse(readFileSync(path.join(dataDir, 'activity.json'), 'utf8'))).toEqual(log.current);
    stop();
    desk.emit('suspend');
    expect(changes).toBe(9);
  });

  it('sampled once a minute by default: each minute of use is recorded', async () => {
    const log = open();
    for (let i = 0; i < 3; i++) {
      desk.touch();
      await clock.advance(60_000);
    }
    expect(log.current.lastActiveAt).toBe(at('2026-03-10T09:02:00Z'));
  });

  it('once disposed, it neither samples nor follows power events', async () => {
    const log = open();
    const before = log.current;
    log.dispose();
    logs.splice(logs.indexOf(log), 1);
    desk.touch();
    await clock.advance(5 * 60_000);
    desk.emit('suspend');
    expect(log.current).toBe(before);
    expect(clock.scheduled).toBe(0);
  });
});
