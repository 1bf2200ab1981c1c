import { describe, expect, it } from 'vitest';
import type { AppSnapshot, EntryView, ProjectOption } from '../../shared/domain';
import { focusText, focusTrayItems } from './tray-focus';
import { distinctRecent, startingTray, trayGoalProgress, trayIconState, trayMenu, trayTitle, trayTooltip, type TrayMenuItem } from './tray-view';

const now = Date.parse('2026-03-10T15:00:00Z');
const project: ProjectOption = { id: 'p1', name: 'Website', clientId: null, clientName: '', color: '#03a9f4', billable: true };
const projects = new Map([[project.id, project]]);

function entry(over: Partial<EntryView>): EntryView {
  return { key: 'k', serverId: 's', workspaceId: 'w', description: 'Design review', projectId: 'p1', taskId: null, tagIds: [], billable: false, start: '2026-03-10T13:48:00Z', end: null, sync: 'synced', problem: null, type: 'REGULAR', customFields: [], ...over };
}

function snapshot(over: Partial<AppSnapshot> = {}): AppSnapshot {
  return {
    account: { status: 'signed-in', userName: 'Lena', email: 'l@example.com', connection: { kind: 'clockify', server: 'global' }, keyStorage: 'keychain', keychainProblem: null },
    preferences: { timeZone: 'Etc/UTC', timeFormat: 'HOUR24', weekStart: 'MONDAY', dateOrder: 'month-first' },
    workspaces: [],
    workspaceId: 'w',
    timer: { status: 'idle' },
    recent: [entry({ key: 'a', start: '2026-03-10T08:00:00Z', end: '2026-03-10T12:28:00Z' })],
    sync: { pending: 0, online: true, attention: [], lastError: null },
    catalogVersion: 1,
    idlePrompt: null, matonSetup: null, accounts: [],
    ...over,
  };
}

const northwind = { id: 'w2', name: 'Northwind Studio', rules: { forceProjects: false, forceTasks: false, forceTags: false, forceDescription: false, onlyAdminsCreateProject: false, onlyAdminsCreateTag: false } };
const running = snapshot({ timer: { status: 'running', entry: entry({}) } });
const name = (id: string | null) => (id ? (projects.get(id)?.name ?? '') : '');

describe('tray tooltip and title', () => {
  it('names the running entry, its project, elapsed and today', () => {
    expect(trayTooltip(running, now, name)).toBe('Design review — Website · 1:12 · today 5:40 · week 5:40');
    expect(trayTitle(running, now)).toBe('1:12');
  });
  it('says when nothing is tracked, with today’s work in the title', () => {
    expect(trayTooltip(snapshot(), now, name)).toBe('Not tracking · today 4:28 · week 4:28');
    expect(trayTitle(snapshot(), now)).toBe('Σ 4:28');
    expect(trayTitle(snapshot({ recent: [] }), now)).toBe('');
  });
  it('counts the week from the user’s week start, and only work', () => {
    // Tuesday 10 March 2026: Monday's 2 h are in a Monday week, not in a Tuesday one; a break never counts.
    const recent = [
      entry({ key: 'a', start: '2026-03-10T08:00:00Z', end: '2026-03-10T12:28:00Z' }),
      entry({ key: 'b', start: '2026-03-09T08:00:00Z', end: '2026-03-09T10:00:00Z' }),
      { ...entry({ key: 'c', start: '2026-03-10T13:00:00Z', end: '2026-03-10T13:30:00Z' }), type: 'BREAK' },
    ];
    expect(trayTooltip(snapshot({ recent }), now, name)).toBe('Not tracking · today 4:28 · week 6:28');
    expect(trayTooltip(snapshot({ recent, preferences: { timeZone: 'Etc/UTC', timeFormat: 'HOUR24', weekStart: 'TUESDAY', dateOrder: 'month-first' } }), now, name)).toBe('Not tracking · today 4:28 · week 4:28');
  });
  it('shows the goals when set, and the running entry counts toward them', () => {
    expect(trayTooltip(running, now, name, { dailyMinutes: 480, weeklyMinutes: 0 })).toBe('Design review — Website · 1:12 · today 5:40/8:00 · week 5:40');
    expect(trayTooltip(snapshot(), now, name, { dailyMinutes: 480, weeklyMinutes: 2400 })).toBe('Not tracking · today 4:28/8:00 · week 4:28/40:00');
  });
  it('mentions pending changes and a missing connection', () => {
    expect(trayTooltip(snapshot({ sync: { pending: 2, online: false, attention: [], lastError: null } }), now, name)).toBe('Not tracking · today 4:28 · week 4:28 · 2 pending');
    expect(trayTooltip(snapshot({ account: { status: 'signed-out', envKeyAvailable: null, keychainProblem: null } }), now, name)).toBe('Clockify Tray — not connected');
  });
});

describe('tray icon state', () => {
  it.each([
    ['idle', snapshot()],
    ['offline', snapshot({ account: { status: 'signed-out', envKeyAvailable: null, keychainProblem: null } })],
    ['running', running],
    ['pending', snapshot({ sync: { pending: 1, online: true, attention: [], lastError: null } })],
    ['offline', snapshot({ sync: { pending: 1, online: false, attention: [], lastError: 'x' } })],
    ['offline', snapshot({ sync: { pending: 0, online: true, attention: [{ intentId: 'i', entryKey: 'k', what: 'stop', reason: 'r', status: 400 }], lastError: null } })],
  ] as const)('%s', (state, s) => {
    expect(trayIconState(s)).toBe(state);
  });
});

describe('tray menu', () => {
  it('is complete while running: entry, Stop, Continue, Quick entry, Open, Settings, Quit', () => {
    const labels = trayMenu(running, now, projects).map((item) => (item.type === 'separator' ? '—' : item.label));
    expect(labels).toEqual(['● Design review — Website · 1:12', 'Stop', '—', 'Continue Design review — Website', '—', 'Quick entry…', 'Open', 'Settings…', '—', 'Quit (the timer keeps running in Clockify)']);
  });
  it('offers Start when idle, and disables it when not connected', () => {
    const idle = trayMenu(snapshot(), now, projects);
    expect(idle[1]).toMatchObject({ label: 'Start', enabled: true });
    expect(idle.at(-1)).toMatchObject({ label: 'Quit' });
    const signedOut = trayMenu(snapshot({ account: { status: 'signed-out', envKeyAvailable: null, keychainProblem: null }, recent: [] }), now, projects);
    expect(signedOut[1]).toMatchObject({ label: 'Start', enabled: false });
    expect(signedOut.some((item) => item.type === 'command' && item.label === 'Open' && item.enabled)).toBe(true);
  });
  it('offers Resume for the entry stopped within the last 15 minutes, and not later', () => {
    const justStopped = snapshot({ recent: [entry({ key: 'j', start: '2026-03-10T13:00:00Z', end: '2026-03-10T14:50:00Z' })] });
    expect(trayMenu(justStopped, now, projects)[2]).toMatchObject({ label: 'Resume Design review — Website', command: { kind: 'resume', entryKey: 'j' }, enabled: true });
    const labels = (at: number) => trayMenu(justStopped, at, projects).map((item) => (item.type === 'separator' ? '—' : item.label));
    expect(labels(Date.parse('2026-03-10T15:05:00Z')).some((label) => label.startsWith('Resume'))).toBe(true);
    expect(labels(Date.parse('2026-03-10T15:05:01Z')).some((label) => label.startsWith('Resume'))).toBe(false);
    expect(trayMenu(running, now, projects).some((item) => item.type === 'command' && item.command.kind === 'resume')).toBe(false);
  });
  it('offers no Continue for a break or time off, and leaves them out of today', () => {
    const withBreaks = snapshot({
      recent: [
        entry({ key: 'b', description: 'Lunch', type: 'BREAK', start: '2026-03-10T12:30:00Z', end: '2026-03-10T13:00:00Z' }),
        entry({ key: 'h', description: 'Doctor', type: 'TIME_OFF', start: '2026-03-10T13:00:00Z', end: '2026-03-10T14:00:00Z' }),
        entry({ key: 'a', start: '2026-03-10T08:00:00Z', end: '2026-03-10T12:28:00Z' }),
      ],
    });
    const labels = trayMenu(withBreaks, now, projects).map((item) => (item.type === 'separator' ? '—' : item.label));
    expect(labels.filter((label) => label.startsWith('Continue'))).toEqual(['Continue Design review — Website']);
    expect(trayTooltip(withBreaks, now, name)).toBe('Not tracking · today 4:28 · week 4:28');
    expect(trayTooltip(snapshot({ timer: { status: 'running', entry: entry({ type: 'BREAK' }) } }), now, name)).toMatch(/today 4:28 · week 4:28$/);
  });
  it('shows the active account and switches to the others, once there are several', () => {
    const accounts = [
      { id: 'clockify:a', userName: 'Lena Fischer', email: 'lena@example.com', via: 'Global', active: true },
      { id: 'maton:b', userName: 'Jonas Weber', email: 'jonas@example.com', via: 'Maton', active: false },
    ];
    const menu = trayMenu(snapshot({ accounts }), now, projects);
    const at = menu.findIndex((item) => item.type === 'label' && item.label === 'Account: Lena Fischer (lena@example.com) · Global');
    expect(at).toBeGreaterThan(0);
    expect(menu[at + 1]).toEqual({ type: 'command', label: 'Switch to Jonas Weber (jonas@example.com) · Maton', command: { kind: 'switch-account', accountId: 'maton:b' }, enabled: true });
    expect(trayMenu(snapshot({ accounts: accounts.slice(0, 1) }), now, projects).some((item) => item.type === 'label' && item.label.startsWith('Account:'))).toBe(false);
  });
  it('continues at most the last 5 distinct entries', () => {
    const many = Array.from({ length: 9 }, (_, i) => entry({ key: `e${i}`, description: i % 2 ? 'Same' : `Task ${i}`, end: '2026-03-10T12:00:00Z' }));
    expect(distinctRecent(many, 5).map((e) => e.description)).toEqual(['Task 0', 'Same', 'Task 2', 'Task 4', 'Task 6']);
  });
});

describe('the tray icon’s goal ring', () => {
  it('is today’s share of the daily goal, in 1/32 steps, growing with the running timer, full once reached', () => {
    // 4:28 done of an 8-hour goal: 0.558 → 17/32.
    expect(trayGoalProgress(snapshot(), now, { dailyMinutes: 480, weeklyMinutes: 0 })).toBe(17 / 32);
    // With the timer running since 13:48 (1:12 more): 5:40 of 8 h → 22/32.
    expect(trayGoalProgress(running, now, { dailyMinutes: 480, weeklyMinutes: 0 })).toBe(22 / 32);
    expect(trayGoalProgress(running, now, { dailyMinutes: 60, weeklyMinutes: 0 })).toBe(1);
  });

  it('is absent without a daily goal or an account', () => {
    expect(trayGoalProgress(snapshot(), now, { dailyMinutes: 0, weeklyMinutes: 600 })).toBeNull();
    const signedOut = snapshot({ account: { status: 'signed-out', envKeyAvailable: null, keychainProblem: null } });
    expect(trayGoalProgress(signedOut, now, { dailyMinutes: 480, weeklyMinutes: 0 })).toBeNull();
  });
});

describe('favourites and the focus mode in the tray', () => {
  const favourite = (over: Partial<NonNullable<AppSnapshot['favourites']>[number]> = {}) => ({
    id: 'f1', position: 1, description: 'Deep work', projectId: 'p1', projectName: 'Website', projectColor: '#03a9f4', taskId: null, tagIds: [], billable: true, shortcut: '', problem: null, shortcutProblem: null, ...over,
  });

  it('favourites head the menu, one click each; one whose project is gone is greyed out and says why', () => {
    const menu = trayMenu(snapshot({ favourites: [favourite(), favourite({ id: 'f2', position: 2, description: 'Old work', problem: 'archived' })] }), now, projects);
    expect(menu.slice(0, 3)).toEqual([
      { type: 'command', label: '★ Deep work — Website', command: { kind: 'favourite', favouriteId: 'f1' }, enabled: true },
      { type: 'command', label: '★ Old work — Website (project archived or deleted)', command: { kind: 'favourite', favouriteId: 'f2' }, enabled: false },
      { type: 'separator' },
    ]);
    expect(trayMenu(snapshot({ favourites: [favourite()], account: { status: 'signed-out', envKeyAvailable: null, keychainProblem: null } }), now, projects)[0]).toEqual({ type: 'label', label: 'Not connected' });
  });

  it('shows the countdown in the tooltip and the title, and the choices when work time is up', () => {
    const work = snapshot({ timer: running.timer, pomodoro: { phase: 'work', round: 2, rounds: 4, endsAt: new Date(now + 12 * 60_000 + 5_000).toISOString() } });
    expect(trayTooltip(work, now, name)).toBe('Design review — Website · 1:12 · today 5:40 · week 5:40 · Focus 13 min left (round 2 of 4)');
    expect(trayTitle(work, now)).toBe('1:12 · Focus 13 min left');
    expect(trayMenu(work, now, projects).filter((item) => item.type === 'command' && item.command.kind === 'focus').map((item) => item.type === 'command' && item.label)).toEqual(['Pause focus for this timer (meeting)']);
    const over = snapshot({ timer: running.timer, pomodoro: { phase: 'work-over', round: 4, rounds: 4, since: new Date(now).toISOString(), longBreak: true } });
    expect(trayMenu(over, now, projects).filter((item) => item.type === 'command' && item.command.kind === 'focus').map((item) => item.type === 'command' && item.command)).toEqual([
      { kind: 'focus', action: 'break' },
      { kind: 'focus', action: 'keep-working' },
      { kind: 'focus', action: 'pause' },
    ]);
    const rest = snapshot({ pomodoro: { phase: 'break', round: 3, rounds: 4, endsAt: new Date(now + 4 * 60_000).toISOString(), longBreak: false, tracked: false } });
    expect(trayTitle(rest, now)).toBe('Break 4 min left');
    expect(trayTitle(snapshot({ pomodoro: { phase: 'ready', round: 1, rounds: 4 } }), now)).toBe('Σ 4:28');
  });
});

// The whole menu as a person reads it: a label in brackets, a separator as a dash, a command with
// what a click does, greyed out where it cannot be used.
function read(menu: readonly TrayMenuItem[]): string[] {
  return menu.map((item) => {
    if (item.type === 'separator') return '—';
    if (item.type === 'label') return `[${item.label}]`;
    if (item.type === 'command') return `${item.label} → ${Object.values(item.command).join(' ')}${item.enabled ? '' : ' (greyed out)'}`;
    return `an item the tray cannot show: ${JSON.stringify(item)}`;
  });
}

describe('the tray menu, item by item, per state', () => {
  const signedOut = { status: 'signed-out', envKeyAvailable: null, keychainProblem: null } as const;
  const accounts = [
    { id: 'clockify:a', userName: 'Lena Fischer', email: 'lena@example.com', via: 'Global', active: true },
    { id: 'maton:b', userName: 'Jonas Weber', email: 'jonas@example.com', via: 'Maton', active: false },
    { id: 'maton:c', userName: 'Mia Wolf', email: 'mia@example.com', via: 'Maton', active: false },
  ];
  const justStopped = entry({ key: 'j', description: '', projectId: null, start: '2026-03-10T14:00:00Z', end: '2026-03-10T14:55:00Z' });
  const long = 'Quarterly planning with the whole design team and the client';
  const cases: [string, AppSnapshot, string[]][] = [
    [
      'running: the entry, Stop, what to continue, and Quit says the timer keeps running',
      running,
      ['[● Design review — Website · 1:12]', 'Stop → stop', '—', 'Continue Design review — Website → continue a', '—', 'Quick entry… → quick-entry', 'Open → open', 'Settings… → settings', '—', 'Quit (the timer keeps running in Clockify) → quit'],
    ],
    [
      'running in another workspace, with a long description: named and cut to fit',
      snapshot({ timer: { status: 'running', entry: entry({ description: long, workspaceId: 'w2' }) }, workspaces: [{ ...northwind, id: 'w', name: 'Home' }, northwind], recent: [] }),
      ['[● Quarterly planning with the whole design team a… (in Northwind Studio) · 1:12]', 'Stop → stop', '—', 'Quick entry… → quick-entry', 'Open → open', 'Settings… → settings', '—', 'Quit (the timer keeps running in Clockify) → quit'],
    ],
    [
      'running, with exactly as much text as fits (48 characters): shown whole',
      snapshot({ timer: { status: 'running', entry: entry({ description: 'Sprint planning for the mobile release' }) }, recent: [] }),
      ['[● Sprint planning for the mobile release — Website · 1:12]', 'Stop → stop', '—', 'Quick entry… → quick-entry', 'Open → open', 'Settings… → settings', '—', 'Quit (the timer keeps running in Clockify) → quit'],
    ],
    [
      'running in a workspace no longer listed',
      snapshot({ timer: { status: 'running', entry: entry({ workspaceId: 'gone' }) }, recent: [] }),
      ['[● Design review — Website (in another workspace) · 1:12]', 'Stop → stop', '—', 'Quick entry… → quick-entry', 'Open → open', 'Settings… → settings', '—', 'Quit (the timer keeps running in Clockify) → quit'],
    ],
    [
      'idle with nothing recent: Start, no Continue section',
      snapshot({ recent: [] }),
      ['[Not tracking]', 'Start → start', '—', 'Quick entry… → quick-entry', 'Open → open', 'Settings… → settings', '—', 'Quit → quit'],
    ],
    [
      'just stopped: Resume that entry; an entry without description or project says so; a project not in the catalogue is left out',
      snapshot({ recent: [justStopped, entry({ key: 'x', projectId: 'unknown', end: '2026-03-10T12:00:00Z' })] }),
      ['[Not tracking]', 'Start → start', 'Resume (no description) → resume j', '—', 'Continue (no description) → continue j', 'Continue Design review → continue x', '—', 'Quick entry… → quick-entry', 'Open → open', 'Settings… → settings', '—', 'Quit → quit'],
    ],
    [
      'signed out: Start and Quick entry greyed out, no Resume and no accounts; Open, Settings and Quit still work',
      snapshot({ account: signedOut, accounts, recent: [justStopped] }),
      ['[Not connected]', 'Start → start (greyed out)', '—', 'Continue (no description) → continue j', '—', 'Quick entry… → quick-entry (greyed out)', 'Open → open', 'Settings… → settings', '—', 'Quit → quit'],
    ],
    [
      'several accounts: the active one named, the others one click away each',
      snapshot({ accounts, recent: [] }),
      ['[Not tracking]', 'Start → start', '—', '[Account: Lena Fischer (lena@example.com) · Global]', 'Switch to Jonas Weber (jonas@example.com) · Maton → switch-account maton:b', 'Switch to Mia Wolf (mia@example.com) · Maton → switch-account maton:c', '—', 'Quick entry… → quick-entry', 'Open → open', 'Settings… → settings', '—', 'Quit → quit'],
    ],
    [
      'several accounts but none active (while switching): no account section',
      snapshot({ accounts: accounts.map((account) => ({ ...account, active: false })), recent: [] }),
      ['[Not tracking]', 'Start → start', '—', 'Quick entry… → quick-entry', 'Open → open', 'Settings… → settings', '—', 'Quit → quit'],
    ],
    [
      'on a break in the focus mode: the countdown and Back to work',
      snapshot({ recent: [], pomodoro: { phase: 'break', round: 3, rounds: 4, endsAt: new Date(now + 4 * 60_000).toISOString(), longBreak: true, tracked: false } }),
      ['[Not tracking]', 'Start → start', '[Long break 4 min left]', 'Back to work → focus back-to-work', '—', 'Quick entry… → quick-entry', 'Open → open', 'Settings… → settings', '—', 'Quit → quit'],
    ],
  ];
  it.each(cases)('%s', (_what, state, expected) => {
    expect(read(trayMenu(state, now, projects))).toEqual(expected);
  });

  it('while the app starts: only Quit', () => {
    const tray = startingTray();
    expect({ ...tray, menu: read(tray.menu) }).toEqual({ icon: 'idle', goal: null, tooltip: 'Clockify Tray — starting…', title: '', menu: ['[Starting…]', '—', 'Quit → quit'] });
  });
});

describe('the tooltip and title in other states', () => {
  it('names the workspace the timer runs in when it is not the chosen one', () => {
    const elsewhere = snapshot({ timer: { status: 'running', entry: entry({ description: '', workspaceId: 'w2' }) }, workspaces: [{ ...northwind, id: 'w', name: 'Home' }, northwind] });
    expect(trayTooltip(elsewhere, now, name)).toBe('(no description) — Website (in Northwind Studio) · 1:12 · today 5:40 · week 5:40');
    expect(trayTooltip(snapshot({ timer: { status: 'running', entry: entry({ projectId: null }) } }), now, () => '')).toBe('Design review · 1:12 · today 5:40 · week 5:40');
  });
  it('shows the focus mode while idle in the title as it is, and nothing for a signed-out person', () => {
    const paused = snapshot({ pomodoro: { phase: 'work', round: 1, rounds: 4, endsAt: new Date(now + 60_000).toISOString() } });
    expect(trayTitle(paused, now)).toBe('Focus 1 min left (round 1 of 4)');
    expect(trayTitle(snapshot({ account: { status: 'signed-out', envKeyAvailable: null, keychainProblem: null } }), now)).toBe('');
  });
  it('shows today’s work in the title from the first full minute', () => {
    const today = (seconds: number) => snapshot({ recent: [entry({ start: '2026-03-10T08:00:00Z', end: new Date(Date.parse('2026-03-10T08:00:00Z') + seconds * 1000).toISOString() })] });
    expect(trayTitle(today(59), now)).toBe('');
    expect(trayTitle(today(60), now)).toBe('Σ 0:01');
  });
});

describe('distinctRecent', () => {
  it('treats the same tags in another order as the same entry, and other tags as another', () => {
    const tagged = [entry({ key: 'a', tagIds: ['t1', 't2'], end: '2026-03-10T12:00:00Z' }), entry({ key: 'b', tagIds: ['t2', 't1'], end: '2026-03-10T11:00:00Z' }), entry({ key: 'c', tagIds: ['t3'], end: '2026-03-10T10:00:00Z' })];
    expect(distinctRecent(tagged, 5).map((e) => e.key)).toEqual(['a', 'c']);
  });
});

describe('the focus mode in the tray, per phase', () => {
  const at = (minutes: number) => new Date(now + minutes * 60_000).toISOString();
  const cases: [string, AppSnapshot['pomodoro'], string | null, string[]][] = [
    ['off', null, null, []],
    ['ready (not started)', { phase: 'ready', round: 1, rounds: 4 }, null, []],
    ['working, minutes left rounded up', { phase: 'work', round: 2, rounds: 4, endsAt: at(12 + 1 / 60) }, 'Focus 13 min left (round 2 of 4)', ['Pause focus for this timer (meeting) → focus pause']],
    ['working, exactly 12 minutes left', { phase: 'work', round: 1, rounds: 3, endsAt: at(12) }, 'Focus 12 min left (round 1 of 3)', ['Pause focus for this timer (meeting) → focus pause']],
    ['working, the end already past (a late tick)', { phase: 'work', round: 1, rounds: 3, endsAt: at(-2) }, 'Focus 0 min left (round 1 of 3)', ['Pause focus for this timer (meeting) → focus pause']],
    ['work time up', { phase: 'work-over', round: 4, rounds: 4, since: at(0), longBreak: true }, 'Work time is up: take a break', ['Take a break → focus break', 'Keep working → focus keep-working', 'Pause focus for this timer (meeting) → focus pause']],
    ['on a short break', { phase: 'break', round: 1, rounds: 4, endsAt: at(4), longBreak: false, tracked: false }, 'Break 4 min left', ['Back to work → focus back-to-work']],
    ['on a long break', { phase: 'break', round: 4, rounds: 4, endsAt: at(15), longBreak: true, tracked: true }, 'Long break 15 min left', ['Back to work → focus back-to-work']],
    ['break over', { phase: 'break-over', round: 1, rounds: 4, since: at(0) }, 'Break is over', ['Back to work → focus back-to-work']],
    ['paused for a meeting', { phase: 'paused', round: 2, rounds: 4 }, 'Focus paused', ['Resume focus → focus resume']],
  ];
  it.each(cases)('%s', (_phase, pomodoro, text, choices) => {
    const state = snapshot({ pomodoro });
    expect(focusText(state, now)).toBe(text);
    expect(read(focusTrayItems(state))).toEqual(choices);
  });
  it('shows nothing once signed out', () => {
    const state = snapshot({ account: { status: 'signed-out', envKeyAvailable: null, keychainProblem: null }, pomodoro: { phase: 'paused', round: 2, rounds: 4 } });
    expect([focusText(state, now), focusTrayItems(state)]).toEqual([null, []]);
  });
});

describe('favourites in the tray menu', () => {
  const favourite = (i: number, over: Partial<NonNullable<AppSnapshot['favourites']>[number]> = {}) => ({
    id: `f${i}`, position: i, description: `Favourite ${i}`, projectId: null, projectName: '', projectColor: '', taskId: null, tagIds: [], billable: false, shortcut: '', problem: null, shortcutProblem: null, ...over,
  });
  const head = (state: AppSnapshot) => read(trayMenu(state, now, projects)).slice(0, 3);
  it('lists at most nine (the popover shows them all), then a separator', () => {
    const items = read(trayMenu(snapshot({ favourites: Array.from({ length: 11 }, (_, i) => favourite(i + 1)) }), now, projects));
    expect(items.slice(0, 11)).toEqual([...Array.from({ length: 9 }, (_, i) => `★ Favourite ${i + 1} → favourite f${i + 1}`), '—', '[Not tracking]']);
  });
  it('cuts a long label to 48 characters and names a favourite without a description', () => {
    const long = 'A favourite with a description far too long for any tray menu';
    expect(head(snapshot({ favourites: [favourite(1, { description: long }), favourite(2, { description: '', projectName: 'Website' })] }))).toEqual([
      `★ ${long.slice(0, 47)}… → favourite f1`,
      '★ (no description) — Website → favourite f2',
      '—',
    ]);
  });
  it('is empty without favourites, with none loaded yet, or signed out', () => {
    expect(head(snapshot({ favourites: [] }))[0]).toBe('[Not tracking]');
    expect(head(snapshot({ favourites: undefined }))[0]).toBe('[Not tracking]');
    expect(head(snapshot({ favourites: [favourite(1)], account: { status: 'signed-out', envKeyAvailable: null, keychainProblem: null } }))[0]).toBe('[Not connected]');
  });
});
