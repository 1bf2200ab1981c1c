// The focus mode's rounds on their own: the Pomodoro with a simulated timer and a clock that can
// also jump (a computer asleep, its timers late). What the person sees (the view) and is told (the
// notices), and what is started and stopped, through every choice, refusal and failure.
// (pomodoro.test.ts runs the same focus mode through the whole core against the fake Clockify.)
import { describe, expect, it } from 'vitest';
import type { EntryDraft, EntryView, Result, TimerState } from '../../shared/domain';
import { DEFAULT_POMODORO, type FocusAction, type PomodoroSettings } from '../../shared/pomodoro';
import { BREAK_DESCRIPTION, Pomodoro } from './pomodoro';
import { FakeClock } from '../../e2e/support/fake-clock';

const MIN = 60_000;
const START = Date.parse('2026-03-10T09:00:00Z');
const at = (ms: number) => new Date(ms).toISOString();
const ok: Result<null> = { ok: true, value: null };
const refused = (message: string): Result<null> => ({ ok: false, error: { kind: 'invalid', message, status: null } });

function focusMode(over: Partial<PomodoroSettings> = {}) {
  const clock = new FakeClock(START);
  let settings: PomodoroSettings = { ...DEFAULT_POMODORO, enabled: true, ...over };
  let timer: TimerState = { status: 'idle' };
  let made = 0;
  const notices: string[] = [];
  const actions: string[] = [];
  const refuse: { start?: string; stop?: string } = {};
  let queued = false;
  let changes = 0;
  // As the core does: every change is followed (once per burst) by timerChanged.
  const changed = () => {
    changes++;
    if (queued) return;
    queued = true;
    queueMicrotask(() => {
      queued = false;
      pomodoro.timerChanged();
    });
  };
  const start = (draft: EntryDraft): Result<null> => {
    actions.push(`start ${draft.description}${draft.projectId ? ` in ${draft.projectId}` : ''}`);
    if (refuse.start) return refused(refuse.start);
    const entry: EntryView = { ...draft, key: `e${++made}`, serverId: null, workspaceId: 'w', start: at(clock.now()), end: null, sync: 'synced', type: 'REGULAR', customFields: [], problem: null };
    timer = { status: 'running', entry };
    changed();
    return ok;
  };
  const stop = (): Result<null> => {
    actions.push('stop');
    if (refuse.stop) return refused(refuse.stop);
    timer = { status: 'idle' };
    changed();
    return ok;
  };
  const pomodoro = new Pomodoro({
    clock,
    settings: () => settings,
    timer: () => timer,
    startTimer: start,
    stopTimer: stop,
    projectActive: (projectId) => projectId === 'breaks',
    notice: (level, text) => notices.push(`${level}: ${text}`),
    changed,
  });
  const settled = async () => {
    for (let i = 0; i < 3; i++) await Promise.resolve();
  };
  return {
    clock,
    pomodoro,
    notices,
    actions,
    refuse,
    view: () => pomodoro.view(),
    /** The person starts or stops a timer (outside the focus mode), and the change settles. */
    start: async (description: string, projectId: string | null = null) => {
      start({ description, projectId, taskId: null, tagIds: ['t'], billable: true });
      await settled();
    },
    stop: async () => {
      stop();
      await settled();
    },
    act: async (action: FocusAction) => {
      const result = pomodoro.act(action);
      await settled();
      return result;
    },
    settings: async (change: Partial<PomodoroSettings>) => {
      settings = { ...settings, ...change };
      pomodoro.timerChanged();
      await settled();
    },
    running: () => (timer.status === 'running' ? timer.entry : null),
    changes: () => changes,
    /** The stop waits for Clockify (offline): the timer is stopping, no longer running. */
    stopping: async () => {
      if (timer.status === 'running') timer = { status: 'stopping', entry: timer.entry };
      changed();
      await settled();
    },
    settled,
  };
}

describe('a work round', () => {
  it('starts with a timer, ends after the work minutes, says so once and keeps the timer running', async () => {
    const focus = focusMode({ workMinutes: 50, roundsBeforeLongBreak: 3 });
    expect(focus.view()).toEqual({ phase: 'ready', round: 1, rounds: 3 });
    await focus.start('Write report');
    expect(focus.view()).toEqual({ phase: 'work', round: 1, rounds: 3, endsAt: at(START + 50 * MIN) });
    await focus.clock.advance(50 * MIN - 1);
    expect(focus.view()?.phase).toBe('work');
    await focus.clock.advance(1);
    expect(focus.view()).toEqual({ phase: 'work-over', round: 1, rounds: 3, since: at(START + 50 * MIN), longBreak: false });
    expect(focus.notices).toEqual(['warning: Focus time is up (round 1 of 3): take a 5-minute break, or keep working. The timer (“Write report”) keeps running until you choose.']);
    await focus.clock.advance(60 * MIN);
    expect(focus.notices).toHaveLength(1);
    expect(focus.actions).toEqual(['start Write report']);
  });

  it('keeps going when the person switches to other work, and ends when the timer stops', async () => {
    const focus = focusMode();
    await focus.start('Write report');
    await focus.clock.advance(10 * MIN);
    await focus.start('Review');
    expect(focus.view()).toMatchObject({ phase: 'work', endsAt: at(START + 25 * MIN) });
    await focus.stop();
    expect(focus.view()).toEqual({ phase: 'ready', round: 1, rounds: 4 });
    await focus.clock.advance(60 * MIN);
    expect(focus.notices).toEqual([]);
  });

  it('names an entry without a description as such', async () => {
    const focus = focusMode();
    await focus.start('');
    await focus.clock.advance(25 * MIN);
    expect(focus.notices.at(-1)).toMatch(/The timer \(“no description”\) keeps running/);
  });

  it('ends on the first change after the computer slept through its end', async () => {
    const focus = focusMode();
    await focus.start('Write report');
    focus.clock.sleep(25 * MIN);
    await focus.start('Review');
    expect(focus.view()).toMatchObject({ phase: 'work-over', since: at(START + 25 * MIN) });
    expect(focus.notices).toHaveLength(1);
    // The late alarm does not ring a second time.
    await focus.clock.advance(MIN);
    expect(focus.notices).toHaveLength(1);
  });

  it('a timer stopped while the computer slept through the end ends the round, and nothing is said to keep running', async () => {
    const focus = focusMode();
    await focus.start('Write report');
    focus.clock.sleep(3 * 60 * MIN);
    // Stopped from the web meanwhile: the stop is the first change seen on waking.
    await focus.stop();
    expect(focus.view()).toEqual({ phase: 'ready', round: 1, rounds: 4 });
    expect(focus.notices).toEqual([]);
    expect(focus.actions).toEqual(['start Write report', 'stop']);
    // The next timer starts the next round as usual.
    await focus.start('Review');
    expect(focus.view()).toMatchObject({ phase: 'work', round: 1 });
  });

  it('keep working: a fresh round on the same timer; refused before work time is up', async () => {
    const focus = focusMode();
    await focus.start('Write report');
    expect(await focus.act('keep-working')).toEqual(refused('Work time is not up yet.'));
    await focus.clock.advance(25 * MIN);
    expect(await focus.act('keep-working')).toEqual(ok);
    expect(focus.view()).toEqual({ phase: 'work', round: 1, rounds: 4, endsAt: at(START + 50 * MIN) });
    expect(focus.actions).toEqual(['start Write report']);
  });
});

describe('a stop still waiting for Clockify', () => {
  it('ends the round as a stop does: the timer no longer runs', async () => {
    const focus = focusMode();
    await focus.start('Write report');
    await focus.stopping();
    expect(focus.view()).toEqual({ phase: 'ready', round: 1, rounds: 4 });
  });
});

describe('a break', () => {
  it('taken when work time is up: stops the timer, counts down, and Back to work continues the same work', async () => {
    const focus = focusMode({ breakMinutes: 7 });
    await focus.start('Write report');
    await focus.clock.advance(25 * MIN);
    expect(await focus.act('break')).toEqual(ok);
    expect(focus.actions).toEqual(['start Write report', 'stop']);
    expect(focus.view()).toEqual({ phase: 'break', round: 2, rounds: 4, endsAt: at(START + 32 * MIN), longBreak: false, tracked: false });
    await focus.clock.advance(7 * MIN);
    expect(focus.view()).toEqual({ phase: 'break-over', round: 2, rounds: 4, since: at(START + 32 * MIN) });
    expect(focus.notices.at(-1)).toBe('warning: Your break is over: choose "Back to work" to continue “Write report”.');
    expect(await focus.act('back-to-work')).toEqual(ok);
    expect(focus.actions.at(-1)).toBe('start Write report');
    expect(focus.running()).toMatchObject({ description: 'Write report', tagIds: ['t'], billable: true });
    expect(focus.view()).toMatchObject({ phase: 'work', round: 2, endsAt: at(START + 57 * MIN) });
  });

  it('taken before work time is up ends the round early', async () => {
    const focus = focusMode();
    await focus.start('Write report');
    await focus.clock.advance(10 * MIN);
    expect(await focus.act('break')).toEqual(ok);
    expect(focus.view()).toMatchObject({ phase: 'break', round: 2, endsAt: at(START + 15 * MIN) });
  });

  it('begins when the person stops the timer after being told work time is up', async () => {
    const focus = focusMode();
    await focus.start('Write report');
    await focus.clock.advance(25 * MIN);
    await focus.stop();
    expect(focus.view()).toMatchObject({ phase: 'break', round: 2, tracked: false });
    await focus.clock.advance(5 * MIN);
    expect(focus.notices.at(-1)).toBe('warning: Your break is over: choose "Back to work" to continue “Write report”.');
  });

  it('is over as soon as work starts again, without a new round', async () => {
    for (const early of [true, false]) {
      const focus = focusMode();
      await focus.start('Write report');
      await focus.clock.advance(25 * MIN);
      await focus.act('break');
      if (!early) await focus.clock.advance(5 * MIN);
      await focus.start('Email');
      expect(focus.view()).toMatchObject({ phase: 'work', round: 2, endsAt: at(focus.clock.now() + 25 * MIN) });
    }
  });

  it('says "your last entry" for work without a description, and "the next round" when there is none to continue', async () => {
    const focus = focusMode();
    await focus.start('');
    await focus.clock.advance(25 * MIN);
    await focus.act('break');
    await focus.clock.advance(5 * MIN);
    expect(focus.notices.at(-1)).toBe('warning: Your break is over: choose "Back to work" to continue “your last entry”.');

    const idle = focusMode();
    await idle.start('Write report');
    await idle.clock.advance(5 * MIN);
    await idle.settings({ atWorkEnd: 'break' });
    idle.refuse.stop = 'Clockify refused the stop.';
    await idle.clock.advance(20 * MIN);
    // The stop was refused: work time is up and the person chooses.
    expect(idle.view()?.phase).toBe('work-over');
    expect(idle.notices.at(-1)).toMatch(/^warning: Focus time is up \(round 1 of 4\)/);
  });

  it('after N rounds is long, and the count starts again', async () => {
    const focus = focusMode({ roundsBeforeLongBreak: 2, breakMinutes: 3, longBreakMinutes: 20 });
    await focus.start('Write report');
    await focus.clock.advance(25 * MIN);
    expect(focus.view()).toMatchObject({ round: 1, longBreak: false });
    await focus.act('break');
    expect(focus.view()).toMatchObject({ phase: 'break', round: 2, longBreak: false, endsAt: at(focus.clock.now() + 3 * MIN) });
    await focus.act('back-to-work');
    await focus.clock.advance(25 * MIN);
    expect(focus.view()).toMatchObject({ phase: 'work-over', round: 2, longBreak: true });
    expect(focus.notices.at(-1)).toMatch(/^warning: Focus time is up \(round 2 of 2\): take a 20-minute long break, or keep working\./);
    await focus.act('break');
    expect(focus.view()).toMatchObject({ phase: 'break', round: 1, longBreak: true, endsAt: at(focus.clock.now() + 20 * MIN) });
  });

  it('refuses what does not fit: a break without a work round, Back to work outside a break, Resume when not paused', async () => {
    const focus = focusMode();
    expect(await focus.act('break')).toEqual(refused('There is no work round to end: start a timer first.'));
    expect(await focus.act('back-to-work')).toEqual(refused('You are not on a break.'));
    expect(await focus.act('resume')).toEqual(refused('Focus mode is not paused.'));
    await focus.start('Write report');
    await focus.clock.advance(25 * MIN);
    await focus.act('break');
    expect(await focus.act('break')).toEqual(refused('There is no work round to end: start a timer first.'));
    expect(focus.actions).toEqual(['start Write report', 'stop']);
  });

  it('a stop Clockify refuses keeps the round: the refusal is returned and nothing else changes', async () => {
    const focus = focusMode();
    await focus.start('Write report');
    await focus.clock.advance(25 * MIN);
    focus.refuse.stop = 'Clockify refused the stop.';
    expect(await focus.act('break')).toEqual(refused('Clockify refused the stop.'));
    expect(focus.view()).toMatchObject({ phase: 'work-over', round: 1 });
  });

  it('Back to work that cannot start the work stays on the break and says why', async () => {
    const focus = focusMode();
    await focus.start('Write report');
    await focus.clock.advance(25 * MIN);
    await focus.act('break');
    focus.refuse.start = 'You are offline and the journal is full.';
    expect(await focus.act('back-to-work')).toEqual(refused('You are offline and the journal is full.'));
    expect(focus.view()).toMatchObject({ phase: 'break', round: 2 });
  });
});

describe('what counts as a break entry', () => {
  it('only the entry "Break" in the break project: any other entry starts a work round', async () => {
    const cases: [string | null, string, string | null, 'work' | 'ready'][] = [
      ['breaks', BREAK_DESCRIPTION, 'breaks', 'ready'],
      ['breaks', BREAK_DESCRIPTION, 'web', 'work'],
      ['breaks', 'Planning', 'breaks', 'work'],
      [null, BREAK_DESCRIPTION, null, 'work'],
    ];
    for (const [breakProjectId, description, projectId, phase] of cases) {
      const focus = focusMode({ breakProjectId });
      await focus.start(description, projectId);
      expect(focus.view()?.phase, `${description} in ${projectId} (break project ${breakProjectId})`).toBe(phase);
    }
  });
});

describe('a break project', () => {
  it('tracks each break as an entry "Break" in it, stopped by Back to work only when no work is continued', async () => {
    const focus = focusMode({ breakProjectId: 'breaks' });
    await focus.start('Write report');
    await focus.clock.advance(25 * MIN);
    await focus.act('break');
    expect(focus.actions).toEqual(['start Write report', 'stop', `start ${BREAK_DESCRIPTION} in breaks`]);
    expect(focus.running()).toMatchObject({ description: 'Break', projectId: 'breaks', tagIds: [], billable: false });
    expect(focus.view()).toMatchObject({ phase: 'break', tracked: true });
    await focus.clock.advance(5 * MIN);
    expect(focus.notices.at(-1)).toBe('warning: Your break is over: choose "Back to work" to continue “Write report”. The break timer keeps running until then.');
    expect(focus.view()?.phase).toBe('break-over');
    await focus.act('back-to-work');
    expect(focus.running()?.description).toBe('Write report');
    expect(focus.view()?.phase).toBe('work');
  });

  it('the break entry started by hand is no work round; a tracked break the person stops ends when it is over', async () => {
    const focus = focusMode({ breakProjectId: 'breaks' });
    await focus.start(BREAK_DESCRIPTION, 'breaks');
    expect(focus.view()?.phase).toBe('ready');
    await focus.start('Write report');
    await focus.clock.advance(25 * MIN);
    await focus.act('break');
    // Stopped during the break: the break goes on.
    await focus.stop();
    expect(focus.view()).toMatchObject({ phase: 'break', tracked: true });
    await focus.start(BREAK_DESCRIPTION, 'breaks');
    await focus.clock.advance(5 * MIN);
    expect(focus.view()?.phase).toBe('break-over');
    await focus.stop();
    expect(focus.view()).toEqual({ phase: 'ready', round: 2, rounds: 4 });
  });

  it('an untracked break that is over waits for the person', async () => {
    const focus = focusMode();
    await focus.start('Write report');
    await focus.clock.advance(25 * MIN);
    await focus.act('break');
    await focus.clock.advance(30 * MIN);
    await focus.settings({});
    expect(focus.view()?.phase).toBe('break-over');
  });

  it('a break project that is not active in this workspace is not used: the break is untracked, and said', async () => {
    const focus = focusMode({ breakProjectId: 'archived' });
    await focus.start('Write report');
    await focus.clock.advance(25 * MIN);
    await focus.act('break');
    expect(focus.actions).toEqual(['start Write report', 'stop']);
    expect(focus.view()).toMatchObject({ phase: 'break', tracked: false });
    expect(focus.notices.at(-1)).toBe('warning: The break project is not an active project of this workspace: this break is not tracked. Choose another one in Settings › Focus mode.');
  });

  it('a break Clockify refuses to start is untracked, and said', async () => {
    const focus = focusMode({ breakProjectId: 'breaks' });
    await focus.start('Write report');
    await focus.clock.advance(25 * MIN);
    focus.refuse.start = 'The journal is full.';
    await focus.act('break');
    expect(focus.view()).toMatchObject({ phase: 'break', tracked: false });
    expect(focus.notices.at(-1)).toBe('warning: The break could not be tracked in its project: The journal is full.');
  });
});

describe('when work time is up, with "start breaks by themselves"', () => {
  it('stops the timer, begins the break and says so', async () => {
    const focus = focusMode({ atWorkEnd: 'break', roundsBeforeLongBreak: 1, longBreakMinutes: 30 });
    await focus.start('Write report');
    await focus.clock.advance(25 * MIN);
    expect(focus.actions).toEqual(['start Write report', 'stop']);
    expect(focus.view()).toMatchObject({ phase: 'break', longBreak: true, round: 1, endsAt: at(START + 55 * MIN) });
    expect(focus.notices).toEqual(['warning: Focus time is up: “Write report” was stopped and your 30-minute long break began (Settings › Focus mode › "When work time is up").']);
  });

  it('a short break is said as one', async () => {
    const focus = focusMode({ atWorkEnd: 'break' });
    await focus.start('Write report');
    await focus.clock.advance(25 * MIN);
    expect(focus.notices).toEqual(['warning: Focus time is up: “Write report” was stopped and your 5-minute break began (Settings › Focus mode › "When work time is up").']);
  });
});

describe('pause focus', () => {
  it('for the running timer: no countdown and nothing said until it stops; said once, a second pause changes nothing', async () => {
    const focus = focusMode();
    await focus.start('Client meeting');
    expect(await focus.act('pause')).toEqual(ok);
    expect(focus.notices).toEqual(['info: Focus mode is paused for this timer: no countdown until it stops.']);
    expect(await focus.act('pause')).toEqual(ok);
    expect(focus.notices).toHaveLength(1);
    expect(focus.view()).toEqual({ phase: 'paused', round: 1, rounds: 4 });
    await focus.clock.advance(60 * MIN);
    expect(focus.notices).toHaveLength(1);
    expect(focus.clock.scheduled).toBe(0);
    await focus.stop();
    expect(focus.view()).toEqual({ phase: 'ready', round: 1, rounds: 4 });
  });

  it('with no timer running, holds for the next timer, and ends when another timer takes its place', async () => {
    const focus = focusMode();
    await focus.act('pause');
    await focus.start('Client meeting');
    expect(focus.view()?.phase).toBe('paused');
    await focus.start('Write report');
    expect(focus.view()).toMatchObject({ phase: 'work', endsAt: at(START + 25 * MIN) });
  });

  it('Resume starts a round on the running timer, or waits for one', async () => {
    const focus = focusMode();
    await focus.start('Client meeting');
    await focus.act('pause');
    expect(await focus.act('resume')).toEqual(ok);
    expect(focus.view()).toMatchObject({ phase: 'work', endsAt: at(START + 25 * MIN) });

    const idle = focusMode();
    await idle.act('pause');
    expect(await idle.act('resume')).toEqual(ok);
    expect(idle.view()).toEqual({ phase: 'ready', round: 1, rounds: 4 });
  });

  it('Resume while the break timer runs does not count the break as work', async () => {
    const focus = focusMode({ breakProjectId: 'breaks' });
    await focus.start(BREAK_DESCRIPTION, 'breaks');
    await focus.act('pause');
    await focus.act('resume');
    expect(focus.view()?.phase).toBe('ready');
  });
});

describe('turned off', () => {
  it('shows nothing, refuses every choice, and starts from round 1 when turned on again', async () => {
    const focus = focusMode();
    await focus.start('Write report');
    await focus.clock.advance(25 * MIN);
    await focus.act('break');
    await focus.act('back-to-work');
    await focus.stop();
    expect(focus.view()).toEqual({ phase: 'ready', round: 2, rounds: 4 });
    await focus.settings({ enabled: false });
    expect(focus.view()).toBeNull();
    for (const action of ['break', 'keep-working', 'back-to-work', 'pause', 'resume'] as const) {
      expect(await focus.act(action)).toEqual(refused('Focus mode is off: turn it on in Settings first.'));
    }
    await focus.settings({ enabled: true });
    expect(focus.view()).toEqual({ phase: 'ready', round: 1, rounds: 4 });
  });

  it('cancels the countdown; turned on again while a timer runs, a round starts from then', async () => {
    const focus = focusMode();
    await focus.start('Write report');
    await focus.settings({ enabled: false });
    await focus.clock.advance(30 * MIN);
    expect(focus.notices).toEqual([]);
    await focus.settings({ enabled: true });
    expect(focus.view()).toEqual({ phase: 'work', round: 1, rounds: 4, endsAt: at(START + 55 * MIN) });
  });

  it('goes quiet: no change is announced again and again while it is off', async () => {
    const focus = focusMode();
    await focus.start('Write report');
    await focus.settings({ enabled: false });
    const changes = focus.changes();
    await focus.settled();
    await focus.settled();
    expect(focus.changes()).toBe(changes);
  });

  it('disposed before anything ran, cancels nothing', () => {
    expect(() => focusMode().pomodoro.dispose()).not.toThrow();
  });

  it('dispose cancels the alarm', async () => {
    const focus = focusMode();
    await focus.start('Write report');
    focus.pomodoro.dispose();
    expect(focus.clock.scheduled).toBe(0);
    await focus.clock.advance(30 * MIN);
    expect(focus.notices).toEqual([]);
  });
});
