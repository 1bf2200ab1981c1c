import { describe, expect, it } from 'vitest';
import type { EntryDraft, WorkspaceRules } from './domain';
import { checkTimes, checkWorkspaceRules, defaultBillable } from './entry-rules';

const none: WorkspaceRules = { forceProjects: false, forceTasks: false, forceTags: false, forceDescription: false, onlyAdminsCreateProject: false, onlyAdminsCreateTag: false };
const draft: EntryDraft = { description: '', projectId: null, taskId: null, tagIds: [], billable: false };

describe('checkWorkspaceRules', () => {
  it('accepts anything when the workspace requires nothing', () => {
    expect(checkWorkspaceRules(draft, none, 'Acme')).toBeNull();
  });
  it.each([
    ['forceProjects', 'project', /Acme requires a project/],
    ['forceTasks', 'task', /requires a task/],
    ['forceTags', 'tags', /requires a tag/],
    ['forceDescription', 'description', /requires a description on every entry: write one/],
  ] as const)('%s names the missing field', (rule, field, message) => {
    expect(checkWorkspaceRules(draft, { ...none, [rule]: true }, 'Acme')).toMatchObject({ field, message: expect.stringMatching(message) });
  });
  it('is satisfied by a complete draft', () => {
    const all = { ...none, forceProjects: true, forceTasks: true, forceTags: true, forceDescription: true };
    expect(checkWorkspaceRules({ description: 'x', projectId: 'p', taskId: 't', tagIds: ['g'], billable: false }, all, 'Acme')).toBeNull();
  });
});

describe('checkTimes', () => {
  it('refuses an end before or at the start', () => {
    expect(checkTimes('2026-03-01T10:00:00Z', '2026-03-01T09:00:00Z')).toMatchObject({ field: 'end', message: expect.stringMatching(/end is before the start/) });
    expect(checkTimes('2026-03-01T10:00:00Z', '2026-03-01T10:00:00Z')).not.toBeNull();
    expect(checkTimes('2026-03-01T10:00:00Z', '2026-03-01T10:00:01Z')).toBeNull();
  });
});

describe('defaultBillable', () => {
  it('takes the task, else the project', () => {
    expect(defaultBillable({ billable: true }, { billable: false })).toBe(false);
    expect(defaultBillable({ billable: true }, { billable: null })).toBe(true);
    expect(defaultBillable({ billable: false }, null)).toBe(false);
    expect(defaultBillable(null, null)).toBe(false);
  });
});
