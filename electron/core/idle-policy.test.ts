import { describe, expect, it } from 'vitest';
import type { EntryDraft, Result } from '../../shared/domain';
import { FakeClock } from '../../e2e/support/fake-clock';
import {
  applyIdleOperations,
  idleStep,
  IdleWatcher,
  INITIAL_IDLE_STATE,
  resolveIdlePrompt,
  type IdleCommand,
  type IdleEvent,
  type IdleOperationTarget,
  type IdleSettings,
  type IdleState,
  type PowerEventKind,
  type PowerSource,
  type RunningEntry,
} from './idle-policy';
import type { IdlePrompt } from '../../shared/domain';

const MIN = 60_000;
const T0 = Date.parse('2026-03-10T09:00:00Z');
const at = (minutes: number, seconds = 0) => T0 + minutes * MIN + seconds * 1000;
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const defaults: IdleSettings = { thresholdMinutes: 10, stopOnSleep: false, stopOnLock: false, stopOnShutdown: false };
const draft: EntryDraft = { description: 'Deep work', projectId: 'p1', taskId: null, tagIds: ['t1'], billable: true };
const entry = (over: Partial<RunningEntry> = {}): RunningEntry => ({ key: 'e1', start: iso(T0), ...draft, ...over });

/** Feeds events in order; keeps the state and every command. */
class Policy {
  state: IdleState = INITIAL_IDLE_STATE;
  readonly commands: IdleCommand[] = [];
  constructor(public settings: IdleSettings = defaults) {}

  feed(...events: IdleEvent[]): IdleCommand[] {
    const emitted: IdleCommand[] = [];
    for (const event of events) {
      const step = idleStep(this.state, event, this.settings);
      this.state = step.state;
      emitted.push(...step.commands);
    }
    this.commands.push(...emitted);
    return emitted;
  }

  running(over: Partial<RunningEntry> = {}, when = T0): this {
    this.feed({ kind: 'timer', at: when, entry: entry(over) });
    return this;
  }

  power(kind: PowerEventKind, when: number): IdleCommand[] {
    return this.feed({ kind, at: when });
  }

  sample(when: number, idleSeconds: number): IdleCommand[] {
    return this.feed({ kind: 'idle-sample', at: when, idleSeconds });
  }

  /** Samples every 30 s from `from` to `to` (inclusive) for a user whose last input was at `lastInput`. */
  quietSince(lastInput: number, from: number, to: number): IdleCommand[] {
    const out: IdleCommand[] = [];
    for (let t = from; t <= to; t += 30_000) out.push(...this.sample(t, Math.floor((t - lastInput) / 1000)));
    return out;
  }

  prompts(): IdlePrompt[] {
    return this.commands.flatMap((c) => (c.kind === 'prompt' ? [c.prompt] : []));
  }
}

describe('idle: return after a quiet spell while a timer runs', () => {
  it('asks nothing after 9:59 without input, with the default 10-minute threshold', () => {
    const policy = new Policy().running();
    const lastInput = at(5);
    policy.sample(at(5, 10), 10);
    policy.sample(lastInput + 599_000, 599);
    expect(policy.sample(lastInput + 610_000, 3)).toEqual([]);
    expect(policy.commands).toEqual([]);
  });

  it('asks once after exactly 10:00 without input: from the last input to the last moment it was still quiet', () => {
    const policy = new Policy().running();
    const lastInput = at(5);
    policy.sample(at(5, 10), 10);
    expect(policy.sample(lastInput + 600_000, 600)).toEqual([]); // still away: nothing to ask yet
    const commands = policy.sample(lastInput + 615_000, 2);
    expect(commands).toEqual([
      {
        kind: 'prompt',
        prompt: { id: 'idle-1', entryKey: 'e1', entryDescription: 'Deep work', entryStart: iso(T0), idleSince: iso(lastInput), idleUntil: iso(lastInput + 600_000), cause: 'idle' },
      },
    ]);
  });

  it('follows the threshold setting', () => {
    const policy = new Policy({ ...defaults, thresholdMinutes: 1 }).running();
    policy.quietSince(at(1), at(1, 30), at(2)); // 60 s
    expect(policy.sample(at(2, 20), 1)).toHaveLength(1);
  });

  it('never counts time before the timer started', () => {
    const policy = new Policy().running({ start: iso(at(3)) }); // started from the phone while the computer sat idle since 8:55
    policy.sample(at(15), 20 * 60);
    expect(policy.sample(at(15, 30), 1)).toEqual([{ kind: 'prompt', prompt: expect.objectContaining({ idleSince: iso(at(3)), idleUntil: iso(at(15)) }) }]);
    const shorter = new Policy().running({ start: iso(at(3)) });
    shorter.sample(at(12), 20 * 60);
    expect(shorter.sample(at(12, 30), 1)).toEqual([]); // 9 min since the start: under the threshold
  });

  it('reads whole seconds taken at uneven moments as one run', () => {
    const policy = new Policy().running();
    const lastInput = at(1, 0.4);
    for (let t = at(1, 30.9); t <= lastInput + 700_000; t += 30_000 + 350) policy.sample(t, Math.floor((t - lastInput) / 1000));
    policy.sample(lastInput + 720_000, 0);
    expect(policy.prompts()).toHaveLength(1);
    expect(policy.prompts()[0]!.idleSince).toBe(iso(at(1)));
  });

  it('asks nothing for readings while no timer runs, and ignores nonsense readings', () => {
    const policy = new Policy();
    policy.sample(at(20), Number.NaN);
    policy.sample(at(20), -5);
    expect(policy.state.absence).toBeNull();
    policy.sample(at(20), 3600);
    policy.sample(at(21), 1);
    expect(policy.commands).toEqual([]);
  });
});

describe('sleep', () => {
  it('asks once on resume after sleeping across midnight', () => {
    const policy = new Policy().running({ start: '2026-03-10T21:00:00Z' }, Date.parse('2026-03-10T21:00:00Z'));
    expect(policy.power('suspend', Date.parse('2026-03-10T22:30:00Z'))).toEqual([]);
    const commands = policy.power('resume', Date.parse('2026-03-11T06:15:00Z'));
    expect(commands).toEqual([
      {
        kind: 'prompt',
        prompt: expect.objectContaining({ id: 'idle-1', idleSince: '2026-03-10T22:30:00Z', idleUntil: '2026-03-11T06:15:00Z', cause: 'sleep' }),
      },
    ]);
  });

  it('asks nothing after a nap shorter than the threshold', () => {
    const policy = new Policy().running();
    policy.power('suspend', at(20));
    expect(policy.power('resume', at(29, 59))).toEqual([]);
  });

  it('counts from the start of an idle run that had passed the threshold before the computer slept', () => {
    const policy = new Policy().running();
    policy.quietSince(at(10), at(10, 30), at(25)); // 15 min quiet
    policy.power('suspend', at(25, 10));
    expect(policy.power('resume', at(60))[0]).toMatchObject({ kind: 'prompt', prompt: { idleSince: iso(at(10)), idleUntil: iso(at(60)), cause: 'sleep' } });
  });

  it('counts from the suspend when the quiet spell before it was short (reading is not being away)', () => {
    const policy = new Policy().running();
    policy.quietSince(at(10), at(10, 30), at(14)); // 4 min quiet
    policy.power('suspend', at(14, 10));
    expect(policy.power('resume', at(60))[0]).toMatchObject({ kind: 'prompt', prompt: { idleSince: iso(at(14, 10)) } });
  });

  it('does not count the sleep again when the idle time read after waking still includes it', () => {
    const policy = new Policy().running();
    policy.power('suspend', at(20));
    policy.power('resume', at(80));
    // Some systems report the time asleep as idle time; the user is back and types at 81:00.
    policy.sample(at(80, 30), 60 * 60 + 30);
    policy.sample(at(81), 60 * 60 + 60);
    policy.sample(at(81, 30), 5);
    expect(policy.prompts()).toHaveLength(1);
  });

  it('stops the timer at the suspend with stopOnSleep, and asks nothing on resume', () => {
    const policy = new Policy({ ...defaults, stopOnSleep: true }).running();
    expect(policy.power('suspend', at(30))).toEqual([{ kind: 'stop', entryKey: 'e1', at: iso(at(30)), reason: 'sleep' }]);
    expect(policy.power('resume', at(90))).toEqual([]);
  });

  it('with stopOnSleep, stops at the start of an idle run already past the threshold', () => {
    const policy = new Policy({ ...defaults, stopOnSleep: true }).running();
    policy.quietSince(at(10), at(10, 30), at(22));
    expect(policy.power('suspend', at(22, 15))).toEqual([{ kind: 'stop', entryKey: 'e1', at: iso(at(10)), reason: 'sleep' }]);
  });
});

describe('lock', () => {
  it('asks once on unlock after a long lock', () => {
    const policy = new Policy().running();
    policy.power('lock-screen', at(30));
    expect(policy.power('unlock-screen', at(45))).toEqual([{ kind: 'prompt', prompt: expect.objectContaining({ idleSince: iso(at(30)), idleUntil: iso(at(45)), cause: 'lock' }) }]);
  });

  it('lock, then sleep, then resume, then unlock: one prompt, when the user is back', () => {
    const policy = new Policy().running();
    policy.power('lock-screen', at(30));
    policy.power('suspend', at(35));
    expect(policy.power('resume', at(120))).toEqual([]); // still locked: nobody is there yet
    policy.quietSince(at(30), at(120, 30), at(125)); // readings on the lock screen
    expect(policy.power('unlock-screen', at(126))).toEqual([
      { kind: 'prompt', prompt: expect.objectContaining({ id: 'idle-1', idleSince: iso(at(30)), idleUntil: iso(at(126)), cause: 'sleep' }) },
    ]);
    policy.quietSince(at(126), at(126, 30), at(130));
    expect(policy.prompts()).toHaveLength(1);
  });

  it('where the system sends no lock events (Linux): one prompt on resume, extended if the user is still away', () => {
    const policy = new Policy().running();
    policy.power('suspend', at(35));
    expect(policy.power('resume', at(120))).toHaveLength(1);
    policy.quietSince(at(100), at(120, 30), at(140)); // the system's idle time still counts from before the sleep
    policy.sample(at(140, 30), 3); // back at the keyboard
    const prompts = policy.prompts();
    expect(prompts.map((p) => p.id)).toEqual(['idle-1', 'idle-1']);
    expect(prompts[1]).toMatchObject({ idleSince: iso(at(35)), idleUntil: iso(at(140)) });
  });

  it('treats input on a locked screen as the user back when the unlock event never comes', () => {
    const policy = new Policy().running();
    policy.power('lock-screen', at(30));
    policy.quietSince(at(30), at(30, 30), at(50));
    expect(policy.sample(at(50, 30), 2)).toEqual([{ kind: 'prompt', prompt: expect.objectContaining({ idleSince: iso(at(30)), idleUntil: iso(at(50)) }) }]);
    expect(policy.power('unlock-screen', at(51))).toEqual([]);
  });

  it('stops at the lock with stopOnLock; a sleep after that stops nothing more', () => {
    const policy = new Policy({ ...defaults, stopOnLock: true, stopOnSleep: true }).running();
    expect(policy.power('lock-screen', at(30))).toEqual([{ kind: 'stop', entryKey: 'e1', at: iso(at(30)), reason: 'lock' }]);
    policy.feed({ kind: 'timer', at: at(30), entry: null });
    expect(policy.power('suspend', at(31))).toEqual([]);
    expect(policy.power('resume', at(90))).toEqual([]);
    expect(policy.power('unlock-screen', at(91))).toEqual([]);
  });

  it('with stopOnSleep only, a lock then a sleep stops at the lock: the user left then', () => {
    const policy = new Policy({ ...defaults, stopOnSleep: true }).running();
    expect(policy.power('lock-screen', at(30))).toEqual([]);
    expect(policy.power('suspend', at(32))).toEqual([{ kind: 'stop', entryKey: 'e1', at: iso(at(30)), reason: 'sleep' }]);
  });

  it('counts only from the start of a timer started elsewhere while the screen was locked', () => {
    const policy = new Policy();
    policy.power('lock-screen', at(0));
    policy.running({ key: 'web', start: iso(at(20)) }, at(20));
    expect(policy.power('unlock-screen', at(28))).toEqual([]);
    const again = new Policy();
    again.power('lock-screen', at(0));
    again.running({ key: 'web', start: iso(at(20)) }, at(20));
    expect(again.power('unlock-screen', at(31))[0]).toMatchObject({ prompt: { idleSince: iso(at(20)), idleUntil: iso(at(31)) } });
  });
});

describe('shutdown', () => {
  it('stops the running timer at the shutdown with stopOnShutdown', () => {
    const policy = new Policy({ ...defaults, stopOnShutdown: true }).running();
    expect(policy.power('shutdown', at(480))).toEqual([{ kind: 'stop', entryKey: 'e1', at: iso(at(480)), reason: 'shutdown' }]);
  });

  it('without stopOnShutdown leaves it running (as Quit does: it keeps running in Clockify)', () => {
    const policy = new Policy().running();
    expect(policy.power('shutdown', at(480))).toEqual([]);
  });

  it('stops at the start of an idle run past the threshold', () => {
    const policy = new Policy({ ...defaults, stopOnShutdown: true }).running();
    policy.quietSince(at(400), at(400, 30), at(470));
    expect(policy.power('shutdown', at(480))).toEqual([{ kind: 'stop', entryKey: 'e1', at: iso(at(400)), reason: 'shutdown' }]);
  });

  it('stops nothing when no timer runs', () => {
    const policy = new Policy({ ...defaults, stopOnShutdown: true });
    expect(policy.power('shutdown', at(480))).toEqual([]);
  });
});

describe('never a stack of prompts', () => {
  it('extends the open prompt when more away time accumulates before an answer', () => {
    const policy = new Policy().running();
    policy.quietSince(at(10), at(10, 30), at(25));
    policy.sample(at(25, 30), 1); // back: prompt 9:10–9:25
    policy.quietSince(at(26), at(26, 30), at(50)); // gone again without answering
    policy.sample(at(50, 30), 2);
    policy.power('suspend', at(55));
    policy.power('resume', at(90));
    const prompts = policy.prompts();
    expect(prompts.map((p) => p.id)).toEqual(['idle-1', 'idle-1', 'idle-1']);
    expect(prompts.map((p) => [p.idleSince, p.idleUntil])).toEqual([
      [iso(at(10)), iso(at(25))],
      [iso(at(10)), iso(at(50))],
      [iso(at(10)), iso(at(90))],
    ]);
  });

  it('leaves the open prompt alone after a short absence', () => {
    const policy = new Policy().running();
    policy.quietSince(at(10), at(10, 30), at(25));
    policy.sample(at(25, 30), 1);
    policy.quietSince(at(26), at(26, 30), at(30));
    policy.sample(at(30, 30), 1);
    expect(policy.prompts()).toHaveLength(1);
  });

  it('opens a new prompt only after the previous one was answered', () => {
    const policy = new Policy().running();
    policy.power('lock-screen', at(10));
    policy.power('unlock-screen', at(30));
    policy.feed({ kind: 'answer', at: at(31), promptId: 'idle-1', answer: { kind: 'keep' } });
    policy.power('lock-screen', at(40));
    policy.power('unlock-screen', at(60));
    expect(policy.prompts().map((p) => [p.id, p.idleSince])).toEqual([
      ['idle-1', iso(at(10))],
      ['idle-2', iso(at(40))],
    ]);
  });
});

describe('a timer stopped or switched elsewhere', () => {
  it('asks nothing when the timer was stopped (on the web, the phone) while the user was away', () => {
    const policy = new Policy().running();
    policy.quietSince(at(10), at(10, 30), at(30));
    policy.feed({ kind: 'timer', at: at(31), entry: null });
    policy.sample(at(40), 1);
    policy.power('lock-screen', at(41));
    policy.power('unlock-screen', at(70));
    expect(policy.commands).toEqual([]);
  });

  it('closes the open prompt when its timer stops elsewhere', () => {
    const policy = new Policy().running();
    policy.power('suspend', at(10));
    policy.power('resume', at(40));
    expect(policy.feed({ kind: 'timer', at: at(41), entry: null })).toEqual([{ kind: 'close-prompt', promptId: 'idle-1', why: 'timer-changed' }]);
    expect(policy.feed({ kind: 'answer', at: at(42), promptId: 'idle-1', answer: { kind: 'discard' } })).toEqual([]);
  });

  it('closes it when another entry starts', () => {
    const policy = new Policy().running();
    policy.power('suspend', at(10));
    policy.power('resume', at(40));
    expect(policy.feed({ kind: 'timer', at: at(41), entry: entry({ key: 'e2', start: iso(at(41)) }) })).toEqual([{ kind: 'close-prompt', promptId: 'idle-1', why: 'timer-changed' }]);
  });

  it('keeps the prompt when the same entry is merely edited, and restarts it as edited', () => {
    const policy = new Policy().running();
    policy.power('suspend', at(10));
    policy.power('resume', at(40));
    expect(policy.feed({ kind: 'timer', at: at(41), entry: entry({ description: 'Renamed' }) })).toEqual([]);
    const [apply] = policy.feed({ kind: 'answer', at: at(42), promptId: 'idle-1', answer: { kind: 'discard-and-continue' } });
    expect(apply).toMatchObject({ kind: 'apply', operations: [{ op: 'stopAt' }, { op: 'startLike', draft: { ...draft, description: 'Renamed' } }] });
  });

  it('keeps the prompt open when the policy itself stopped the timer on sleep, and its answer still applies', () => {
    const policy = new Policy({ ...defaults, stopOnSleep: true }).running();
    policy.power('lock-screen', at(10));
    policy.power('unlock-screen', at(30)); // prompt 9:10–9:30, not answered
    expect(policy.power('suspend', at(45))).toEqual([{ kind: 'stop', entryKey: 'e1', at: iso(at(45)), reason: 'sleep' }]);
    expect(policy.feed({ kind: 'timer', at: at(45), entry: null })).toEqual([]); // the core confirms the stop
    policy.power('resume', at(100));
    const answered = policy.feed({ kind: 'answer', at: at(101), promptId: 'idle-1', answer: { kind: 'discard' } });
    expect(answered).toEqual([
      { kind: 'apply', promptId: 'idle-1', operations: [{ op: 'stopAt', entryKey: 'e1', at: iso(at(10)) }] },
      { kind: 'close-prompt', promptId: 'idle-1', why: 'answered' },
    ]);
  });
});

describe('answers', () => {
  const prompt: IdlePrompt = { id: 'idle-1', entryKey: 'e1', entryDescription: 'Deep work', entryStart: iso(T0), idleSince: iso(at(30)), idleUntil: iso(at(75)), cause: 'idle' };
  const now = at(76);
  const other: EntryDraft = { description: 'Lunch', projectId: 'p-break', taskId: null, tagIds: [], billable: false };

  it('keep: changes nothing', () => {
    expect(resolveIdlePrompt(prompt, { kind: 'keep' }, now, draft)).toEqual([]);
  });

  it('discard: stops the entry when the user left', () => {
    expect(resolveIdlePrompt(prompt, { kind: 'discard' }, now, draft)).toEqual([{ op: 'stopAt', entryKey: 'e1', at: iso(at(30)) }]);
  });

  it('discard and continue: stops it there and starts the same entry from the return, not from the answer', () => {
    expect(resolveIdlePrompt(prompt, { kind: 'discard-and-continue' }, now, draft)).toEqual([
      { op: 'stopAt', entryKey: 'e1', at: iso(at(30)) },
      { op: 'startLike', entryKey: 'e1', draft, at: iso(at(75)) },
    ]);
  });

  it('give the time to another project: stops, adds the away time as its own entry, resumes from the return', () => {
    expect(resolveIdlePrompt(prompt, { kind: 'reassign', draft: other }, now, draft)).toEqual([
      { op: 'stopAt', entryKey: 'e1', at: iso(at(30)) },
      { op: 'add', draft: other, start: iso(at(30)), end: iso(at(75)) },
      { op: 'startLike', entryKey: 'e1', draft, at: iso(at(75)) },
    ]);
  });

  it('deletes an entry that was away time from its very start, rather than leaving it zero long', () => {
    const whole = { ...prompt, idleSince: prompt.entryStart };
    expect(resolveIdlePrompt(whole, { kind: 'discard' }, now, draft)).toEqual([{ op: 'delete', entryKey: 'e1' }]);
    expect(resolveIdlePrompt(whole, { kind: 'reassign', draft: other }, now, draft).map((o) => o.op)).toEqual(['delete', 'add', 'startLike']);
  });

  it('through the policy: applies the answer to the prompt on the screen and closes it', () => {
    const policy = new Policy().running();
    policy.power('lock-screen', at(30));
    policy.power('unlock-screen', at(75));
    expect(policy.feed({ kind: 'answer', at: now, promptId: 'idle-1', answer: { kind: 'discard-and-continue' } })).toEqual([
      { kind: 'apply', promptId: 'idle-1', operations: [{ op: 'stopAt', entryKey: 'e1', at: iso(at(30)) }, { op: 'startLike', entryKey: 'e1', draft, at: iso(at(75)) }] },
      { kind: 'close-prompt', promptId: 'idle-1', why: 'answered' },
    ]);
    expect(policy.feed({ kind: 'answer', at: now, promptId: 'idle-1', answer: { kind: 'discard' } })).toEqual([]);
  });

  it('keep closes the prompt without operations', () => {
    const policy = new Policy().running();
    policy.power('lock-screen', at(30));
    policy.power('unlock-screen', at(75));
    expect(policy.feed({ kind: 'answer', at: now, promptId: 'idle-1', answer: { kind: 'keep' } })).toEqual([{ kind: 'close-prompt', promptId: 'idle-1', why: 'answered' }]);
  });

  it('ignores an answer to a prompt that is not the open one', () => {
    const policy = new Policy().running();
    policy.power('lock-screen', at(30));
    policy.power('unlock-screen', at(75));
    expect(policy.feed({ kind: 'answer', at: now, promptId: 'idle-7', answer: { kind: 'discard' } })).toEqual([]);
    expect(policy.state.prompt).not.toBeNull();
  });

  it('runs operations in order on the core and stops at the first refusal', () => {
    const calls: string[] = [];
    const okResult: Result<null> = { ok: true, value: null };
    const target = (refuse?: string): IdleOperationTarget => ({
      endEntryAt: (key, when) => (calls.push(`end ${key} ${when}`), refuse === 'end' ? { ok: false, error: { kind: 'locked', message: 'locked', status: 403 } } : okResult),
      deleteEntry: (key) => (calls.push(`delete ${key}`), okResult),
      addEntry: (d, times) => (calls.push(`add ${d.description} ${times.start}-${times.end}`), okResult),
      startTimer: (d) => (calls.push(`start ${d.description}`), okResult),
    });
    const operations = resolveIdlePrompt(prompt, { kind: 'reassign', draft: other }, now, draft);
    expect(applyIdleOperations(target(), operations)).toEqual(okResult);
    expect(calls).toEqual([`end e1 ${iso(at(30))}`, `add Lunch ${iso(at(30))}-${iso(at(75))}`, 'start Deep work']);
    calls.length = 0;
    expect(applyIdleOperations(target('end'), operations)).toMatchObject({ ok: false, error: { kind: 'locked' } });
    expect(calls).toEqual([`end e1 ${iso(at(30))}`]);
  });

  it('deletes on the core an entry that was all away time, then adds and restarts', () => {
    const calls: string[] = [];
    const okResult: Result<null> = { ok: true, value: null };
    const target: IdleOperationTarget = {
      endEntryAt: (key) => (calls.push(`end ${key}`), okResult),
      deleteEntry: (key) => (calls.push(`delete ${key}`), okResult),
      addEntry: (d) => (calls.push(`add ${d.description}`), okResult),
      startTimer: (d, when) => (calls.push(`start ${d.description} ${when}`), okResult),
    };
    const operations = resolveIdlePrompt({ ...prompt, idleSince: prompt.entryStart }, { kind: 'reassign', draft: other }, now, draft);
    expect(applyIdleOperations(target, operations)).toEqual(okResult);
    expect(calls).toEqual(['delete e1', 'add Lunch', `start Deep work ${iso(at(75))}`]);
  });
});

describe('IdleWatcher', () => {
  class FakePower implements PowerSource {
    /** The user's last keyboard or mouse input. */
    lastInput = T0;
    reads = 0;
    constructor(private readonly clock: FakeClock) {}
    listeners = new Set<(kind: PowerEventKind) => void>();
    onPowerEvent(listener: (kind: PowerEventKind) => void) {
      this.listeners.add(listener);
      return () => void this.listeners.delete(listener);
    }
    systemIdleSeconds() {
      this.reads++;
      return Math.floor((this.clock.now() - this.lastInput) / 1000);
    }
    emit(kind: PowerEventKind) {
      for (const listener of this.listeners) listener(kind);
    }
  }

  function watch(settings: IdleSettings = defaults) {
    const clock = new FakeClock(T0);
    const power = new FakePower(clock);
    const commands: IdleCommand[] = [];
    const told = { awayChanged: 0 };
    const watcher = new IdleWatcher({ source: power, clock, settings: () => settings, run: (c) => commands.push(c), awayChanged: () => told.awayChanged++ });
    return { clock, power, commands, watcher, told };
  }

  it('asks about an absence that a timer started on the web ran through, though the app learned of it only after the return', async () => {
    const { clock, power, commands, watcher } = watch();
    power.lastInput = T0 + MIN;
    await clock.advance(22 * MIN); // quiet from 09:01 to 09:22: the readings go on without a timer
    power.lastInput = clock.now(); // back at 09:22
    await clock.advance(60_000);
    expect(commands).toEqual([]);
    // The next reconciliation brings the timer started on the web at 09:00.
    watcher.timerChanged(entry({ key: 'web-1', start: iso(T0) }));
    expect(commands).toEqual([{ kind: 'prompt', prompt: expect.objectContaining({ entryKey: 'web-1', idleSince: iso(T0 + MIN), idleUntil: iso(T0 + 22 * MIN) }) }]);
  });

  it('asks nothing for a timer started after the user came back', async () => {
    const { clock, power, commands, watcher } = watch();
    power.lastInput = T0;
    await clock.advance(30 * MIN);
    power.lastInput = clock.now();
    await clock.advance(60_000);
    watcher.timerChanged(entry({ start: iso(clock.now()) }));
    expect(commands).toEqual([]);
  });

  it('reads the idle time every 30 s, with or without a timer (one may be learned late)', async () => {
    const { clock, power, watcher } = watch();
    watcher.timerChanged(null);
    await clock.advance(5 * MIN);
    expect(power.reads).toBe(10);
    watcher.timerChanged(entry({ start: iso(clock.now()) }));
    await clock.advance(5 * MIN);
    expect(power.reads).toBe(20);
  });

  it('asks once when the user comes back after 12 quiet minutes, and applies the answer', async () => {
    const { clock, power, commands, watcher } = watch();
    watcher.timerChanged(entry({ start: iso(T0) }));
    const lastInput = T0 + MIN + 10_000;
    power.lastInput = lastInput;
    await clock.advance(13 * MIN);
    expect(commands).toEqual([]); // still away
    power.lastInput = clock.now() + 5_000; // back
    await clock.advance(30_000);
    expect(commands).toEqual([{ kind: 'prompt', prompt: expect.objectContaining({ id: 'idle-1', idleSince: iso(lastInput), idleUntil: iso(T0 + 13 * MIN) }) }]);
    expect(watcher.openPrompt?.id).toBe('idle-1');
    watcher.answer('idle-1', { kind: 'discard' });
    expect(commands.slice(1)).toEqual([
      { kind: 'apply', promptId: 'idle-1', operations: [{ op: 'stopAt', entryKey: 'e1', at: iso(lastInput) }] },
      { kind: 'close-prompt', promptId: 'idle-1', why: 'answered' },
    ]);
    expect(watcher.openPrompt).toBeNull();
  });

  it('feeds power events with the clock time, pauses the readings while asleep, and stops on sleep when set', async () => {
    const { clock, power, commands, watcher } = watch({ ...defaults, stopOnSleep: true });
    watcher.timerChanged(entry({ start: iso(T0) }));
    await clock.advance(MIN);
    power.emit('suspend');
    expect(commands).toEqual([{ kind: 'stop', entryKey: 'e1', at: iso(T0 + MIN), reason: 'sleep' }]);
    expect(clock.scheduled).toBe(0);
  });

  it('pauses the readings while asleep and resumes them after', async () => {
    const { clock, power, watcher } = watch();
    watcher.timerChanged(entry({ start: iso(T0) }));
    power.emit('suspend');
    expect(clock.scheduled).toBe(0);
    await clock.advance(30 * MIN);
    power.emit('resume');
    expect(clock.scheduled).toBe(1);
  });

  it.each([
    ['quiet for 9:30, then back', 'idle', 9.5 * MIN, null],
    ['quiet for exactly the threshold, then back', 'idle', 10 * MIN, T0],
    ['locked for a minute', 'lock-screen', MIN, T0 + 5 * MIN],
    ['asleep for a minute', 'suspend', MIN, T0 + 5 * MIN],
  ] as const)('when the user was last away: %s', async (_name, how, length, away) => {
    const { clock, power, watcher, told } = watch();
    if (how === 'idle') {
      await clock.advance(length); // no input since 09:00, read every 30 s
      await clock.advance(15_000);
      power.lastInput = clock.now();
      await clock.advance(15_000);
    } else {
      await clock.advance(5 * MIN);
      power.lastInput = clock.now();
      power.emit(how);
      await clock.advance(length);
      power.lastInput = clock.now();
      power.emit(how === 'suspend' ? 'resume' : 'unlock-screen');
    }
    expect(watcher.lastAway).toBe(away);
    expect(told.awayChanged).toBe(away === null ? 0 : 1);
  });

  it('tells of a change of when the user was last away only when it changes', async () => {
    const { clock, power, watcher, told } = watch();
    await clock.advance(MIN);
    power.emit('lock-screen');
    power.emit('unlock-screen'); // in the same instant: away from 09:01, back at 09:01
    expect([watcher.lastAway, told.awayChanged]).toEqual([T0 + MIN, 1]);
    // Still no input since 09:00: a quiet run counted from 09:01, ending at 09:20.
    await clock.advance(19 * MIN);
    power.lastInput = clock.now();
    await clock.advance(30_000);
    expect([watcher.lastAway, told.awayChanged]).toEqual([T0 + MIN, 1]);
  });

  it('unsubscribes and stops reading on dispose', () => {
    const { clock, power, watcher } = watch();
    watcher.timerChanged(entry());
    watcher.dispose();
    expect(power.listeners.size).toBe(0);
    expect(clock.scheduled).toBe(0);
  });
});

describe('events in an unusual order', () => {
  it('a resume without a sleep, or an unlock without a lock, is not the user coming back', () => {
    const policy = new Policy().running();
    expect(policy.power('unlock-screen', at(5))).toEqual([]);
    expect(policy.power('resume', at(5))).toEqual([]);
    policy.quietSince(at(10), at(10, 30), at(25)); // 15 min quiet, still away
    expect(policy.power('resume', at(25, 10))).toEqual([]);
    expect(policy.power('unlock-screen', at(25, 20))).toEqual([]);
    expect(policy.sample(at(25, 30), 2)).toEqual([{ kind: 'prompt', prompt: expect.objectContaining({ idleSince: iso(at(10)), idleUntil: iso(at(25)), cause: 'idle' }) }]);
  });

  it('the unlock before the resume (the order varies by system): asked at the resume, as a sleep', () => {
    const policy = new Policy().running();
    policy.power('lock-screen', at(30));
    policy.power('suspend', at(35));
    expect(policy.power('unlock-screen', at(120))).toEqual([]);
    expect(policy.power('resume', at(121))).toEqual([{ kind: 'prompt', prompt: expect.objectContaining({ idleSince: iso(at(30)), idleUntil: iso(at(121)), cause: 'sleep' }) }]);
  });

  it('a lock reported after the sleep leaves it a sleep', () => {
    const policy = new Policy().running();
    policy.power('suspend', at(30));
    policy.power('lock-screen', at(30, 1));
    policy.power('resume', at(90));
    expect(policy.power('unlock-screen', at(91))).toEqual([{ kind: 'prompt', prompt: expect.objectContaining({ idleSince: iso(at(30)), idleUntil: iso(at(91)), cause: 'sleep' }) }]);
  });

  it('a reading taken while asleep (the resume still on its way) is not the user back', () => {
    const policy = new Policy().running();
    policy.power('suspend', at(30));
    expect(policy.sample(at(90), 0)).toEqual([]);
    expect(policy.power('resume', at(90))).toEqual([{ kind: 'prompt', prompt: expect.objectContaining({ idleSince: iso(at(30)), idleUntil: iso(at(90)) }) }]);
  });

  it('readings up to 2 s apart are one quiet run; input later than that is the user back', () => {
    const policy = new Policy().running();
    policy.sample(at(20), 600); // quiet since 9:10
    expect(policy.sample(at(20, 32), 630)).toEqual([]); // says 9:10:02: the same run
    expect(policy.sample(at(20, 33), 630)).toEqual([{ kind: 'prompt', prompt: expect.objectContaining({ idleSince: iso(at(10)), idleUntil: iso(at(20, 32)) }) }]);
  });

  it('time up to an answer is never counted again, whatever the idle time read after it says', () => {
    const policy = new Policy().running();
    policy.power('lock-screen', at(10));
    policy.power('unlock-screen', at(30));
    policy.feed({ kind: 'answer', at: at(31), promptId: 'idle-1', answer: { kind: 'keep' } });
    policy.sample(at(45), 20 * 60); // the system last saw input at 9:25, before the answer
    expect(policy.sample(at(46), 1)).toEqual([{ kind: 'prompt', prompt: expect.objectContaining({ id: 'idle-2', idleSince: iso(at(31)), idleUntil: iso(at(45)) }) }]);
  });
});

describe('when the user left, for the stop settings', () => {
  it('a shutdown during a lock stops at the lock', () => {
    const policy = new Policy({ ...defaults, stopOnShutdown: true }).running();
    policy.power('lock-screen', at(30));
    expect(policy.power('shutdown', at(33))).toEqual([{ kind: 'stop', entryKey: 'e1', at: iso(at(30)), reason: 'shutdown' }]);
  });

  it('an idle run of exactly the threshold before a sleep counts from its start', () => {
    const policy = new Policy({ ...defaults, stopOnSleep: true }).running();
    policy.quietSince(at(10), at(10, 30), at(20)); // read quiet 10:00 at 9:20
    expect(policy.power('suspend', at(20, 10))).toEqual([{ kind: 'stop', entryKey: 'e1', at: iso(at(10)), reason: 'sleep' }]);
  });
});

describe('a timer learned after the user came back', () => {
  /** No timer known during a lock from 9:00 to `back`; then the web's timer started at `start` arrives. */
  const learnedLate = (back: number, start: number) => {
    const policy = new Policy();
    policy.power('lock-screen', at(0));
    policy.power('unlock-screen', back);
    return { policy, commands: policy.feed({ kind: 'timer', at: back + MIN, entry: entry({ key: 'web', start: iso(start) }) }) };
  };

  it.each([
    ['an absence of exactly the threshold it ran through', at(10), at(0), { since: at(0), until: at(10) }],
    ['an absence it ran through for the threshold', at(30), at(20), { since: at(20), until: at(30) }],
    ['an absence a minute shorter', at(9), at(0), null],
    ['an absence it ran through for less than the threshold', at(30), at(21), null],
    ['started as the user came back', at(30), at(30), null],
    ['started after', at(30), at(30, 30), null],
  ])('%s', (_name, back, start, asked) => {
    const { commands } = learnedLate(back, start);
    expect(commands).toEqual(asked ? [{ kind: 'prompt', prompt: expect.objectContaining({ id: 'idle-1', entryKey: 'web', idleSince: iso(asked.since), idleUntil: iso(asked.until) }) }] : []);
  });

  it('its question is answered like any other, and the next one is a new prompt', () => {
    const { policy } = learnedLate(at(30), at(0));
    expect(policy.feed({ kind: 'answer', at: at(32), promptId: 'idle-1', answer: { kind: 'discard' } })).toEqual([
      { kind: 'apply', promptId: 'idle-1', operations: [{ op: 'delete', entryKey: 'web' }] }, // away from its very start
      { kind: 'close-prompt', promptId: 'idle-1', why: 'answered' },
    ]);
    policy.power('lock-screen', at(40));
    expect(policy.power('unlock-screen', at(60))).toEqual([{ kind: 'prompt', prompt: expect.objectContaining({ id: 'idle-2', entryKey: 'web', idleSince: iso(at(40)) }) }]);
  });
});

describe('the prompt and the timer it is about', () => {
  it('a stop on sleep that did not happen (the timer still runs) keeps the prompt', () => {
    const policy = new Policy({ ...defaults, stopOnSleep: true }).running();
    policy.power('lock-screen', at(10));
    policy.power('unlock-screen', at(30));
    policy.power('suspend', at(45)); // stop at 9:45, refused by Clockify: the core still shows e1 running
    policy.power('resume', at(46));
    expect(policy.feed({ kind: 'timer', at: at(47), entry: entry() })).toEqual([]);
    expect(policy.feed({ kind: 'answer', at: at(48), promptId: 'idle-1', answer: { kind: 'discard' } })[0]).toEqual({ kind: 'apply', promptId: 'idle-1', operations: [{ op: 'stopAt', entryKey: 'e1', at: iso(at(10)) }] });
  });

  it('after the prompt closed for another entry, an absence during that entry is asked about it', () => {
    const policy = new Policy().running();
    policy.power('suspend', at(10));
    policy.power('resume', at(40));
    policy.feed({ kind: 'timer', at: at(41), entry: entry({ key: 'e2', start: iso(at(41)) }) });
    policy.power('lock-screen', at(50));
    expect(policy.power('unlock-screen', at(70))).toEqual([{ kind: 'prompt', prompt: expect.objectContaining({ id: 'idle-2', entryKey: 'e2', idleSince: iso(at(50)), idleUntil: iso(at(70)) }) }]);
  });
});
