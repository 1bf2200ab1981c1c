// The timer service on its own, over a real entry store: what each command refuses and in which
// words, the intents it queues (and the waiting ones it drops or replaces), and when the outbox is woken.
import { describe, expect, it } from 'vitest';
import type { EntryDraft, Result, WorkspaceOption } from '../../shared/domain';
import { FakeClock } from '../../e2e/support/fake-clock';
import type { ServerEntry } from './entry-model';
import { EntryStore } from './entry-store';
import type { Intent } from './intents';
import { TimerService } from './timer-service';

const WORKSPACE: WorkspaceOption = {
  id: 'w1',
  name: 'Acme',
  rules: { forceProjects: false, forceTasks: false, forceTags: false, forceDescription: false, onlyAdminsCreateProject: false, onlyAdminsCreateTag: false },
};
const STRICT: WorkspaceOption = { ...WORKSPACE, rules: { ...WORKSPACE.rules, forceProjects: true } };
/** An instant of the test's day, 30 November 2026 (UTC). */
const at = (time: string) => `2026-11-30T${time}:00Z`;
const NOW = at('10:00');

const draft = (description: string, over: Partial<EntryDraft> = {}): EntryDraft => ({ description, projectId: null, taskId: null, tagIds: [], billable: false, ...over });
/** An entry the server holds; by default finished, 09:00–09:30, named after its id. */
const onServer = (id: string, over: Partial<ServerEntry> = {}): ServerEntry => ({
  id,
  workspaceId: 'w1',
  ...draft(id),
  start: at('09:00'),
  end: at('09:30'),
  locked: false,
  type: 'REGULAR',
  customFields: [],
  ...over,
});
const running = (id: string, start = at('09:00')) => onServer(id, { start, end: null });
const problem = { reason: 'Clockify refused it.', status: 400 };

function setUp(server: ServerEntry[] = [], options: { intents?: Intent[]; workspace?: WorkspaceOption | null } = {}) {
  const journal = { intents: options.intents ?? [], ids: {} };
  const entries = new EntryStore({ load: () => ({ status: 'ok', value: journal }), save: () => undefined }, journal, () => undefined);
  entries.restoreServer(server, 'w1');
  const clock = new FakeClock(NOW);
  let ids = 0;
  let sends = 0;
  const workspace = options.workspace === undefined ? WORKSPACE : options.workspace;
  const timer = new TimerService({
    entries,
    clock,
    workspace: () => workspace,
    send: () => void sends++,
    newId: () => `n${++ids}`,
    formatTime: (instant) => instant.slice(11, 16),
  });
  return { timer, entries, clock, sends: () => sends };
}

/** The waiting intents, in order, in words ("stop s1 at 09:40", "create l-n2 “Writing” 09:40–"). */
function queue(entries: EntryStore, accountId?: string): string[] {
  const intents = accountId ? entries.scope(accountId).intents : entries.intents;
  const hm = (instant: string | null) => (instant ? instant.slice(11, 16) : '');
  return intents.map((intent) => {
    switch (intent.kind) {
      case 'stop':
        return `stop ${intent.key} at ${hm(intent.end)}`;
      case 'create':
      case 'update':
        return `${intent.kind} ${intent.key} “${intent.fields.description}” ${hm(intent.fields.start)}–${hm(intent.fields.end)}`;
      case 'delete':
        return `delete ${intent.key}`;
    }
  });
}

const done: Result<null> = { ok: true, value: null };
const refused = (message: string, field?: string) => ({ ok: false, error: { kind: 'invalid', message, status: null, ...(field ? { field } : {}) } });
const GONE = 'That entry is no longer in the recent list.';
const NO_TIMER = 'No timer is running.';

describe('start', () => {
  it('needs a workspace, as adding an entry does', () => {
    const { timer, entries, sends } = setUp([], { workspace: null });
    expect(timer.start(draft('Writing'))).toEqual(refused('Choose a workspace first.'));
    expect(timer.add(draft('Writing'), { start: at('09:00'), end: at('09:30') })).toEqual(refused('Choose a workspace first.'));
    expect(queue(entries)).toEqual([]);
    expect(sends()).toBe(0);
  });

  it('starts at a past moment, and the running timer stops at that same moment', () => {
    const { timer, entries, sends } = setUp([running('s1')]);
    expect(timer.start(draft('Writing'), '2026-11-30T09:40:00.000Z')).toEqual(done);
    expect(queue(entries)).toEqual(['stop s1 at 09:40', 'create l-n2 “Writing” 09:40–']);
    expect(entries.intents[1]).toMatchObject({ kind: 'create', fields: { start: at('09:40'), end: null, type: 'REGULAR', customFields: [] } });
    expect(sends()).toBe(1);
  });

  it('starts no earlier than the running timer began (it would end before its start)', () => {
    const { timer, entries } = setUp([running('s1')]);
    timer.start(draft('Writing'), at('08:30'));
    expect(queue(entries)).toEqual(['stop s1 at 09:00', 'create l-n2 “Writing” 09:00–']);
  });

  it('starts now when the moment given is still to come', () => {
    const { timer, entries } = setUp([running('s1')]);
    timer.start(draft('Writing'), at('10:30'));
    expect(queue(entries)).toEqual(['stop s1 at 10:00', 'create l-n2 “Writing” 10:00–']);
  });

  it('reads a moment written with a UTC offset for the instant it is', () => {
    const { timer, entries } = setUp([running('s1')]);
    // 10:30 in Berlin is 09:30 UTC: half an hour ago.
    timer.start(draft('Writing'), '2026-11-30T10:30:00+01:00');
    expect(queue(entries)).toEqual(['stop s1 at 09:30', 'create l-n2 “Writing” 09:30–']);
    // 09:50 in Berlin is before the running timer began (09:00 UTC): it stops at its start, not before.
    const second = setUp([running('s1')]);
    second.timer.start(draft('Writing'), '2026-11-30T09:50:00+01:00');
    expect(queue(second.entries)).toEqual(['stop s1 at 09:00', 'create l-n2 “Writing” 09:00–']);
  });
});

describe('stop', () => {
  it('says so when no timer runs', () => {
    const { timer } = setUp([onServer('s1')]);
    expect(timer.stop()).toEqual(refused(NO_TIMER));
    expect(timer.discard()).toEqual(refused(NO_TIMER));
  });

  it('stops a timer that began after this computer’s now (clocks apart) at its start, never before', () => {
    const { timer, entries } = setUp([running('s1', at('10:05'))]);
    expect(timer.stop()).toEqual(done);
    expect(queue(entries)).toEqual(['stop s1 at 10:05']);
  });

  it('stops another account’s timer now, as that account’s change; at its start when that is ahead of now', () => {
    const { timer, entries } = setUp([onServer('s0')]);
    const view = entries.find('s0')!;
    expect(timer.stopIn('jonas', { ...view, key: 'j1', end: null })).toEqual(done);
    expect(timer.stopIn('jonas', { ...view, key: 'j2', start: at('10:05'), end: null })).toEqual(done);
    expect(queue(entries, 'jonas')).toEqual(['stop j1 at 10:00', 'stop j2 at 10:05']);
    expect(queue(entries)).toEqual([]);
  });
});

describe('endEntryAt', () => {
  it('stops a running entry at the moment, kept between its start and now', () => {
    const { timer, entries } = setUp([running('s1')]);
    expect(timer.endEntryAt('s1', at('08:00'))).toEqual(done);
    expect(queue(entries)).toEqual(['stop s1 at 09:00']);
    const later = setUp([running('s1')]);
    later.timer.endEntryAt('s1', at('11:00'));
    expect(queue(later.entries)).toEqual(['stop s1 at 10:00']);
  });

  it('moves a finished entry’s end back, and leaves it alone when it already ended by then', () => {
    const { timer, entries, sends } = setUp([onServer('s1')]);
    expect(timer.endEntryAt('s1', at('09:30'))).toEqual(done);
    expect(timer.endEntryAt('s1', at('09:45'))).toEqual(done);
    expect(queue(entries)).toEqual([]);
    expect(sends()).toBe(0);
    expect(timer.endEntryAt('s1', at('09:20'))).toEqual(done);
    expect(queue(entries)).toEqual(['update s1 “s1” 09:00–09:20']);
  });

  it('refuses entries that are not in the recent list', () => {
    const { timer } = setUp([onServer('s1')]);
    expect(timer.endEntryAt('gone', at('09:20'))).toEqual(refused(GONE));
    expect(timer.continueEntry('gone')).toEqual(refused(GONE));
    expect(timer.resume('gone')).toEqual(refused(GONE));
    expect(timer.update('gone', draft('x'), { start: at('09:00'), end: null })).toEqual(refused(GONE));
    expect(timer.delete('gone')).toEqual(refused(GONE));
  });
});

describe('continue and the entry types', () => {
  it('continues work as a new timer, but not a break, naming it and its type', () => {
    const { timer, entries } = setUp([onServer('s1', { description: 'Writing' }), onServer('b1', { description: 'Lunch', type: 'BREAK', start: at('09:30'), end: at('09:45') })]);
    expect(timer.continueEntry('b1')).toEqual(refused('“Lunch” (Break) is not work to continue: start a new timer instead.'));
    expect(timer.continueEntry('s1')).toEqual(done);
    expect(queue(entries)).toEqual(['create l-n1 “Writing” 10:00–']);
  });

  it('leaves time off to Clockify, naming an entry without description for what it is', () => {
    const { timer, entries } = setUp([onServer('h1', { description: '', type: 'HOLIDAY' })]);
    const message = '“This entry” (Holiday) is managed by time off in Clockify; change it there.';
    expect(timer.delete('h1')).toEqual(refused(message));
    expect(timer.update('h1', draft('x'), { start: at('09:00'), end: at('09:30') })).toEqual(refused(message));
    expect(queue(entries)).toEqual([]);
  });
});

describe('updateRunning', () => {
  it('says no timer runs when none does, also while a stop is still on its way', () => {
    expect(setUp([onServer('s1')]).timer.updateRunning(draft('x'))).toEqual(refused(NO_TIMER));
    const { timer, entries } = setUp([running('s1')]);
    timer.stop();
    expect(timer.timer().status).toBe('stopping');
    expect(timer.updateRunning(draft('x'))).toEqual(refused(NO_TIMER));
    expect(queue(entries)).toEqual(['stop s1 at 10:00']);
  });

  it('changes the running timer, not an entry stopped just before nor one whose edit was refused', () => {
    const refusedEdit: Intent = { id: 'r1', key: 's0', workspaceId: 'w1', at: 0, kind: 'update', fields: { ...onServer('s0', { description: 'Refused' }) }, problem };
    const { timer, entries } = setUp([onServer('s0'), running('s1')], { intents: [refusedEdit] });
    timer.start(draft('Writing'));
    expect(timer.updateRunning(draft('Writing more'))).toEqual(done);
    expect(timer.timer()).toMatchObject({ status: 'running', entry: { description: 'Writing more' } });
    expect(entries.find('s1')).toMatchObject({ description: 's1', end: NOW });
    expect(entries.find('s0')).toMatchObject({ description: 'Refused', problem: problem.reason });
  });

  it('completes a stop the server refused: the fix takes its place, ahead of the timer queued behind it', () => {
    const refusedStop: Intent = { id: 'r1', key: 's1', workspaceId: 'w1', at: 0, kind: 'stop', end: at('09:50'), problem };
    const next: Intent = { id: 'c1', key: 'l-c1', workspaceId: 'w1', at: 0, kind: 'create', fields: { ...onServer('x', { description: 'Next', start: at('09:50'), end: null }) } };
    const { timer, entries } = setUp([running('s1')], { intents: [refusedStop, next] });
    expect(timer.start(draft('Other'))).toEqual({ ok: false, error: { kind: 'blocked', status: 400, message: 'The last timer could not be stopped: Clockify refused it. Complete that entry first.' } });
    expect(timer.updateRunning(draft('Fixed', { projectId: 'p1' }))).toEqual(done);
    expect(queue(entries)).toEqual(['update s1 “Fixed” 09:00–09:50', 'create l-c1 “Next” 09:50–']);
  });
});

describe('moveStart', () => {
  /** "Before" 09:00–09:30, then a timer running since 09:45. */
  const withPrevious = (previous: Partial<ServerEntry> = {}) => setUp([onServer('s0', { description: 'Before', ...previous }), running('s1', at('09:45'))]);

  it('says no timer runs when none does', () => {
    expect(setUp([onServer('s0')]).timer.moveStart(at('09:40'))).toEqual(refused(NO_TIMER));
  });

  it('starts at the end of the previous entry, changing only the running one', () => {
    const { timer, entries } = withPrevious();
    expect(timer.moveStart('last-entry-end')).toEqual(done);
    expect(queue(entries)).toEqual(['update s1 “s1” 09:30–']);
  });

  it('has no previous end to start from when there is no earlier entry, yet takes a time then', () => {
    const { timer, entries } = setUp([running('s1', at('09:45'))]);
    expect(timer.moveStart('last-entry-end')).toEqual(refused('There is no earlier entry to start from: type the start time instead.', 'start'));
    expect(timer.moveStart(at('09:10'))).toEqual(done);
    expect(queue(entries)).toEqual(['update s1 “s1” 09:10–']);
  });

  it('refuses what is not a time, and a time still to come; now itself is fine', () => {
    const { timer, entries } = withPrevious();
    expect(timer.moveStart('soon')).toEqual(refused('Enter a start time such as 9:10 or -20m.', 'start'));
    expect(timer.moveStart(at('10:01'))).toEqual(refused('10:01 is still to come (it is 10:00): a running timer starts in the past. Nothing was changed.', 'start'));
    expect(queue(entries)).toEqual([]);
    expect(timer.moveStart(NOW)).toEqual(done);
    expect(queue(entries)).toEqual(['update s1 “s1” 10:00–']);
  });

  it('refuses a start at or before the previous entry began, naming it', () => {
    const { timer, entries } = withPrevious({ description: '' });
    expect(timer.moveStart(at('09:00'))).toEqual(refused('That is before your previous entry “no description” began (09:00): choose a later start, or edit that entry first. Nothing was changed.', 'start'));
    expect(queue(entries)).toEqual([]);
  });

  it('ends the previous entry where the timer now starts', () => {
    const { timer, entries } = withPrevious();
    expect(timer.moveStart(at('09:20'))).toEqual(done);
    expect(queue(entries)).toEqual(['update s0 “Before” 09:00–09:20', 'update s1 “s1” 09:20–']);
  });

  it('changes nothing when the previous entry cannot be ended there (time off)', () => {
    const { timer, entries } = withPrevious({ type: 'TIME_OFF' });
    expect(timer.moveStart(at('09:20'))).toEqual(refused('“Before” (Time off) is managed by time off in Clockify; change it there.'));
    expect(queue(entries)).toEqual([]);
  });
});

describe('stopAt', () => {
  it('stops at a past moment after the start; now itself is fine', () => {
    const { timer, entries } = setUp([running('s1')]);
    expect(timer.stopAt(NOW)).toEqual(done);
    expect(queue(entries)).toEqual(['stop s1 at 10:00']);
  });

  it('refuses no timer, what is not a time, a time to come, and the start itself', () => {
    expect(setUp([onServer('s1')]).timer.stopAt(at('09:40'))).toEqual(refused(NO_TIMER));
    const { timer, entries } = setUp([running('s1')]);
    expect(timer.stopAt('later')).toEqual(refused('Enter the time it ended, such as 17:30 or -20m.', 'end'));
    expect(timer.stopAt(at('10:01'))).toEqual(refused('10:01 is still to come: stop at a time that has passed, or press Stop. The timer is still running.', 'end'));
    expect(timer.stopAt(at('09:00'))).toEqual(refused('The timer began at 09:00: stop it at a later time. The timer is still running.', 'end'));
    expect(queue(entries)).toEqual([]);
  });
});

describe('resume', () => {
  it('drops the stop still waiting for the entry, and nothing else', () => {
    const { timer, entries } = setUp([running('s1')]);
    timer.start(draft('Writing'));
    const key = 'l-n2';
    timer.stop();
    expect(queue(entries)).toEqual(['stop s1 at 10:00', `create ${key} “Writing” 10:00–`, `stop ${key} at 10:00`]);
    expect(timer.resume(key)).toEqual(done);
    expect(queue(entries)).toEqual(['stop s1 at 10:00', `create ${key} “Writing” 10:00–`]);
    expect(timer.timer()).toMatchObject({ status: 'running', entry: { key, description: 'Writing' } });
  });

  it('runs an entry again with a replacement when its stop is already on its way', () => {
    const sending: Intent = { id: 'i1', key: 's1', workspaceId: 'w1', at: 0, kind: 'stop', end: at('09:55'), uncertainSince: 0 };
    const { timer, entries } = setUp([running('s1')], { intents: [sending] });
    expect(timer.resume('s1')).toEqual(done);
    expect(queue(entries)).toEqual(['stop s1 at 09:55', 'update s1 “s1” 09:00–']);
  });

  it('is blocked by a stop the server refused', () => {
    const refusedStop: Intent = { id: 'i1', key: 's1', workspaceId: 'w1', at: 0, kind: 'stop', end: at('09:55'), problem };
    const { timer, entries } = setUp([running('s1')], { intents: [refusedStop] });
    expect(timer.resume('s1')).toEqual({ ok: false, error: { kind: 'blocked', status: 400, message: 'The last timer could not be stopped: Clockify refused it. Complete that entry first.' } });
    expect(queue(entries)).toEqual(['stop s1 at 09:55']);
  });
});

describe('update', () => {
  it('needs the entry and a workspace', () => {
    const { timer } = setUp([onServer('s1')], { workspace: null });
    expect(timer.update('s1', draft('x'), { start: at('09:00'), end: at('09:30') })).toEqual(refused(GONE));
  });

  it('checks the times, then the workspace’s rules', () => {
    const { timer, entries } = setUp([onServer('s1', { projectId: 'p1' })], { workspace: STRICT });
    expect(timer.update('s1', draft('x', { projectId: 'p1' }), { start: at('09:30'), end: at('09:00') })).toMatchObject({ ok: false, error: { field: 'end' } });
    expect(timer.update('s1', draft('x'), { start: at('09:00'), end: at('09:30') })).toEqual({
      ok: false,
      error: { kind: 'rule', field: 'project', status: null, message: 'Acme requires a project on every entry: choose a project.' },
    });
    expect(queue(entries)).toEqual([]);
  });

  it('queues the replacement after the entry’s waiting changes, leaving other entries’ refused ones', () => {
    const refusedEdit: Intent = { id: 'r1', key: 's0', workspaceId: 'w1', at: 0, kind: 'update', fields: { ...onServer('s0', { description: 'Refused' }) }, problem };
    const { timer, entries } = setUp([onServer('s0'), running('s1')], { intents: [refusedEdit] });
    timer.stop();
    expect(timer.update('s1', draft('Renamed'), { start: at('09:00'), end: at('09:50') })).toEqual(done);
    expect(queue(entries)).toEqual(['update s0 “Refused” 09:00–09:30', 'stop s1 at 10:00', 'update s1 “Renamed” 09:00–09:50']);
    expect(entries.find('s1')).toMatchObject({ description: 'Renamed', end: at('09:50') });
  });

  it('puts the fix of a refused stop where that stop was: after what came before, ahead of the timer queued behind it', () => {
    const earlier: Intent = { id: 'd0', key: 's0', workspaceId: 'w1', at: 0, kind: 'delete' };
    const refusedStop: Intent = { id: 'r1', key: 's1', workspaceId: 'w1', at: 0, kind: 'stop', end: at('09:50'), problem };
    const next: Intent = { id: 'c1', key: 'l-c1', workspaceId: 'w1', at: 0, kind: 'create', fields: { ...onServer('x', { description: 'Next', start: at('09:50'), end: null }) } };
    const { timer, entries } = setUp([onServer('s0', { start: at('08:00'), end: at('08:30') }), running('s1')], { intents: [earlier, refusedStop, next] });
    expect(timer.update('s1', draft('Fixed'), { start: at('09:00'), end: at('09:50') })).toEqual(done);
    expect(queue(entries)).toEqual(['delete s0', 'update s1 “Fixed” 09:00–09:50', 'create l-c1 “Next” 09:50–']);
  });

  it('changes an entry not yet sent in its create: finished now, its waiting stop goes', () => {
    const { timer, entries } = setUp();
    timer.start(draft('Writing'));
    timer.stop();
    expect(timer.update('l-n1', draft('Written'), { start: NOW, end: '2026-11-30T10:00:30Z' })).toEqual(done);
    expect(queue(entries)).toEqual(['create l-n1 “Written” 10:00–10:00']);
    expect(entries.find('l-n1')).toMatchObject({ description: 'Written', end: '2026-11-30T10:00:30Z' });
  });

  it('changes a create that may already be on the server with a replacement of its own', () => {
    const uncertain: Intent = { id: 'c1', key: 'l-c1', workspaceId: 'w1', at: 0, kind: 'create', fields: { ...onServer('x', { description: 'Writing', end: null }) }, uncertainSince: 0 };
    const { timer, entries } = setUp([], { intents: [uncertain] });
    expect(timer.updateRunning(draft('Written'))).toEqual(done);
    expect(queue(entries)).toEqual(['create l-c1 “Writing” 09:00–', 'update l-c1 “Written” 09:00–']);
  });

  it('keeps a refused create that may still be on the server when its entry is changed', () => {
    // A create that failed without Clockify’s answer stays marked uncertain beside its problem.
    const uncertain: Intent = { id: 'c1', key: 'l-c1', workspaceId: 'w1', at: 0, kind: 'create', fields: { ...onServer('x', { description: 'Writing', end: null }) }, uncertainSince: 0, problem };
    const { timer, entries } = setUp([], { intents: [uncertain] });
    expect(timer.updateRunning(draft('Written'))).toEqual(done);
    expect(queue(entries)).toEqual(['create l-c1 “Writing” 09:00–', 'update l-c1 “Written” 09:00–']);
    expect(timer.timer()).toMatchObject({ status: 'running', entry: { description: 'Written' } });
  });
});

describe('delete and undo', () => {
  it('deletes a server entry: its refused changes go, other entries’ changes (refused or not) stay', () => {
    const refusedEdit = (key: string, times: Partial<ServerEntry>): Intent => ({ id: `r-${key}`, key, workspaceId: 'w1', at: 0, kind: 'update', fields: { ...onServer(key, { description: 'Refused', ...times }) }, problem });
    const later = { start: at('09:30'), end: at('09:40') };
    const { timer, entries } = setUp([onServer('s0', { start: at('08:00'), end: at('08:30') }), onServer('s1'), onServer('s2', later)], { intents: [refusedEdit('s1', {}), refusedEdit('s2', later)] });
    timer.endEntryAt('s0', at('08:20'));
    expect(timer.delete('s1')).toEqual(done);
    expect(queue(entries)).toEqual(['update s2 “Refused” 09:30–09:40', 'update s0 “s0” 08:00–08:20', 'delete s1']);
  });

  it('brings a discarded timer back running when no other runs', () => {
    const { timer, entries } = setUp([running('s1')]);
    expect(timer.discard()).toEqual(done);
    expect(timer.timer().status).toBe('idle');
    expect(timer.undoDelete('s1')).toEqual(done);
    expect(queue(entries)).toEqual([]);
    expect(timer.timer()).toMatchObject({ status: 'running', entry: { key: 's1' } });
  });

  it('has nothing to undo before a delete', () => {
    expect(setUp([onServer('s1')]).timer.undoDelete('s1')).toEqual(refused('There is nothing to undo.'));
  });

  it('cancels a delete still waiting, keeping the entry’s edit and other deletes', () => {
    const { timer, entries } = setUp([onServer('s0', { start: at('08:00'), end: at('08:30') }), onServer('s1')]);
    timer.update('s1', draft('Renamed'), { start: at('09:00'), end: at('09:30') });
    timer.delete('s0');
    timer.delete('s1');
    expect(timer.undoDelete('s1')).toEqual(done);
    expect(queue(entries)).toEqual(['update s1 “Renamed” 09:00–09:30', 'delete s0']);
    expect(entries.find('s1')).toMatchObject({ description: 'Renamed' });
  });

  it('adds the entry again as a new one once its delete was sent or refused', () => {
    const { timer, entries } = setUp([onServer('s1'), onServer('s2', { start: at('09:30'), end: at('09:40') })]);
    timer.delete('s1');
    timer.delete('s2');
    entries.patchIntent(entries.intents[0]!.id, { uncertainSince: 0 });
    entries.patchIntent(entries.intents[1]!.id, { problem });
    expect(timer.undoDelete('s1')).toEqual(done);
    expect(timer.undoDelete('s2')).toEqual(done);
    expect(queue(entries)).toEqual(['delete s1', 'delete s2', 'create l-n3 “s1” 09:00–09:30', 'create l-n5 “s2” 09:30–09:40']);
  });

  it('brings a finished entry back while a timer runs, but not a discarded timer beside it', () => {
    const { timer, entries } = setUp([onServer('s0'), running('s1', at('09:45'))]);
    timer.delete('s0');
    expect(timer.undoDelete('s0')).toEqual(done);
    expect(timer.discard()).toEqual(done);
    timer.start(draft('Other'));
    expect(timer.undoDelete('s1')).toEqual(refused('Another timer runs now: stop it first, then undo the discard.'));
    expect(queue(entries)).toEqual(['delete s1', 'create l-n3 “Other” 10:00–']);
  });

  it('forgets every intent of an entry whose create was never sent', () => {
    const { timer, entries } = setUp([onServer('s0')]);
    timer.endEntryAt('s0', at('09:20'));
    timer.start(draft('Writing'));
    timer.stop();
    expect(timer.delete('l-n2')).toEqual(done);
    expect(queue(entries)).toEqual(['update s0 “s0” 09:00–09:20']);
  });
});

describe('discardChange', () => {
  const refusedCreate: Intent = { id: 'c1', key: 'l-c1', workspaceId: 'w1', at: 0, kind: 'create', fields: { ...onServer('x', { description: 'Refused', end: null }) }, problem };
  const itsStop: Intent = { id: 'c2', key: 'l-c1', workspaceId: 'w1', at: 0, kind: 'stop', end: at('09:50') };
  const refusedEdit: Intent = { id: 'u1', key: 's1', workspaceId: 'w1', at: 0, kind: 'update', fields: { ...onServer('s1', { description: 'Refused' }) }, problem };
  const itsDelete: Intent = { id: 'u2', key: 's1', workspaceId: 'w1', at: 0, kind: 'delete' };

  it('gives up a refused create with what waited behind it for the same entry', () => {
    const { timer, entries, sends } = setUp([onServer('s1')], { intents: [refusedCreate, refusedEdit, itsStop, itsDelete] });
    expect(timer.discardChange('c1')).toEqual(done);
    expect(queue(entries)).toEqual(['update s1 “Refused” 09:00–09:30', 'delete s1']);
    expect(sends()).toBe(1);
  });

  it('gives up a refused edit alone', () => {
    const { timer, entries } = setUp([onServer('s1')], { intents: [refusedCreate, refusedEdit, itsStop, itsDelete] });
    expect(timer.discardChange('u1')).toEqual(done);
    expect(queue(entries)).toEqual(['create l-c1 “Refused” 09:00–', 'stop l-c1 at 09:50', 'delete s1']);
  });

  it('says so when the change is no longer waiting', () => {
    const { timer, entries } = setUp([onServer('s1')], { intents: [refusedEdit] });
    expect(timer.discardChange('gone')).toEqual(refused('That change is no longer waiting.'));
    expect(queue(entries)).toHaveLength(1);
  });
});

describe('atomically', () => {
  it('wakes the outbox once, after all the commands (nested ones too) are written', () => {
    const { timer, entries, sends } = setUp([onServer('s0')]);
    const result = timer.atomically(() => {
      timer.start(draft('Writing'));
      timer.atomically(() => timer.update('l-n1', draft('Written'), { start: NOW, end: null }));
      expect(sends()).toBe(0);
      return timer.endEntryAt('s0', at('09:20'));
    });
    expect(result).toEqual(done);
    expect(sends()).toBe(1);
    expect(queue(entries)).toEqual(['create l-n1 “Written” 10:00–', 'update s0 “s0” 09:00–09:20']);
  });

  it('writes and sends nothing when one command fails or throws', () => {
    const { timer, entries, sends } = setUp([onServer('s0')]);
    expect(
      timer.atomically(() => {
        timer.start(draft('Writing'));
        return timer.stopAt('later');
      }),
    ).toMatchObject({ ok: false });
    expect(() =>
      timer.atomically(() => {
        timer.start(draft('Writing'));
        throw new Error('disk full');
      }),
    ).toThrow('disk full');
    expect(queue(entries)).toEqual([]);
    expect(sends()).toBe(0);
  });
});
