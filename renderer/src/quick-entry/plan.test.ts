import { describe, expect, it } from 'vitest';
import type { ProjectOption, Result, TagOption, WorkspaceOption, WorkspaceRules } from '../../../shared/domain';
import { parseQuickEntry } from '../../../shared/quick-entry';
import { addPlannedEntries, entriesWord, planEntries, type AddEntry, type ParsedLine } from './plan';
import { formatDate, formatNotes, formatUtcRange, relativeDay } from './preview-format';

const project = (id: string, name: string, billable: boolean): ProjectOption => ({ id, name, clientId: null, clientName: '', color: '#03A9F4', billable });
const projects = [project('p1', 'Website Relaunch', true), project('p2', 'Internal Tools', false)];
const tags: TagOption[] = [
  { id: 't1', name: 'meeting' },
  { id: 't2', name: 'review' },
];
const catalog = { projects: { byId: new Map(projects.map((p) => [p.id, p])) }, tagById: new Map(tags.map((t) => [t.id, t])) };
const noRules: WorkspaceRules = { forceProjects: false, forceTasks: false, forceTags: false, forceDescription: false, onlyAdminsCreateProject: false, onlyAdminsCreateTag: false };
const workspace = (rules: Partial<WorkspaceRules> = {}): WorkspaceOption => ({ id: 'w1', name: 'Studio', rules: { ...noRules, ...rules } });

function parsed(line: string): ParsedLine {
  const result = parseQuickEntry(line, { now: new Date('2026-03-10T12:00:00Z'), timeZone: 'Europe/Berlin', projects, tags });
  if (!result.ok) throw new Error(result.error);
  return result;
}

describe('planEntries', () => {
  it('takes billable from the project unless $ is written', () => {
    expect(planEntries(parsed('9-10 Design @website'), catalog, workspace()).draft).toEqual({ description: 'Design', projectId: 'p1', taskId: null, tagIds: [], billable: true });
    expect(planEntries(parsed('9-10 Design @internal'), catalog, workspace()).draft.billable).toBe(false);
    const paid = planEntries(parsed('9-10 Design @internal $'), catalog, workspace());
    expect(paid.draft.billable).toBe(true);
    expect(paid.billableWritten).toBe(true);
    expect(planEntries(parsed('9-10 Design'), catalog, workspace()).draft.billable).toBe(false);
  });

  it('resolves the project and the tags for the preview', () => {
    const plan = planEntries(parsed('9-10 Design @website #review #meeting'), catalog, workspace());
    expect(plan.project?.name).toBe('Website Relaunch');
    expect(plan.tags.map((tag) => tag.name)).toEqual(['review', 'meeting']);
    expect(plan.problem).toBeNull();
  });

  it('checks the workspace rules before anything is sent', () => {
    expect(planEntries(parsed('9-10 Design'), catalog, workspace({ forceProjects: true })).problem?.message).toBe('Studio requires a project on every entry: choose a project.');
    expect(planEntries(parsed('9-10 @website'), catalog, workspace({ forceDescription: true })).problem?.field).toBe('description');
    expect(planEntries(parsed('9-10 x @website'), catalog, workspace({ forceTasks: true })).problem?.message).toBe(
      'Studio requires a task on every entry: quick entry cannot choose a task, so add this one in the popover.',
    );
  });
});

describe('addPlannedEntries', () => {
  const label = (item: { localDate: string }) => item.localDate;

  it('adds every entry in order with the same draft', async () => {
    const calls: unknown[] = [];
    const add: AddEntry = async (request) => {
      calls.push(request);
      return { ok: true, value: null };
    };
    const outcome = await addPlannedEntries(planEntries(parsed('mar 2-4 9-17 Onsite #meeting'), catalog, workspace()), add, label);
    expect(outcome).toEqual({ added: 3, error: null });
    expect(calls).toEqual(
      ['02', '03', '04'].map((day) => ({
        draft: { description: 'Onsite', projectId: null, taskId: null, tagIds: ['t1'], billable: false },
        times: { start: `2026-03-${day}T08:00:00Z`, end: `2026-03-${day}T16:00:00Z` },
      })),
    );
  });

  it('stops at the first refusal and says what was added', async () => {
    let calls = 0;
    const add: AddEntry = async (): Promise<Result<null>> => (++calls === 2 ? { ok: false, error: { kind: 'invalid', status: null, message: 'Not allowed.' } } : { ok: true, value: null });
    const outcome = await addPlannedEntries(planEntries(parsed('mar 2-4 9-17 Onsite'), catalog, workspace()), add, label);
    expect(calls).toBe(2);
    expect(outcome).toEqual({ added: 1, error: '1 entry was added; the one on 2026-03-03 and any after it were not: Not allowed.' });
  });

  it('turns a failed bridge call into words', async () => {
    const add: AddEntry = async () => {
      throw new Error('socket closed');
    };
    const outcome = await addPlannedEntries(planEntries(parsed('9-10 Design'), catalog, workspace()), add, label);
    expect(outcome).toEqual({ added: 0, error: 'The entry was not added: The app could not add it (socket closed); try again.' });
  });

  it('counts in words', () => {
    expect(entriesWord(1)).toBe('1 entry');
    expect(entriesWord(5)).toBe('5 entries');
  });
});

describe('preview formats', () => {
  it('writes days with the weekday, and the year only when it is not this one', () => {
    expect(formatDate('2026-03-02', '2026-11-22')).toBe('Mon 2 Mar');
    expect(formatDate('2025-03-10', '2026-11-22')).toBe('Mon 10 Mar 2025');
    expect(relativeDay('2026-11-21', '2026-11-22')).toBe('yesterday');
    expect(relativeDay('2026-11-22', '2026-11-22')).toBe('today');
    expect(relativeDay('2026-11-20', '2026-11-22')).toBeNull();
  });

  it('writes UTC times with the UTC day when it is not the local one, and +1 past midnight', () => {
    const item = { start: '2026-03-01T23:30:00Z', end: '2026-03-02T07:30:00Z', localDate: '2026-03-02', localStart: '00:30', localEnd: '08:30', endsNextDay: false, durationSeconds: 28800 };
    expect(formatUtcRange(item, 'HOUR24')).toBe('1 Mar 23:30 – 07:30 +1');
    expect(formatUtcRange({ ...item, start: '2026-03-02T08:00:00Z', end: '2026-03-02T16:00:00Z' }, 'HOUR12')).toBe('8:00 AM – 4:00 PM');
  });

  it('joins the notes into one sentence', () => {
    expect(formatNotes(['year assumed 2026', 'ends the next day at 01:00'])).toBe('Year assumed 2026 · ends the next day at 01:00');
  });
});
