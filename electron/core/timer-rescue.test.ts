// The forgotten-timer rescue through the real core: the durable activity log, a fake clock and a
// fake power source, the fake Clockify over HTTP; across a restart of the core on the same data
// directory, and sharing the one time-away prompt with the idle watcher.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EntryDraft, EntryView, IdlePrompt } from '../../shared/domain';
import { startFakeClockify, type FakeClockify } from '../../e2e/fake-clockify/server';
import { openCore, signedIn, type CoreUnderTest } from '../../e2e/support/core-fixture';
import { FakeClock } from '../../e2e/support/fake-clock';
import { FakeDesk as Desk } from '../../e2e/support/fake-power';
import { ActivityLog, type ActivityEvidence, type ActivityRecord } from './activity-log';
import { TimerRescue } from './timer-rescue';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const draft: EntryDraft = { description: 'Writing the report', projectId: null, taskId: null, tagIds: [], billable: false };

let fake: FakeClockify;
let clock: FakeClock;
let desk: Desk;
const open: { core: CoreUnderTest; log: ActivityLog }[] = [];

beforeEach(async () => {
  fake = await startFakeClockify({ seed: 'small' });
  // Whole minutes, so that the times the server keeps (seconds) compare exactly.
  clock = new FakeClock(Math.floor(Date.now() / MINUTE) * MINUTE - 20 * HOUR);
  desk = new Desk(clock);
});
afterEach(async () => {
  for (const { core, log } of open.splice(0)) {
    core.core.close();
    log.dispose();
  }
  await fake.close();
});

/** The app starting: the activity log on the data directory, then the core with it (signed in the first time). */
async function start(previous?: CoreUnderTest): Promise<CoreUnderTest> {
  const dataDir = previous?.dataDir ?? mkdtempSync(path.join(tmpdir(), 'rescue-'));
  const log = new ActivityLog({ dataDir, clock, source: desk });
  const options = { dataDir, clock, power: desk, activity: log };
  const core = previous ? await openCore(fake, { ...options, secrets: previous.secrets }) : await signedIn(fake, options);
  open.push({ core, log });
  await core.settled();
  return core;
}

/** The app quitting (or the computer shutting down). */
function quit(under: CoreUnderTest): void {
  const index = open.findIndex((item) => item.core === under);
  const [{ core, log }] = open.splice(index, 1) as [{ core: CoreUnderTest; log: ActivityLog }];
  core.core.close();
  log.dispose();
}

const entryOnServer = (description = draft.description) => fake.state.timeEntries.find((entry) => entry.description === description);
const writes = () => fake.requests.filter((r) => r.method !== 'GET').map((r) => r.method);

/** Starts the timer, works `minutes` at the computer, and returns when the user stopped using it. */
async function startAndWork(under: CoreUnderTest, minutes: number): Promise<number> {
  expect(under.core.startTimer(draft).ok).toBe(true);
  await under.settled();
  for (let worked = 0; worked < minutes; worked += 5) {
    await clock.advance(5 * MINUTE);
    desk.touch();
  }
  await clock.advance(MINUTE); // the log samples once a minute
  await under.settled();
  return desk.lastInput;
}

/** The night: the app was quit, the computer off; in the morning the user is back and the app starts. */
async function overnight(under: CoreUnderTest): Promise<CoreUnderTest> {
  quit(under);
  await clock.advance(14 * HOUR);
  desk.touch();
  return start(under);
}

describe('the forgotten-timer rescue', () => {
  it('after a restart, asks once in the shared prompt; "End then" ends the entry when the computer was last used', async () => {
    const stoppedAt = await startAndWork(await start(), 60);
    const morning = await overnight(open[0]!.core);
    const prompt = morning.core.snapshot().idlePrompt!;
    expect(prompt).toMatchObject({ cause: 'unused', entryDescription: 'Writing the report', idleSince: iso(stoppedAt) });
    expect(morning.notices.filter((n) => n.text.startsWith('You stopped using the computer at '))).toHaveLength(1);

    fake.clearRequests();
    expect(morning.core.answerIdlePrompt(prompt.id, { kind: 'discard' })).toEqual({ ok: true, value: null });
    expect(morning.core.snapshot().idlePrompt).toBeNull();
    await morning.settled();
    expect(writes()).toEqual(['PATCH']);
    expect(entryOnServer()).toMatchObject({ end: iso(stoppedAt) });

    // Asked once: not again after another restart.
    quit(morning);
    await clock.advance(10 * MINUTE);
    const later = await start(morning);
    expect(later.core.snapshot().idlePrompt).toBeNull();
  });

  it('"Keep all" changes nothing and is not asked again, even after a restart', async () => {
    await startAndWork(await start(), 30);
    const morning = await overnight(open[0]!.core);
    fake.clearRequests();
    expect(morning.core.answerIdlePrompt(morning.core.snapshot().idlePrompt!.id, { kind: 'keep' }).ok).toBe(true);
    await morning.settled();
    expect(writes()).toEqual([]);
    expect(morning.core.snapshot().timer.status).toBe('running');
    quit(morning);
    const again = await start(morning);
    expect(again.core.snapshot().idlePrompt).toBeNull();
  });

  it('"End at another time" refuses a time before the start or in the future in words, then ends there', async () => {
    const under = await start();
    const startedAt = clock.now();
    await startAndWork(under, 120);
    const morning = await overnight(under);
    const prompt = morning.core.snapshot().idlePrompt!;
    fake.clearRequests();

    const before = morning.core.answerIdlePrompt(prompt.id, { kind: 'end-at', at: iso(startedAt - HOUR) });
    expect(before).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^Choose an end after the entry began \(\d\d:\d\d\) and not later than now; nothing was changed\.$/) } });
    expect(morning.core.answerIdlePrompt(prompt.id, { kind: 'end-at', at: iso(clock.now() + HOUR) }).ok).toBe(false);
    expect(morning.core.snapshot().idlePrompt).toEqual(prompt);

    const chosen = startedAt + 90 * MINUTE;
    expect(morning.core.answerIdlePrompt(prompt.id, { kind: 'end-at', at: iso(chosen) }).ok).toBe(true);
    await morning.settled();
    expect(writes()).toEqual(['PATCH']);
    expect(entryOnServer()).toMatchObject({ end: iso(chosen) });
  });

  it('offline, the answer waits in the journal and is sent when Clockify is back', async () => {
    const stoppedAt = await startAndWork(await start(), 30);
    const morning = await overnight(open[0]!.core);
    fake.addFault({ kind: 'status', status: 503, count: Infinity, match: { method: 'PATCH' } });
    morning.core.answerIdlePrompt(morning.core.snapshot().idlePrompt!.id, { kind: 'discard' });
    await morning.settled();
    expect(morning.core.snapshot().sync.pending).toBe(1);
    expect(entryOnServer()).toMatchObject({ end: null });
    fake.clearFaults();
    await clock.advance(2 * MINUTE);
    await morning.settled();
    expect(entryOnServer()).toMatchObject({ end: iso(stoppedAt) });
  });

  it('a timer stopped elsewhere takes its question away', async () => {
    await startAndWork(await start(), 30);
    const morning = await overnight(open[0]!.core);
    expect(morning.core.snapshot().idlePrompt).not.toBeNull();
    morning.core.stopTimer();
    await morning.settled();
    expect(morning.core.snapshot().idlePrompt).toBeNull();
  });

  it('one prompt, not two: asleep through the night with the app running, the sleep question covers the break', async () => {
    const under = await start();
    const stoppedAt = await startAndWork(under, 30);
    desk.emit('suspend');
    await clock.advance(13 * HOUR);
    desk.emit('resume');
    desk.touch();
    await under.settled();
    const sleep = under.core.snapshot().idlePrompt!;
    expect(sleep).toMatchObject({ cause: 'sleep' });
    await clock.advance(2 * MINUTE); // the activity log now records the break (from the last input to now)
    await under.settled();
    expect(open[0]!.log.current.lastBreak).toMatchObject({ from: stoppedAt });
    expect(under.core.snapshot().idlePrompt).toEqual(sleep);
    expect(under.core.answerIdlePrompt(sleep.id, { kind: 'keep' }).ok).toBe(true);
    await under.settled();
    expect(under.core.snapshot().idlePrompt).toBeNull();
    // Nor after a restart: the covered break was marked asked on disk.
    quit(under);
    expect((await start(under)).core.snapshot().idlePrompt).toBeNull();
  });
});

describe('the rescue and the idle watcher’s prompts', () => {
  const t = (hhmm: string, day = 10) => Date.parse(`2026-03-${day}T${hhmm}:00Z`);
  /** The activity log as the rescue reads it: a break from 18:00 to 08:00 the next morning. */
  class Evidence implements ActivityEvidence {
    current: ActivityRecord;
    readonly marked: number[] = [];
    constructor(lastBreak = { from: t('18:00'), to: t('08:00', 11) }, askedAbout: number | null = null) {
      this.current = { lastActiveAt: lastBreak.to, awaySince: null, lastBreak, askedAbout };
    }
    markAsked(breakFrom: number): void {
      this.marked.push(breakFrom);
      this.current = { ...this.current, askedAbout: breakFrom };
    }
    onChange(): () => void {
      return () => undefined;
    }
  }
  const running: EntryView = { key: 'e1', serverId: 's1', workspaceId: 'w', description: 'Report', projectId: null, taskId: null, tagIds: [], billable: false, start: iso(t('09:00')), end: null, sync: 'synced', problem: null, type: 'REGULAR', customFields: [] };
  const away = (since: number, until: number): IdlePrompt => ({ id: `idle-${since}`, entryKey: 'e1', entryDescription: 'Report', entryStart: running.start, idleSince: iso(since), idleUntil: iso(until), cause: 'sleep' });
  const hhmm = (at: number) => new Date(at).toISOString().slice(11, 16);

  it.each([
    ['ending as the break began', t('17:00'), t('18:00'), false],
    ['beginning as the break ended', t('08:00', 11), t('09:00', 11), false],
    ['the next afternoon', t('14:00', 11), t('15:00', 11), false],
    ['overlapping its end', t('07:00', 11), t('08:30', 11), true],
    ['within it', t('19:00'), t('20:00'), true],
  ])('a prompt %s covers the break: %s', (_name, since, until, covered) => {
    const evidence = new Evidence();
    const rescue = new TimerRescue(evidence);
    rescue.awayAsked(away(since, until));
    const found = rescue.question(running, hhmm);
    expect(found === null).toBe(covered);
    expect(evidence.marked).toEqual(covered ? [t('18:00')] : []);
  });

  it('a break asked about already is not marked again', () => {
    const evidence = new Evidence(undefined, t('18:00'));
    const rescue = new TimerRescue(evidence);
    rescue.awayAsked(away(t('19:00'), t('20:00')));
    expect(rescue.question(running, hhmm)).toBeNull();
    expect(evidence.marked).toEqual([]);
  });

  it.each([
    [20, true],
    [21, false],
  ])('remembers the last 20 prompts: after %i, the first covers the break = %s', (count, covered) => {
    const evidence = new Evidence();
    const rescue = new TimerRescue(evidence);
    rescue.awayAsked(away(t('19:00'), t('20:00')));
    for (let i = 1; i < count; i++) rescue.awayAsked(away(t('10:00', 11) + i * 600_000, t('10:05', 11) + i * 600_000));
    expect(rescue.question(running, hhmm) === null).toBe(covered);
  });

  it('each break is its own prompt, answered only by its own id', () => {
    const evidence = new Evidence();
    const rescue = new TimerRescue(evidence);
    rescue.answered('unused-1'); // nothing asked yet
    const first = rescue.question(running, hhmm)!;
    expect(first.prompt).toMatchObject({ cause: 'unused', idleSince: iso(t('18:00')), idleUntil: iso(t('08:00', 11)) });
    expect(first.text).toBe('You stopped using the computer at 18:00 — end the entry then?');
    rescue.answered('idle-3'); // the idle watcher's prompt, not this one
    expect(evidence.marked).toEqual([]);
    evidence.current = { ...evidence.current, lastBreak: { from: t('12:00', 11), to: t('15:00', 11) } };
    const second = rescue.question(running, hhmm)!;
    expect(second.prompt.id).not.toBe(first.prompt.id);
    rescue.answered(second.prompt.id);
    expect(evidence.marked).toEqual([t('12:00', 11)]);
    expect(rescue.question(running, hhmm)).toBeNull();
  });
});

