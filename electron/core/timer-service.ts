// The commands of the running timer and the recent entries. Each command checks what the server
// would refuse, writes its intents to the journal (the view updates at once) and wakes the outbox.
import type { EntryDraft, EntryView, Result, UserError, WorkspaceOption } from '../../shared/domain';
import { checkTimes, checkWorkspaceRules } from '../../shared/entry-rules';
import { entryTypeLabel, mayChange, mayContinue } from '../../shared/entry-types';
import { RESUME_WINDOW_MS, previousEntry, resumableEntry } from '../../shared/running-timer';
import { toClockifyInstant } from '../../shared/time/wire-format';
import type { Clock } from './clock';
import { timerOf } from './entry-model';
import type { EntryStore } from './entry-store';
import type { EntryFields, Intent } from './intents';

export interface TimerServiceDeps {
  readonly entries: EntryStore;
  readonly clock: Clock;
  readonly workspace: () => WorkspaceOption | null;
  /** Wakes the outbox after intents were written. */
  readonly send: () => void;
  readonly newId: () => string;
  /** An instant as the user reads times ("09:10", "9:10 AM"), for messages. */
  readonly formatTime: (instant: string) => string;
}

const ok: Result<null> = { ok: true, value: null };
const fail = (message: string, field?: UserError['field']): Result<null> => ({ ok: false, error: { kind: 'invalid', message, status: null, ...(field ? { field } : {}) } });

export class TimerService {
  /** What a delete removed, so that it can be undone. */
  private readonly deleted = new Map<string, EntryFields>();
  /** Inside `atomically`: the outbox is woken once all its commands are written. */
  private holdSend = false;

  constructor(private readonly deps: TimerServiceDeps) {}

  timer() {
    return timerOf(this.deps.entries.view(), this.deps.entries.intents);
  }

  /**
   * Starts a timer now, or at `from` (a past moment, never after now); a running one is stopped at
   * the same instant (no gap, no overlap).
   */
  start(draft: EntryDraft, from?: string): Result<null> {
    const workspace = this.deps.workspace();
    if (!workspace) return fail('Choose a workspace first.');
    const refused = checkWorkspaceRules(draft, workspace.rules, workspace.name) ?? this.blockedStop();
    if (refused) return { ok: false, error: refused };
    const now = this.now();
    const timer = this.timer();
    // Not before the running entry's start: a stop there would make it negative.
    const earliest = timer.status === 'running' ? timer.entry.start : null;
    // Compared as instants, not as text: `from` may carry an offset or milliseconds.
    const past = from && Date.parse(from) < this.deps.clock.now() ? from : null;
    const at = past ? (earliest && Date.parse(past) < Date.parse(earliest) ? earliest : instant(past)) : now;
    const intents: Intent[] = [];
    if (timer.status === 'running') intents.push(this.intent(timer.entry.key, timer.entry.workspaceId, { kind: 'stop', end: at }));
    intents.push(this.intent(`l-${this.deps.newId()}`, workspace.id, { kind: 'create', fields: { ...draft, ...NEW_ENTRY, workspaceId: workspace.id, start: at, end: null } }));
    return this.write(...intents);
  }

  stop(): Result<null> {
    const timer = this.timer();
    if (timer.status !== 'running') return fail('No timer is running.');
    const end = this.now();
    return this.write(this.intent(timer.entry.key, timer.entry.workspaceId, { kind: 'stop', end: end > timer.entry.start ? end : timer.entry.start }));
  }

  /** Stops a timer running in another account: the stop is that account's change, sent with its key. */
  stopIn(accountId: string, entry: EntryView): Result<null> {
    const end = this.now();
    return this.write({ ...this.intent(entry.key, entry.workspaceId, { kind: 'stop', end: end > entry.start ? end : entry.start }), accountId });
  }

  /**
   * Ends an entry at `at`: stops it there while it runs (never before its start, never after now),
   * or moves its end back when it ended later. Used when the user was away or the computer slept.
   */
  endEntryAt(key: string, at: string): Result<null> {
    const entry = this.deps.entries.find(key);
    if (!entry) return fail('That entry is no longer in the recent list.');
    const when = Math.min(Math.max(Date.parse(at), Date.parse(entry.start)), this.deps.clock.now());
    const end = instant(new Date(when).toISOString());
    if (entry.end === null) return this.write(this.intent(entry.key, entry.workspaceId, { kind: 'stop', end }));
    if (Date.parse(entry.end) <= when) return ok;
    return this.update(entry.key, draftOf(entry), { start: entry.start, end });
  }

  /** Starts a new timer with the description, project, task, tags and billable of an entry. */
  continueEntry(key: string): Result<null> {
    const entry = this.deps.entries.find(key);
    if (!entry) return fail('That entry is no longer in the recent list.');
    if (!mayContinue(entry.type)) return fail(`${typeName(entry)} is not work to continue: start a new timer instead.`);
    return this.start(draftOf(entry));
  }

  /** Throws the running entry away (deleted, not stopped). */
  discard(): Result<null> {
    const timer = this.timer();
    if (timer.status !== 'running') return fail('No timer is running.');
    return this.delete(timer.entry.key);
  }

  /** Changes what the running entry is about; also how a stop the server refused is completed. */
  updateRunning(draft: EntryDraft): Result<null> {
    const refusedStop = this.deps.entries.intents.find((intent) => intent.kind === 'stop' && intent.problem);
    const timer = this.timer();
    const entry = refusedStop ? this.deps.entries.find(refusedStop.key) : timer.status === 'running' ? timer.entry : undefined;
    if (!entry) return fail('No timer is running.');
    return this.update(entry.key, draft, { start: entry.start, end: refusedStop?.kind === 'stop' ? refusedStop.end : null });
  }

  /**
   * Moves the running entry's start to `at` (a past moment), or to the end of the entry before it
   * ("since my last entry ended"). Never in the future, never at or before the previous entry's
   * start; a previous entry that ended after the new start is ended there (no overlap).
   */
  moveStart(at: string | 'last-entry-end'): Result<null> {
    const timer = this.timer();
    if (timer.status !== 'running') return fail('No timer is running.');
    const entry = timer.entry;
    const previous = this.previousEntry(entry);
    if (at === 'last-entry-end' && !previous?.end) return fail('There is no earlier entry to start from: type the start time instead.', 'start');
    const start = at === 'last-entry-end' ? previous!.end! : at;
    const when = Date.parse(start);
    if (Number.isNaN(when)) return fail('Enter a start time such as 9:10 or -20m.', 'start');
    const now = this.deps.clock.now();
    if (when > now) return fail(`${this.deps.formatTime(start)} is still to come (it is ${this.deps.formatTime(this.now())}): a running timer starts in the past. Nothing was changed.`, 'start');
    if (previous && when <= Date.parse(previous.start)) {
      return fail(`That is before your previous entry “${previous.description || 'no description'}” began (${this.deps.formatTime(previous.start)}): choose a later start, or edit that entry first. Nothing was changed.`, 'start');
    }
    if (previous?.end && Date.parse(previous.end) > when) {
      const trimmed = this.update(previous.key, draftOf(previous), { start: previous.start, end: start });
      if (!trimmed.ok) return trimmed;
    }
    return this.update(entry.key, draftOf(entry), { start, end: null });
  }

  /** The finished entry before `entry`: it bounds a moved start. */
  previousEntry(entry: EntryView): EntryView | undefined {
    return previousEntry(this.deps.entries.view(), entry);
  }

  /** Stops the running timer at a past moment `at` (after its start, not in the future). */
  stopAt(at: string): Result<null> {
    const timer = this.timer();
    if (timer.status !== 'running') return fail('No timer is running.');
    const when = Date.parse(at);
    if (Number.isNaN(when)) return fail('Enter the time it ended, such as 17:30 or -20m.', 'end');
    if (when > this.deps.clock.now()) return fail(`${this.deps.formatTime(at)} is still to come: stop at a time that has passed, or press Stop. The timer is still running.`, 'end');
    if (when <= Date.parse(timer.entry.start)) return fail(`The timer began at ${this.deps.formatTime(timer.entry.start)}: stop it at a later time. The timer is still running.`, 'end');
    return this.write(this.intent(timer.entry.key, timer.entry.workspaceId, { kind: 'stop', end: instant(at) }));
  }

  /**
   * Runs the entry stopped last again, as if it had never stopped: a stop still waiting is simply
   * dropped, else the entry is replaced without an end (Clockify's PUT without `end`).
   */
  resume(key: string): Result<null> {
    const entry = this.deps.entries.find(key);
    if (!entry) return fail('That entry is no longer in the recent list.');
    if (this.timer().status === 'running') return fail('A timer is running: stop it first, or use Continue to start this one instead.');
    const refused = this.blockedStop();
    if (refused) return { ok: false, error: refused };
    if (resumableEntry(this.deps.entries.view(), this.deps.clock.now())?.key !== entry.key) {
      return fail(`Only the last entry can be resumed, within ${RESUME_WINDOW_MS / 60_000} minutes of its end: use Continue to start it again as a new entry.`);
    }
    const waitingStop = this.deps.entries.intents.find((intent) => intent.kind === 'stop' && intent.key === key && !intent.problem && !this.isSending(intent));
    if (waitingStop) return this.rewrite((intents) => intents.filter((intent) => intent.id !== waitingStop.id));
    return this.update(entry.key, draftOf(entry), { start: entry.start, end: null });
  }

  /** Adds a finished entry; `kept` carries a copied entry's type and custom field values (a split's second half, a duplicate). */
  add(draft: EntryDraft, times: { start: string; end: string }, kept: Pick<EntryFields, 'type' | 'customFields'> = NEW_ENTRY): Result<null> {
    const workspace = this.deps.workspace();
    if (!workspace) return fail('Choose a workspace first.');
    const refused = checkTimes(times.start, times.end) ?? checkWorkspaceRules(draft, workspace.rules, workspace.name);
    if (refused) return { ok: false, error: refused };
    const fields: EntryFields = { ...draft, type: kept.type, customFields: kept.customFields, workspaceId: workspace.id, start: instant(times.start), end: instant(times.end) };
    return this.write(this.intent(`l-${this.deps.newId()}`, workspace.id, { kind: 'create', fields }));
  }

  /** Replaces an entry's fields and times (end null keeps it running). Fixes a refused change, too. */
  update(key: string, draft: EntryDraft, times: { start: string; end: string | null }): Result<null> {
    const entry = this.deps.entries.find(key);
    const workspace = this.deps.workspace();
    if (!entry || !workspace) return fail('That entry is no longer in the recent list.');
    if (!mayChange(entry.type)) return fail(`${typeName(entry)} is managed by time off in Clockify; change it there.`);
    const refused = (times.end === null ? null : checkTimes(times.start, times.end)) ?? checkWorkspaceRules(draft, workspace.rules, workspace.name);
    if (refused) return { ok: false, error: refused };
    // What the user does not edit (the type, custom field values) goes back unchanged: a PUT clears what it leaves out.
    const fields: EntryFields = { ...draft, type: entry.type, customFields: entry.customFields, workspaceId: entry.workspaceId, start: instant(times.start), end: times.end === null ? null : instant(times.end) };
    const unsent = this.unsentCreate(entry.key);
    if (unsent) {
      // Not on the server yet: the create itself carries the new fields. With an end it is created
      // finished, so a stop queued for it must go: sent later, it would stop whatever runs then.
      const redundantStop = (intent: Intent) => fields.end !== null && intent.kind === 'stop' && intent.key === entry.key;
      return this.rewrite((intents) => intents.filter((intent) => !redundantStop(intent)).map((intent) => (intent.id === unsent.id ? { ...unsent, fields, problem: undefined } : intent)));
    }
    // The fix takes the place of the refused change it replaces: a new timer queued behind a refused
    // stop must still go after the entry is finished.
    const replacement = this.intent(entry.key, entry.workspaceId, { kind: 'update', fields });
    const isRefused = (intent: Intent) => intent.key === entry.key && intent.problem !== undefined && intent.kind !== 'create';
    return this.rewrite((intents) => {
      const at = intents.findIndex(isRefused);
      const kept = intents.filter((intent) => !isRefused(intent));
      return at === -1 ? [...kept, replacement] : [...kept.slice(0, at), replacement, ...kept.slice(at)];
    });
  }

  delete(key: string): Result<null> {
    const entry = this.deps.entries.find(key);
    if (!entry) return fail('That entry is no longer in the recent list.');
    if (!mayChange(entry.type)) return fail(`${typeName(entry)} is managed by time off in Clockify; change it there.`);
    this.deleted.set(entry.key, fieldsOf(entry));
    if (this.unsentCreate(entry.key)) {
      // Never reached the server: forgetting its intents is the whole delete.
      return this.rewrite((intents) => intents.filter((intent) => intent.key !== entry.key));
    }
    this.deps.entries.rewriteIntents((intents) => intents.filter((intent) => !(intent.key === entry.key && intent.problem)));
    return this.write(this.intent(entry.key, entry.workspaceId, { kind: 'delete' }));
  }

  /** Brings a deleted entry back: cancels the delete if it is still waiting, else adds the entry again. */
  undoDelete(key: string): Result<null> {
    const fields = this.deleted.get(key);
    if (!fields) return fail('There is nothing to undo.');
    // A discarded timer comes back running: not beside another one (Clockify refuses a second).
    if (fields.end === null && this.timer().status === 'running') return fail('Another timer runs now: stop it first, then undo the discard.');
    this.deleted.delete(key);
    const waiting = this.deps.entries.intents.find((intent) => intent.kind === 'delete' && intent.key === key && !intent.problem);
    if (waiting && !this.isSending(waiting)) return this.rewrite((intents) => intents.filter((intent) => intent.id !== waiting.id));
    return this.write(this.intent(`l-${this.deps.newId()}`, fields.workspaceId, { kind: 'create', fields }));
  }

  /** Gives up a change the server refused (and whatever waited behind it for the same entry). */
  discardChange(intentId: string): Result<null> {
    const refused = this.deps.entries.intents.find((intent) => intent.id === intentId);
    if (!refused) return fail('That change is no longer waiting.');
    const dropFollowers = refused.kind === 'create';
    return this.rewrite((intents) => intents.filter((intent) => intent.id !== intentId && !(dropFollowers && intent.key === refused.key)));
  }

  private blockedStop(): UserError | null {
    const refused = this.deps.entries.intents.find((intent) => intent.kind === 'stop' && intent.problem);
    if (!refused?.problem) return null;
    return { kind: 'blocked', status: refused.problem.status, message: `The last timer could not be stopped: ${refused.problem.reason} Complete that entry first.` };
  }

  private unsentCreate(key: string): Extract<Intent, { kind: 'create' }> | undefined {
    const create = this.deps.entries.intents.find((intent): intent is Extract<Intent, { kind: 'create' }> => intent.kind === 'create' && intent.key === key);
    return create && !this.isSending(create) ? create : undefined;
  }

  /** A create marked uncertain may be on the server already; it must go through the outbox. */
  private isSending(intent: Intent): boolean {
    return intent.uncertainSince !== undefined;
  }

  private intent<T extends Pick<Intent, 'kind'> & Partial<Intent>>(key: string, workspaceId: string, rest: T): Intent {
    return { id: this.deps.newId(), key, workspaceId, at: this.deps.clock.now(), ...rest } as Intent;
  }

  /**
   * Several commands as one: one journal write, and nothing sent until all of them are written (a
   * failed one undoes the others). A split, a switch and a return use it.
   */
  atomically(commands: () => Result<null>): Result<null> {
    if (this.holdSend) return commands();
    this.holdSend = true;
    let wrote = false;
    try {
      const result = this.deps.entries.atomically(commands);
      wrote = result.ok;
      return result;
    } finally {
      this.holdSend = false;
      if (wrote) this.deps.send();
    }
  }

  private write(...intents: Intent[]): Result<null> {
    this.deps.entries.enqueue(...intents);
    if (!this.holdSend) this.deps.send();
    return ok;
  }

  private rewrite(change: (intents: readonly Intent[]) => readonly Intent[]): Result<null> {
    this.deps.entries.rewriteIntents(change);
    if (!this.holdSend) this.deps.send();
    return ok;
  }

  private now(): string {
    return toClockifyInstant(new Date(this.deps.clock.now()));
  }
}

/** What an entry made here starts as: regular work, no custom field values (Clockify fills defaults). */
const NEW_ENTRY = { type: 'REGULAR', customFields: [] } as const satisfies Pick<EntryFields, 'type' | 'customFields'>;

function typeName(entry: EntryView): string {
  return `“${entry.description || 'This entry'}” (${entryTypeLabel(entry.type) ?? 'Work'})`;
}

function instant(value: string): string {
  return toClockifyInstant(new Date(value));
}

export function draftOf(entry: EntryView): EntryDraft {
  return { description: entry.description, projectId: entry.projectId, taskId: entry.taskId, tagIds: entry.tagIds, billable: entry.billable };
}

function fieldsOf(entry: EntryView): EntryFields {
  return { ...draftOf(entry), workspaceId: entry.workspaceId, start: entry.start, end: entry.end, type: entry.type, customFields: entry.customFields };
}
