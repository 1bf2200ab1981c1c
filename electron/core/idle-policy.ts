// What the app does when the user is away while a timer runs: idle, screen locked, asleep, or the
// system shutting down. A pure state machine over events with explicit timestamps; it returns
// commands for the shell (show one prompt, stop the timer) and, once the user answers the prompt,
// the entry operations for the core. `IdleWatcher` below feeds it from a `PowerSource` and a Clock.
//
// Rules:
// - Away = no keyboard/mouse input (from the system idle time, sampled while a timer runs), the
//   screen locked, or the computer asleep. An idle run that had already reached the threshold when
//   the screen locked or the computer slept counts from its start.
// - On return from an absence of at least `thresholdMinutes` while a timer runs: ONE prompt. While a
//   prompt is open, further absences of at least the threshold extend it (same id, later end); they
//   never open a second one.
// - stopOnSleep / stopOnLock / stopOnShutdown stop the running timer at the moment the user left:
//   the suspend/lock/shutdown moment, or the start of an idle run already past the threshold.
// - A timer stopped or switched elsewhere closes the prompt about it; with no timer nothing is asked.
// - The idle time is read whether or not a timer is known: a timer started on the web or the phone
//   reaches the app only at its next reconciliation, possibly after the user is back. The last
//   absence is remembered, so a timer learned late that ran through it still gets its question.
// - "Discard and continue" and "give it to another project" resume at the moment the user came
//   back, not when the answer is given: the minutes spent answering are work, not lost.
import type { AwayCause, EntryDraft, EntryView, IdleAnswer, IdlePrompt, Result } from '../../shared/domain';
import type { AppSettings } from '../../shared/settings';
import { toClockifyInstant } from '../../shared/time/wire-format';
import type { Clock } from './clock';

export type IdleSettings = AppSettings['idle'];

/** Electron's powerMonitor events (lock/unlock are only emitted on macOS and Windows). */
export type PowerEventKind = 'suspend' | 'resume' | 'lock-screen' | 'unlock-screen' | 'shutdown';

/** What the policy needs to know about the running entry: the snapshot's `timer.entry` fits. */
export type RunningEntry = Pick<EntryView, 'key' | 'start' | keyof EntryDraft>;

export type IdleEvent =
  | Readonly<{ kind: PowerEventKind; at: number }>
  /** The system's idle time (seconds since the last keyboard or mouse input) read at `at`. */
  | Readonly<{ kind: 'idle-sample'; at: number; idleSeconds: number }>
  /** The running entry as the core shows it now (null: no timer runs). */
  | Readonly<{ kind: 'timer'; at: number; entry: RunningEntry | null }>
  | Readonly<{ kind: 'answer'; at: number; promptId: string; answer: IdleAnswer }>;

export type IdleOperation =
  /** End the entry at `at`: stop it there while it runs, or move its end back if it already ended later. */
  | Readonly<{ op: 'stopAt'; entryKey: string; at: string }>
  /** The whole entry was away time: delete it rather than leave a zero-length entry. */
  | Readonly<{ op: 'delete'; entryKey: string }>
  /** A finished entry. */
  | Readonly<{ op: 'add'; draft: EntryDraft; start: string; end: string }>
  /** Start a timer with the same description, project, task, tags and billable as `entryKey`, at `at` (= now). */
  | Readonly<{ op: 'startLike'; entryKey: string; draft: EntryDraft; at: string }>;

export type IdleCommand =
  /** Show the prompt, or update the open one with the same id in place (never a second one). */
  | Readonly<{ kind: 'prompt'; prompt: IdlePrompt }>
  | Readonly<{ kind: 'close-prompt'; promptId: string; why: 'answered' | 'timer-changed' }>
  /** Stop the running entry at `at` (a moment in the past or now). */
  | Readonly<{ kind: 'stop'; entryKey: string; at: string; reason: 'sleep' | 'lock' | 'shutdown' }>
  /** Carry out these operations in order; stop at the first that fails and tell the user. */
  | Readonly<{ kind: 'apply'; promptId: string; operations: readonly IdleOperation[] }>;

interface Timer {
  readonly key: string;
  readonly start: number;
  readonly description: string;
  readonly draft: EntryDraft;
}

/** One stretch of the user being away, from `since` to at least `seen`. */
interface Absence {
  readonly since: number;
  /** The last moment the user is known to have been still away. */
  readonly seen: number;
  readonly lockedAt: number | null;
  readonly asleepAt: number | null;
  readonly cause: AwayCause;
}

interface OpenPrompt {
  readonly id: string;
  readonly timer: Timer;
  readonly since: number;
  readonly until: number;
  readonly cause: AwayCause;
}

export interface IdleState {
  readonly timer: Timer | null;
  readonly absence: Absence | null;
  readonly prompt: OpenPrompt | null;
  /** Time before this moment was already asked about (or the user was back): it never counts again. */
  readonly accountedUntil: number;
  readonly promptsOpened: number;
  /** The last absence that ended while no timer was known (a timer may still turn out to have run through it). */
  readonly lastAbsence?: Readonly<{ since: number; until: number; cause: AwayCause }> | null;
}

export interface IdleStep {
  readonly state: IdleState;
  readonly commands: readonly IdleCommand[];
}

/** Idle seconds are whole seconds read at slightly uneven moments: two readings of one run differ by up to ~1 s. */
const SAME_RUN_TOLERANCE_MS = 2_000;

export const INITIAL_IDLE_STATE: IdleState = { timer: null, absence: null, prompt: null, accountedUntil: Number.NEGATIVE_INFINITY, promptsOpened: 0 };

export function idleStep(state: IdleState, event: IdleEvent, settings: IdleSettings): IdleStep {
  const threshold = settings.thresholdMinutes * 60_000;
  switch (event.kind) {
    case 'idle-sample':
      return sample(state, event.at, event.idleSeconds, threshold);
    case 'suspend':
      return leave(state, event.at, 'sleep', settings.stopOnSleep, threshold);
    case 'lock-screen':
      return leave(state, event.at, 'lock', settings.stopOnLock, threshold);
    case 'shutdown':
      return settings.stopOnShutdown && state.timer ? stopRunning(state, awayStart(state.absence, event.at, threshold), 'shutdown') : unchanged(state);
    case 'resume': {
      const absence = state.absence;
      if (absence?.asleepAt == null) return unchanged(state);
      const awake = { ...absence, asleepAt: null, seen: event.at };
      return awake.lockedAt === null ? comeBack(state, awake, event.at, threshold) : unchanged({ ...state, absence: awake });
    }
    case 'unlock-screen': {
      const absence = state.absence;
      if (absence?.lockedAt == null) return unchanged(state);
      const unlocked = { ...absence, lockedAt: null, seen: event.at };
      return unlocked.asleepAt === null ? comeBack(state, unlocked, event.at, threshold) : unchanged({ ...state, absence: unlocked });
    }
    case 'timer':
      return timerChanged(state, event.entry, threshold);
    case 'answer': {
      const prompt = state.prompt;
      if (!prompt || prompt.id !== event.promptId) return unchanged(state);
      const operations = resolveIdlePrompt(toPrompt(prompt), event.answer, event.at, prompt.timer.draft);
      const commands: IdleCommand[] = operations.length > 0 ? [{ kind: 'apply', promptId: prompt.id, operations }] : [];
      commands.push({ kind: 'close-prompt', promptId: prompt.id, why: 'answered' });
      return { state: { ...state, prompt: null, accountedUntil: Math.max(state.accountedUntil, event.at) }, commands };
    }
  }
}

/**
 * The operations that carry out an answer, for the core to run in order. `now` is the moment of
 * the answer; `draft` is what the entry is about (for starting it again).
 */
export function resolveIdlePrompt(prompt: IdlePrompt, answer: IdleAnswer, now: number, draft: EntryDraft): IdleOperation[] {
  const end: IdleOperation = Date.parse(prompt.idleSince) <= Date.parse(prompt.entryStart) ? { op: 'delete', entryKey: prompt.entryKey } : { op: 'stopAt', entryKey: prompt.entryKey, at: prompt.idleSince };
  // Resumed from the moment the user came back (never later than now): answering took work time, not away time.
  const again: IdleOperation = { op: 'startLike', entryKey: prompt.entryKey, draft, at: iso(Math.min(now, Date.parse(prompt.idleUntil))) };
  switch (answer.kind) {
    case 'keep':
      return [];
    case 'discard':
      return [end];
    case 'discard-and-continue':
      return [end, again];
    case 'reassign':
      return [end, { op: 'add', draft: answer.draft, start: prompt.idleSince, end: prompt.idleUntil }, again];
    case 'end-at':
      // The core checked that `at` lies after the start and not in the future.
      return [{ op: 'stopAt', entryKey: prompt.entryKey, at: answer.at }];
  }
}

/** What the core must offer to carry out the operations (AppCore, once it has `endEntryAt`). */
export interface IdleOperationTarget {
  /** Stops the entry at `at` while it runs, or moves its end back to `at` when it already ended later. */
  endEntryAt(entryKey: string, at: string): Result<null>;
  deleteEntry(entryKey: string): Result<null>;
  addEntry(draft: EntryDraft, times: { start: string; end: string }): Result<null>;
  /** Starts a timer at `at` (the moment the user came back; not in the future). */
  startTimer(draft: EntryDraft, at?: string): Result<null>;
}

/** Runs the operations in order and stops at the first refusal, which it returns. */
export function applyIdleOperations(target: IdleOperationTarget, operations: readonly IdleOperation[]): Result<null> {
  for (const operation of operations) {
    const result = runOperation(target, operation);
    if (!result.ok) return result;
  }
  return { ok: true, value: null };
}

function runOperation(target: IdleOperationTarget, operation: IdleOperation): Result<null> {
  switch (operation.op) {
    case 'stopAt':
      return target.endEntryAt(operation.entryKey, operation.at);
    case 'delete':
      return target.deleteEntry(operation.entryKey);
    case 'add':
      return target.addEntry(operation.draft, { start: operation.start, end: operation.end });
    case 'startLike':
      return target.startTimer(operation.draft, operation.at);
  }
}

// --- transitions -----------------------------------------------------------------------------

function unchanged(state: IdleState): IdleStep {
  return { state, commands: [] };
}

/** A reading of the system idle time, with or without a timer. Ignored while the computer sleeps. */
function sample(state: IdleState, at: number, idleSeconds: number, threshold: number): IdleStep {
  if (!Number.isFinite(idleSeconds) || idleSeconds < 0) return unchanged(state);
  const absence = state.absence;
  if (absence?.asleepAt != null) return unchanged(state);
  const lastInput = at - idleSeconds * 1000;
  const fresh = (): Absence => ({ since: Math.max(lastInput, state.accountedUntil), seen: at, lockedAt: null, asleepAt: null, cause: 'idle' });
  if (!absence) return unchanged({ ...state, absence: fresh() });
  const startOfRun = absence.lockedAt ?? absence.since;
  if (lastInput <= startOfRun + SAME_RUN_TOLERANCE_MS) return unchanged({ ...state, absence: { ...absence, seen: at } });
  // Input since the run began (on a locked screen: the unlock event was missed): the user came
  // back after the last moment we knew them away. Counting to that moment never overstates.
  const back = comeBack(state, absence, absence.seen, threshold);
  return { state: { ...back.state, absence: fresh() }, commands: back.commands };
}

/** The screen locks or the computer goes to sleep. */
function leave(state: IdleState, at: number, cause: 'lock' | 'sleep', stop: boolean, threshold: number): IdleStep {
  const current = state.absence;
  const since = awayStart(current, at, threshold);
  const absence: Absence = {
    since,
    seen: at,
    lockedAt: cause === 'lock' ? (current?.lockedAt ?? at) : (current?.lockedAt ?? null),
    asleepAt: cause === 'sleep' ? at : (current?.asleepAt ?? null),
    // An idle run's cause is 'idle', weaker than either: a lock or sleep after it names the absence.
    cause: current ? strongest(current.cause, cause) : cause,
  };
  const next = { ...state, absence };
  return stop && state.timer ? stopRunning(next, since, cause) : unchanged(next);
}

/**
 * When the user left, seen from a moment `at` when they are certainly away: the start of the
 * current absence if it is a lock or sleep, or an idle run that had reached the threshold; else `at`.
 */
function awayStart(absence: Absence | null, at: number, threshold: number): number {
  if (!absence) return at;
  if (absence.lockedAt !== null || absence.asleepAt !== null) return absence.since;
  return absence.seen - absence.since >= threshold ? absence.since : at;
}

function stopRunning(state: IdleState, at: number, reason: 'sleep' | 'lock' | 'shutdown'): IdleStep {
  const timer = state.timer!;
  const stopAt = Math.max(at, timer.start, state.accountedUntil);
  return { state: { ...state, timer: null }, commands: [{ kind: 'stop', entryKey: timer.key, at: iso(stopAt), reason }] };
}

/** The user is back at `returnedAt`: ask about the absence if it was long enough and a timer ran through it. */
function comeBack(state: IdleState, absence: Absence, returnedAt: number, threshold: number): IdleStep {
  const settled = { ...state, absence: null, accountedUntil: Math.max(state.accountedUntil, returnedAt) };
  const timer = state.timer;
  if (!timer) {
    // Remembered: a timer started elsewhere may be learned only now that the user is back (timerChanged
    // asks only if the timer ran through the threshold of it).
    return unchanged({ ...settled, lastAbsence: { since: Math.max(absence.since, state.accountedUntil), until: returnedAt, cause: absence.cause } });
  }
  const since = Math.max(absence.since, timer.start, state.accountedUntil);
  if (returnedAt - since < threshold) return unchanged(settled);
  const open = state.prompt;
  // Never a second prompt: a further absence extends the open one (always about this timer: a
  // timer changed elsewhere closes it).
  const extending = open !== null;
  const prompt: OpenPrompt = extending
    ? { ...open, timer, until: Math.max(open.until, returnedAt) }
    : { id: `idle-${state.promptsOpened + 1}`, timer, since, until: returnedAt, cause: absence.cause };
  const promptsOpened = extending ? state.promptsOpened : state.promptsOpened + 1;
  return { state: { ...settled, prompt, promptsOpened }, commands: [{ kind: 'prompt', prompt: toPrompt(prompt) }] };
}

function timerChanged(state: IdleState, entry: RunningEntry | null, threshold: number): IdleStep {
  const timer: Timer | null = entry ? { key: entry.key, start: Date.parse(entry.start), description: entry.description, draft: draftOf(entry) } : null;
  if (state.timer?.key === timer?.key) {
    // The same entry, perhaps renamed: an answer restarts it as it is now.
    const prompt = timer && state.prompt?.timer.key === timer.key ? { ...state.prompt, timer: { ...timer, start: state.prompt.timer.start } } : state.prompt;
    return unchanged({ ...state, timer, prompt });
  }
  const absence = state.absence;
  const prompt = state.prompt;
  if (prompt && prompt.timer.key !== timer?.key) {
    return { state: { ...state, timer, absence, prompt: null }, commands: [{ kind: 'close-prompt', promptId: prompt.id, why: 'timer-changed' }] };
  }
  // A timer learned after the user came back (started on the web or the phone) that ran through
  // the last absence: ask about that absence now.
  const last = state.lastAbsence;
  if (timer && last && !prompt) {
    const since = Math.max(last.since, timer.start);
    if (last.until - since >= threshold) {
      const opened: OpenPrompt = { id: `idle-${state.promptsOpened + 1}`, timer, since, until: last.until, cause: last.cause };
      return {
        state: { ...state, timer, absence, lastAbsence: null, prompt: opened, promptsOpened: state.promptsOpened + 1 },
        commands: [{ kind: 'prompt', prompt: toPrompt(opened) }],
      };
    }
  }
  // A timer known since the absence ended (or none now, after one was known): the absence is settled.
  return unchanged({ ...state, timer, absence, lastAbsence: null });
}

/** Weakest first. */
const CAUSES: readonly AwayCause[] = ['idle', 'lock', 'sleep'];

function strongest(a: AwayCause, b: AwayCause): AwayCause {
  return CAUSES[Math.max(CAUSES.indexOf(a), CAUSES.indexOf(b))]!;
}

function toPrompt(prompt: OpenPrompt): IdlePrompt {
  return {
    id: prompt.id,
    entryKey: prompt.timer.key,
    entryDescription: prompt.timer.description,
    entryStart: iso(prompt.timer.start),
    idleSince: iso(prompt.since),
    idleUntil: iso(prompt.until),
    cause: prompt.cause,
  };
}

export function draftOf(entry: RunningEntry): EntryDraft {
  return { description: entry.description, projectId: entry.projectId, taskId: entry.taskId, tagIds: entry.tagIds, billable: entry.billable };
}

function iso(ms: number): string {
  return toClockifyInstant(new Date(ms));
}

// --- the driver --------------------------------------------------------------------------------

/** The system's power events and idle time (Electron's powerMonitor in the app; a fake in tests). */
export interface PowerSource {
  /** Calls `listener` for each power event; returns a function that unsubscribes. */
  onPowerEvent(listener: (kind: PowerEventKind) => void): () => void;
  /** Seconds since the last keyboard or mouse input. */
  systemIdleSeconds(): number;
  /** Set where this session cannot tell idle time (systemIdleSeconds stays 0): why, in words. */
  readonly idleUnavailable?: string;
}

export interface IdleWatcherOptions {
  readonly source: PowerSource;
  readonly clock: Clock;
  /** Read at every event, so a changed setting applies at once. */
  readonly settings: () => IdleSettings;
  /** Carries out a command (show/update/close the prompt, stop the timer, apply an answer). */
  readonly run: (command: IdleCommand) => void;
  /** How often the idle time is read while a timer runs (default 30 s). */
  readonly sampleEveryMs?: number;
  /** Told when `lastAway` changes (the user came back from an absence). */
  readonly awayChanged?: () => void;
}

/**
 * Holds the policy's state and feeds it: power events as they come, the system idle time every
 * 30 s (never while the computer sleeps), timer changes and answers from the shell.
 */
export class IdleWatcher {
  private state: IdleState = INITIAL_IDLE_STATE;
  private cancelSample: (() => void) | null = null;
  private readonly unsubscribe: () => void;

  constructor(private readonly options: IdleWatcherOptions) {
    this.unsubscribe = options.source.onPowerEvent((kind) => this.feed({ kind, at: options.clock.now() }));
    this.scheduleSample();
  }

  /** Tell it the running entry after every change (the snapshot's `timer`); repeats are cheap. */
  timerChanged(entry: RunningEntry | null): void {
    this.feed({ kind: 'timer', at: this.options.clock.now(), entry });
  }

  answer(promptId: string, answer: IdleAnswer): void {
    this.feed({ kind: 'answer', at: this.options.clock.now(), promptId, answer });
  }

  /** The prompt on the screen, if any (for a window that opens after it was sent). */
  get openPrompt(): IdlePrompt | null {
    return this.state.prompt ? toPrompt(this.state.prompt) : null;
  }

  dispose(): void {
    this.unsubscribe();
    this.cancelSample?.();
    this.cancelSample = null;
  }

  /** When the user last went away (idle past the threshold, locked, asleep) and came back since (epoch ms), or null. */
  get lastAway(): number | null {
    return this.lastAwaySince;
  }

  private lastAwaySince: number | null = null;

  private feed(event: IdleEvent): void {
    const settings = this.options.settings();
    const before = this.state.absence;
    const step = idleStep(this.state, event, settings);
    this.state = step.state;
    const after = step.state.absence;
    // A run of absence ended (the user is back): remember when it began, if it counted as away.
    if (before && after?.since !== before.since) {
      const away = before.lockedAt !== null || before.asleepAt !== null || before.seen - before.since >= settings.thresholdMinutes * 60_000;
      if (away && before.since !== this.lastAwaySince) {
        this.lastAwaySince = before.since;
        this.options.awayChanged?.();
      }
    }
    this.scheduleSample();
    for (const command of step.commands) this.options.run(command);
  }

  private scheduleSample(): void {
    // Read with or without a timer (a timer started elsewhere is learned late): never while asleep.
    const wanted = this.state.absence?.asleepAt == null;
    if (!wanted) {
      this.cancelSample?.();
      this.cancelSample = null;
      return;
    }
    if (this.cancelSample) return;
    this.cancelSample = this.options.clock.setTimeout(() => {
      this.cancelSample = null;
      this.feed({ kind: 'idle-sample', at: this.options.clock.now(), idleSeconds: this.options.source.systemIdleSeconds() });
    }, this.options.sampleEveryMs ?? 30_000);
  }
}
