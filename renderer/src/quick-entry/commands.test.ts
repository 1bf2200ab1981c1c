import { describe, expect, it } from 'vitest';
import type { AppSnapshot, EntryView } from '../../../shared/domain';
import type { FavouriteView } from '../../../shared/favourites';
import { lineCommand } from './commands';

const now = Date.parse('2026-03-10T10:00:00Z');
const running: EntryView = { key: 'k', serverId: 's', workspaceId: 'w', description: 'Writing', projectId: null, taskId: null, tagIds: [], billable: false, start: '2026-03-10T09:50:00Z', end: null, sync: 'synced', problem: null, type: 'REGULAR', customFields: [] };
const favourite = (over: Partial<FavouriteView>): FavouriteView => ({ id: 'f1', position: 1, description: 'Deep work', projectId: 'p', projectName: 'Website', projectColor: null, taskId: null, tagIds: [], billable: false, shortcut: '', problem: null, shortcutProblem: null, ...over });
const snapshot = (over: Partial<AppSnapshot>) => ({ timer: { status: 'idle' }, preferences: { timeZone: 'Etc/UTC', timeFormat: 'HOUR24' }, favourites: [], ...over }) as unknown as AppSnapshot;
const clock = (at: Date) => at.toISOString().slice(11, 16);

describe('quick-entry lines that act', () => {
  it('a relative time alone on a running timer moves its start', () => {
    for (const line of ['-20m', '- 20m', '20 min ago', '-20']) {
      expect(lineCommand(line, snapshot({ timer: { status: 'running', entry: running } }), now, clock)).toEqual({ kind: 'move-start', at: new Date(now - 20 * 60_000), says: 'Moves the start of the running timer “Writing” to 09:40; it keeps running.' });
    }
  });

  it('with text, or with no timer running, it is an entry for the grammar', () => {
    expect(lineCommand('-20m Writing', snapshot({ timer: { status: 'running', entry: running } }), now, clock)).toBeNull();
    expect(lineCommand('-20m', snapshot({}), now, clock)).toBeNull();
    expect(lineCommand('9:00-10:00 Review', snapshot({ timer: { status: 'running', entry: running } }), now, clock)).toBeNull();
  });

  it('fav N starts favourite N, says what it stops, and refuses a missing or broken one in words', () => {
    const two = [favourite({}), favourite({ id: 'f2', position: 2, description: 'Support', projectName: '' })];
    expect(lineCommand('fav 2', snapshot({ favourites: two, timer: { status: 'running', entry: running } }), now, clock)).toEqual({ kind: 'favourite', favouriteId: 'f2', position: 2, says: 'Starts favourite 2: Support (stops “Writing”)' });
    expect(lineCommand('Favourite 1', snapshot({ favourites: two }), now, clock)).toMatchObject({ kind: 'favourite', favouriteId: 'f1' });
    expect(lineCommand('fav 3', snapshot({ favourites: two }), now, clock)).toEqual({ kind: 'refused', message: 'There is no favourite 3: you have 2 (fav 1–fav 2).' });
    expect(lineCommand('fav 1', snapshot({}), now, clock)).toEqual({ kind: 'refused', message: 'There are no favourites yet: pin one with "Add to favourites" in the popover.' });
    expect(lineCommand('fav 1', snapshot({ favourites: [favourite({ problem: 'Its project is archived.' })] }), now, clock)).toEqual({ kind: 'refused', message: 'Favourite 1 cannot start: Its project is archived.' });
  });
});
