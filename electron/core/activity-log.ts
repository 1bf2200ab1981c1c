// The forgotten-timer rescue's evidence: when the user last used the computer, and when it went to
// sleep or was locked, kept in a small durable file so that it survives a quit, a crash or a reboot.
// `forgottenTimerQuestion` is the rule: a timer that has run across a long stretch without use
// (the night, a weekend, a laptop closed) gets one question, in words, never a silent change.
// main.ts and the web harness create one ActivityLog on the power source and hand it to the core,
// whose TimerRescue (timer-rescue.ts) asks `forgottenTimerQuestion` in the shared time-away prompt.
import path from 'node:path';
import type { EntryView } from '../../shared/domain';
import type { Clock } from './clock';
import { readJsonOrSetAside, writeJsonDurably } from './durable-file';
import type { PowerSource } from './idle-policy';

export interface ActivityRecord {
  /** The last moment of keyboard or mouse input the app saw (epoch ms), or null. */
  readonly lastActiveAt: number | null;
  /** When the computer went to sleep or was locked and has not come back since, or null. */
  readonly awaySince: number | null;
  /** The latest stretch of `quietMinutes` or more without use: from the last input before it to the first after. */
  readonly lastBreak: { readonly from: number; readonly to: number } | null;
  /** The break already asked about (its `from`): asked once, even across restarts. */
  readonly askedAbout: number | null;
}

/** What the core reads of the log (ActivityLog in the app; a double in tests). */
export interface ActivityEvidence {
  readonly current: ActivityRecord;
  markAsked(breakFrom: number): void;
  /** Calls `listener` after each change of the record; returns a function that unsubscribes. */
  onChange(listener: () => void): () => void;
}

export interface ActivityLogOptions {
  readonly dataDir: string;
  readonly clock: Clock;
  readonly source: PowerSource;
  /** How often the idle time is sampled (default one minute). */
  readonly sampleEveryMs?: number;
  /** How long without use counts as a break worth asking about (default 120 minutes). */
  readonly quietMinutes?: number;
}

const FILE = 'activity.json';

const EMPTY: ActivityRecord = { lastActiveAt: null, awaySince: null, lastBreak: null, askedAbout: null };
const finite = (value: unknown): value is number => Number.isFinite(value);
const instant = (value: unknown): value is number | null => value === null || finite(value);

function validate(raw: unknown): ActivityRecord | string {
  // A record written before there was a break, or before askedAbout existed, lacks those fields.
  const { lastActiveAt, awaySince, lastBreak = null, askedAbout = null } = Object(raw) as Record<string, unknown>;
  const gap = Object(lastBreak) as { from?: unknown; to?: unknown };
  if (!instant(lastActiveAt) || !instant(awaySince) || !instant(askedAbout) || (lastBreak !== null && !(finite(gap.from) && finite(gap.to)))) {
    return 'not an activity record: lastActiveAt, awaySince and askedAbout must be instants or null, lastBreak { from, to } or null';
  }
  return { lastActiveAt, awaySince, lastBreak: lastBreak === null ? null : { from: gap.from as number, to: gap.to as number }, askedAbout };
}

export class ActivityLog implements ActivityEvidence {
  private record: ActivityRecord;
  private readonly listeners = new Set<() => void>();
  /** What the file said when the app started: the evidence from before a restart. */
  readonly atStart: ActivityRecord;
  private readonly file: string;
  private cancel!: () => void;
  private readonly unsubscribe: () => void;

  constructor(private readonly options: ActivityLogOptions) {
    this.file = path.join(options.dataDir, FILE);
    const read = readJsonOrSetAside(this.file, validate, options.clock.now());
    this.atStart = read.status === 'ok' ? read.value : EMPTY;
    // A process starting is a computer awake: a sleep recorded before a reboot is over.
    this.record = { ...this.atStart, awaySince: null };
    this.unsubscribe = options.source.onPowerEvent((kind) => {
      if (kind === 'suspend' || kind === 'lock-screen' || kind === 'shutdown') this.save({ ...this.record, lastActiveAt: this.sampleActivity(), awaySince: options.clock.now() });
      else this.save({ ...this.record, awaySince: null });
    });
    this.sample();
  }

  get current(): ActivityRecord {
    return this.record;
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The user answered (or was asked) about the latest break: it is not asked again. */
  markAsked(breakFrom: number): void {
    this.save({ ...this.record, askedAbout: breakFrom });
  }

  dispose(): void {
    this.cancel();
    this.unsubscribe();
  }

  /** The last input: now minus the system's idle time (never earlier than what is recorded). */
  private sampleActivity(): number {
    const at = this.options.clock.now() - this.options.source.systemIdleSeconds() * 1000;
    return Math.max(at, this.record.lastActiveAt ?? -Infinity);
  }

  private sample(): void {
    if (this.record.awaySince === null) {
      const at = this.sampleActivity();
      const before = this.record.lastActiveAt;
      const quiet = (this.options.quietMinutes ?? 120) * 60_000;
      // Input again after a long quiet (the night, a sleep, the app not running): that is a break.
      const lastBreak = before !== null && at - before >= quiet ? { from: before, to: at } : this.record.lastBreak;
      // Written once a minute at most: enough to answer "when did I stop", cheap on the disk.
      if (before === null || at - before >= 60_000) this.save({ ...this.record, lastActiveAt: at, lastBreak });
    }
    this.cancel = this.options.clock.setTimeout(() => this.sample(), this.options.sampleEveryMs ?? 60_000);
  }

  private save(record: ActivityRecord): void {
    this.record = record;
    writeJsonDurably(this.file, record);
    for (const listener of this.listeners) listener();
  }
}

export interface ForgottenTimer {
  readonly entryKey: string;
  /** When the user stopped using the computer: the proposed end. */
  readonly stoppedAt: number;
  readonly text: string;
}

/**
 * The question to ask about a running timer, or null: when the latest break began after the timer
 * started and has not been asked about. A timer started elsewhere (web, phone) during the break is
 * questioned too only if it started before the break: nothing here says when later work stopped.
 */
export function forgottenTimerQuestion(input: {
  readonly running: EntryView | null;
  readonly activity: ActivityRecord;
  readonly formatTime: (at: number) => string;
}): ForgottenTimer | null {
  const { running, activity } = input;
  const gap = activity.lastBreak;
  if (!running || !gap || activity.askedAbout === gap.from) return null;
  if (gap.from <= Date.parse(running.start)) return null;
  return { entryKey: running.key, stoppedAt: gap.from, text: `You stopped using the computer at ${input.formatTime(gap.from)} — end the entry then?` };
}
