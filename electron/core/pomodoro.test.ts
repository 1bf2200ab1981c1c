// The focus mode through the real core and the fake clock: off by default; a countdown while a timer
// runs; at the end of work the person is told and the timer keeps running until they choose; a
// break creates no entry unless a break project is set; a long break after N rounds; "Pause focus"
// for a meeting; and `atWorkEnd: 'break'` stops the timer only because the person chose it, saying so.
import { describe, expect, it } from 'vitest';
import type { EntryDraft } from '../../shared/domain';
import { DEFAULT_POMODORO, type PomodoroSettings } from '../../shared/pomodoro';
import { coreSuite } from '../../e2e/support/core-suite';
import type { CoreUnderTest } from '../../e2e/support/core-fixture';

const suite = coreSuite();
const MIN = 60_000;
const draft = (over: Partial<EntryDraft> = {}): EntryDraft => ({ description: 'Write report', projectId: null, taskId: null, tagIds: [], billable: false, ...over });
const focus = (under: CoreUnderTest) => under.core.snapshot().pomodoro;
const runningDescription = (under: CoreUnderTest) => {
  const timer = under.core.snapshot().timer;
  return timer.status === 'running' ? timer.entry.description : null;
};

async function withFocus(settings: Partial<PomodoroSettings> = {}) {
  const under = await suite.ready();
  expect(under.core.updateSettings({ pomodoro: { ...DEFAULT_POMODORO, enabled: true, ...settings } }).ok).toBe(true);
  await under.settled();
  return under;
}

describe('the focus mode (pomodoro)', () => {
  it('is off by default: no countdown, nothing said', async () => {
    const under = await suite.ready();
    under.core.startTimer(draft());
    await under.clock.advance(30 * MIN);
    await under.settled();
    expect(focus(under)).toBeNull();
    expect(under.notices.map((n) => n.text).join(' ')).not.toMatch(/Focus/);
  });

  it('counts down while a timer runs; at the end it says so and the timer keeps running until the person chooses', async () => {
    const under = await withFocus();
    expect(focus(under)).toEqual({ phase: 'ready', round: 1, rounds: 4 });
    under.core.startTimer(draft());
    await under.settled();
    expect(focus(under)).toEqual({ phase: 'work', round: 1, rounds: 4, endsAt: new Date(under.clock.now() + 25 * MIN).toISOString() });
    await under.clock.advance(25 * MIN);
    await under.settled();
    expect(focus(under)).toMatchObject({ phase: 'work-over', round: 1, longBreak: false });
    expect(under.notices.at(-1)).toMatchObject({ level: 'warning', text: 'Focus time is up (round 1 of 4): take a 5-minute break, or keep working. The timer (“Write report”) keeps running until you choose.' });
    await under.clock.advance(10 * MIN);
    await under.settled();
    expect(runningDescription(under)).toBe('Write report');
    expect(suite.fake.state.timeEntries.filter((e) => e.end === null)).toHaveLength(1);
  });

  it('a break stops the timer and creates no entry; when it is over, Back to work continues the same work', async () => {
    const under = await withFocus();
    under.core.startTimer(draft());
    await under.clock.advance(25 * MIN);
    await under.settled();
    suite.fake.clearRequests();
    expect(under.core.focus('break')).toEqual({ ok: true, value: null });
    await under.settled();
    expect(suite.fake.requests.filter((r) => r.method !== 'GET').map((r) => r.method)).toEqual(['PATCH']);
    expect(focus(under)).toMatchObject({ phase: 'break', round: 2, longBreak: false, tracked: false });
    await under.clock.advance(5 * MIN);
    await under.settled();
    expect(focus(under)).toMatchObject({ phase: 'break-over' });
    expect(under.notices.at(-1)?.text).toBe('Your break is over: choose "Back to work" to continue “Write report”.');
    expect(under.core.snapshot().timer.status).not.toBe('running');
    expect(under.core.focus('back-to-work')).toEqual({ ok: true, value: null });
    await under.settled();
    expect(runningDescription(under)).toBe('Write report');
    expect(focus(under)).toMatchObject({ phase: 'work', round: 2 });
  });

  it('a break project makes each break an entry "Break" in it; a long break comes after N rounds', async () => {
    const breakProject = suite.fake.state.projects.find((p) => p.name === 'Internal Tools')!;
    const under = await withFocus({ roundsBeforeLongBreak: 2, breakProjectId: breakProject.id, longBreakMinutes: 20 });
    under.core.startTimer(draft());
    for (const round of [1, 2]) {
      await under.clock.advance(25 * MIN);
      await under.settled();
      expect(focus(under)).toMatchObject({ phase: 'work-over', round, longBreak: round === 2 });
      under.core.focus('break');
      await under.settled();
      expect(runningDescription(under)).toBe('Break');
      if (round === 2) expect(focus(under)).toMatchObject({ phase: 'break', longBreak: true, tracked: true, endsAt: new Date(under.clock.now() + 20 * MIN).toISOString() });
      under.core.focus('back-to-work');
      await under.settled();
    }
    expect(focus(under)).toMatchObject({ phase: 'work', round: 1 });
    const breaks = suite.fake.state.timeEntries.filter((e) => e.description === 'Break');
    expect(breaks).toHaveLength(2);
    expect(breaks.every((e) => e.projectId === breakProject.id && e.end !== null)).toBe(true);
  });

  it('a break project archived since (or of another workspace) is not used: the break is untracked, and said', async () => {
    const breakProject = suite.fake.state.projects.find((p) => p.name === 'Internal Tools')!;
    const under = await withFocus({ breakProjectId: breakProject.id });
    breakProject.archived = true;
    await under.core.refreshCatalog();
    under.core.startTimer(draft());
    await under.clock.advance(25 * MIN);
    await under.settled();
    under.core.focus('break');
    await under.settled();
    expect(under.core.snapshot().timer.status).not.toBe('running');
    expect(focus(under)).toMatchObject({ phase: 'break', tracked: false });
    expect(under.notices.at(-1)?.text).toMatch(/^The break project is not an active project of this workspace: this break is not tracked/);
  });

  it('Keep working gives another work round on the same timer', async () => {
    const under = await withFocus();
    under.core.startTimer(draft());
    await under.clock.advance(25 * MIN);
    await under.settled();
    expect(under.core.focus('keep-working')).toEqual({ ok: true, value: null });
    expect(focus(under)).toEqual({ phase: 'work', round: 1, rounds: 4, endsAt: new Date(under.clock.now() + 25 * MIN).toISOString() });
    expect(runningDescription(under)).toBe('Write report');
  });

  it('Pause focus for a meeting: no countdown and nothing said while that timer runs; back when it stops', async () => {
    const under = await withFocus();
    under.core.startTimer(draft({ description: 'Client meeting' }));
    await under.settled();
    expect(under.core.focus('pause')).toEqual({ ok: true, value: null });
    const said = under.notices.length;
    await under.clock.advance(60 * MIN);
    await under.settled();
    expect(focus(under)).toMatchObject({ phase: 'paused' });
    expect(under.notices.slice(said).map((n) => n.text).join(' ')).not.toMatch(/Focus time is up/);
    expect(runningDescription(under)).toBe('Client meeting');
    under.core.stopTimer();
    await under.settled();
    expect(focus(under)).toMatchObject({ phase: 'ready' });
  });

  it('with "start breaks by themselves", the stop at the end of work is said, never silent', async () => {
    const under = await withFocus({ atWorkEnd: 'break' });
    under.core.startTimer(draft());
    await under.clock.advance(25 * MIN);
    await under.settled();
    expect(under.core.snapshot().timer.status).not.toBe('running');
    expect(focus(under)).toMatchObject({ phase: 'break' });
    expect(under.notices.at(-1)?.text).toMatch(/^Focus time is up: “Write report” was stopped and your 5-minute break began/);
  });

  it('refuses choices that do not fit, in words, and everything once it is turned off', async () => {
    const under = await withFocus();
    expect(under.core.focus('break')).toMatchObject({ ok: false, error: { message: 'There is no work round to end: start a timer first.' } });
    expect(under.core.focus('back-to-work')).toMatchObject({ ok: false, error: { message: 'You are not on a break.' } });
    under.core.updateSettings({ pomodoro: DEFAULT_POMODORO });
    expect(under.core.focus('pause')).toMatchObject({ ok: false, error: { message: 'Focus mode is off: turn it on in Settings first.' } });
    expect(focus(under)).toBeNull();
  });
});
