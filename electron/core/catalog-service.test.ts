// The pickers' catalog without a server: what is asked of Clockify and what the pickers get.
import { describe, expect, it } from 'vitest';
import { projectSchema, tagSchema, taskSchema } from '../clockify/schemas';
import { emptyCatalog, fetchCatalog, fetchTasks, type CatalogApi } from './catalog-service';

const ID = (n: number) => String(n).padStart(24, '0');

function api() {
  const asked: unknown[] = [];
  const stub: CatalogApi = {
    listProjects: async (workspaceId, filter) => {
      asked.push(['projects', workspaceId, filter]);
      return [projectSchema.parse({ id: ID(1), name: 'Website', clientId: ID(9), clientName: 'Acme', color: '#ff0000', billable: true })];
    },
    listTags: async (workspaceId, filter) => {
      asked.push(['tags', workspaceId, filter]);
      return [tagSchema.parse({ id: ID(3), name: 'urgent' }), tagSchema.parse({ id: ID(4), name: 'old', archived: true })];
    },
    listTasks: async (workspaceId, projectId, filter) => {
      asked.push(['tasks', workspaceId, projectId, filter]);
      return [taskSchema.parse({ id: ID(5), name: 'Design', projectId, status: 'ACTIVE', billable: false })];
    },
    createProject: () => Promise.reject(new Error('not asked')),
    createTag: () => Promise.reject(new Error('not asked')),
  };
  return { stub, asked };
}

describe('the catalog', () => {
  it('starts empty: nothing fetched yet', () => {
    expect(emptyCatalog('w')).toEqual({ workspaceId: 'w', projects: [], tags: [], tasks: {}, fetchedAt: null });
  });

  it('offers the active projects and tags, keeps archived tags apart, and keeps the tasks of projects that still exist', async () => {
    const { stub, asked } = api();
    const task = { id: ID(6), name: 'Build', projectId: ID(1), billable: null };
    const previous = { ...emptyCatalog('w'), tasks: { [ID(1)]: [task], [ID(2)]: [{ ...task, projectId: ID(2) }] } };
    expect(await fetchCatalog(stub, 'w', previous, new Date('2026-11-30T10:00:00Z'))).toEqual({
      workspaceId: 'w',
      projects: [{ id: ID(1), name: 'Website', clientId: ID(9), clientName: 'Acme', color: '#ff0000', billable: true }],
      tags: [{ id: ID(3), name: 'urgent' }],
      archivedTags: [{ id: ID(4), name: 'old' }],
      tasks: { [ID(1)]: [task] },
      fetchedAt: '2026-11-30T10:00:00.000Z',
    });
    expect(asked).toEqual([
      ['projects', 'w', { archived: false }],
      ['tags', 'w', undefined],
    ]);
  });

  it('fetches the active tasks of one project', async () => {
    const { stub, asked } = api();
    expect(await fetchTasks(stub, 'w', ID(1))).toEqual([{ id: ID(5), name: 'Design', projectId: ID(1), billable: false }]);
    expect(asked).toEqual([['tasks', 'w', ID(1), { active: true }]]);
  });
});
