// What a favourite may hold (it is read back from the settings file) and how it is named.
import { describe, expect, it } from 'vitest';
import { favouriteLabel, favouritesByAccountSchema, favouriteSchema, MAX_FAVOURITES } from './favourites';

const favourite = { id: 'f1', workspaceId: 'w1', description: 'Deep work', projectId: 'p1', taskId: null, tagIds: ['t1'], billable: true, projectName: 'Website', shortcut: 'CommandOrControl+Alt+1' };

describe('favouriteSchema', () => {
  it('accepts a favourite as it is saved', () => {
    expect(favouriteSchema.parse(favourite)).toEqual(favourite);
  });

  it('refuses ids that are not ids, and overlong names and shortcuts', () => {
    for (const bad of [{ id: '' }, { id: 'a/b' }, { id: 'x'.repeat(65) }, { workspaceId: 'w 1' }, { workspaceId: '' }, { projectName: 'x'.repeat(251) }, { shortcut: 'x'.repeat(101) }, { projectId: '../p' }]) {
      expect(favouriteSchema.safeParse({ ...favourite, ...bad }).success, JSON.stringify(bad)).toBe(false);
    }
    expect(favouriteSchema.safeParse({ ...favourite, id: 'x'.repeat(64), projectName: 'x'.repeat(250), shortcut: 'x'.repeat(100) }).success).toBe(true);
  });

  it(`keeps at most ${MAX_FAVOURITES} per account`, () => {
    expect(MAX_FAVOURITES).toBe(20);
    const many = (count: number) => Array.from({ length: count }, (_, i) => ({ ...favourite, id: `f${i}` }));
    expect(favouritesByAccountSchema.safeParse({ a1: many(20) }).success).toBe(true);
    expect(favouritesByAccountSchema.safeParse({ a1: many(21) }).success).toBe(false);
    expect(favouritesByAccountSchema.safeParse({ '': many(1) }).success).toBe(false);
  });
});

describe('favouriteLabel', () => {
  it('names the description and the project, or says there is no description', () => {
    expect(favouriteLabel({ description: 'Deep work', projectName: 'Website' })).toBe('Deep work — Website');
    expect(favouriteLabel({ description: 'Deep work', projectName: '' })).toBe('Deep work');
    expect(favouriteLabel({ description: '', projectName: 'Website' })).toBe('(no description) — Website');
  });
});
