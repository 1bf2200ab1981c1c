// Favourites through main: the tray menu starts one with a click, its own global shortcut starts
// it, and a shortcut the system refuses is reported like the app's own (built app, Electron double).
import { describe, expect, it } from 'vitest';
import type { AppSnapshot } from '../../shared/domain';
import { boot, clean, menuLabels, runningEntries, signIn, trayReady, useBootFixture } from './fixture';

useBootFixture();

const draft = (description: string) => ({ description, projectId: null, taskId: null, tagIds: [], billable: false });

describe('favourites through main', () => {
  it('Linux: a click in the tray menu and a favourite shortcut start favourites; a taken shortcut is reported', async () => {
    const app = await boot('linux', { takenAccelerators: ['CommandOrControl+Alt+9'] });
    await app.until(trayReady);
    const window = await signIn(app);
    const bridge = <T>(method: string, request?: unknown) => app.call<T>({ kind: 'bridge', window, method, request });
    for (const description of ['Design', 'Support']) {
      await bridge('startTimer', { draft: draft(description) });
      const snapshot = await bridge<AppSnapshot>('getSnapshot');
      if (snapshot.timer.status !== 'running') throw new Error('no timer');
      expect(await bridge('addFavourite', { entryKey: snapshot.timer.entry.key })).toMatchObject({ ok: true });
    }
    await bridge('stopTimer');
    await app.until(() => expect(runningEntries()).toHaveLength(0));
    const [design, support] = (await bridge<AppSnapshot>('getSnapshot')).favourites!;

    await app.until((state) => expect(menuLabels(state).slice(0, 2)).toEqual(['★ Design', '★ Support']));
    await app.call({ kind: 'menu-click', label: '★ Design' });
    await app.until(() => expect(runningEntries().map((entry) => entry.description)).toEqual(['Design']));

    expect(await bridge('setFavouriteShortcut', { favouriteId: support!.id, shortcut: 'CommandOrControl+Alt+1' })).toMatchObject({ ok: true });
    await app.call({ kind: 'shortcut', accelerator: 'CommandOrControl+Alt+1' });
    await app.until(() => expect(runningEntries().map((entry) => entry.description)).toEqual(['Support']));

    expect(await bridge('setFavouriteShortcut', { favouriteId: design!.id, shortcut: 'CommandOrControl+Alt+9' })).toMatchObject({ ok: true });
    const state = await app.until((current) => expect(current.notifications.map((shown) => shown.body)).toContainEqual(expect.stringMatching(/“Favourite 1: Design” \(CommandOrControl\+Alt\+9\) is taken by another application/)));
    const shown = (await bridge<AppSnapshot>('getSnapshot')).favourites!;
    expect(shown[0]!.shortcutProblem).toMatch(/is taken by another application or not allowed by the desktop/);
    // The app's own shortcuts stay in force beside the favourites': toggle stops the timer.
    await app.call({ kind: 'shortcut', accelerator: 'CommandOrControl+Alt+T' });
    await app.until(() => expect(runningEntries()).toHaveLength(0));
    clean(state);
  });
});
