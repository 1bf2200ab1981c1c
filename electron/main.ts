// The composition root: creates the adapters and the core, wires them, nothing else.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { app, dialog, globalShortcut, Menu, powerMonitor, session } from 'electron';
import Store from 'electron-store';
import { APP_ID } from '../shared/app-identity';
import { defaultDraft } from '../shared/entry-rules';
import { ClockifyClient } from './clockify/client';
import { ActivityLog } from './core/activity-log';
import { AppCore } from './core/app-core';
import { createFileCacheStore } from './core/cache-store';
import { systemClock } from './core/clock';
import { createFileJournalStore } from './core/journal';
import { processEnvironment } from './core/process-environment';
import { matonConnectionsWithOverrides, withServerOverrides } from './core/server-overrides';
import { MatonConnectionsClient } from './clockify/maton-connections';
import { openInBrowser } from './platform/external-browser';
import { launchCommand, SHORTCUT_COMMANDS, toggleAction, type ShellCommand } from './core/shell-commands';
import { startingTray, trayGoalProgress, trayIconState, trayMenu, trayTitle, trayTooltip, type TrayCommand } from './core/tray-view';
import { GoalWatcher } from './core/goal-watcher';
import { WorkReminder } from './core/work-reminder';
import { installIpc, push } from './ipc/electron-transport';
import { createHandlers } from './ipc/handlers';
import { registerAppScheme, serveAppScheme } from './platform/app-protocol';
import { AppWindows } from './platform/app-windows';
import { findDesktopIdleMonitor } from './platform/desktop-idle';
import { isNativeWayland } from './platform/display-session';
import { registerFavouriteShortcuts, registerShortcuts } from './platform/global-shortcuts';
import { applyLaunchAtLogin } from './platform/login-item';
import { notify } from './platform/notifications';
import { electronPowerSource } from './platform/power-events';
import { createKeychainSecretStore } from './platform/secret-store-keychain';
import { createSettingsStore } from './platform/settings-store';
import { AppTray } from './platform/tray';
import { hardenSession } from './platform/web-security';

const rendererDir = path.join(import.meta.dirname, '../renderer');

async function main(): Promise<void> {
  await app.whenReady();
  // Windows and Linux get no application menu: Electron's default one offers Reload and Toggle
  // DevTools in every window. macOS keeps the standard menus (copy and paste need them).
  if (process.platform === 'darwin') {
    app.dock?.hide();
    Menu.setApplicationMenu(Menu.buildFromTemplate([{ role: 'appMenu' }, { role: 'editMenu' }, { role: 'windowMenu' }]));
  } else Menu.setApplicationMenu(null);
  hardenSession(session.defaultSession);
  serveAppScheme(rendererDir);

  // The tray and a second launch's commands come first: nothing before them waits on the keychain
  // or the network. Until the core is open, commands wait for it (Quit does not).
  let opened: ((action: () => void) => void) | null = null;
  const waiting: (() => void)[] = [];
  const whenOpen = (action: () => void) => (opened ? opened(action) : void waiting.push(action));
  const tray = new AppTray(
    (trayCommand) => (trayCommand.kind === 'quit' ? app.quit() : whenOpen(() => run(trayCommand))),
    () => whenOpen(() => windows.togglePopover(tray.bounds())),
  );
  tray.render(startingTray());
  app.on('second-instance', (_event, argv) => whenOpen(() => command(launchCommand(argv) ?? 'show')));
  // A tray app keeps running with no window; a running timer keeps running on the server after Quit.
  app.on('window-all-closed', () => undefined);
  app.on('web-contents-created', (_event, contents) => contents.on('will-attach-webview', (event) => event.preventDefault()));

  const wayland = isNativeWayland(process.platform, process.env, process.argv);
  const dataDir = app.getPath('userData');
  // Native Wayland: Electron reads no idle time there; the desktop's idle monitor may.
  const power = electronPowerSource(powerMonitor, wayland ? await findDesktopIdleMonitor() : undefined);
  // When the computer was last used, kept on disk: the forgotten-timer rescue after a night or a reboot.
  const activity = new ActivityLog({ dataDir, clock: systemClock, source: power });
  const core = await AppCore.open({
    secrets: createKeychainSecretStore(APP_ID),
    settings: createSettingsStore(path.join(dataDir, 'settings.json'), () => new Store<Record<string, unknown>>({ name: 'settings', cwd: dataDir })),
    journal: createFileJournalStore(dataDir),
    cache: createFileCacheStore(dataDir),
    clock: systemClock,
    // CLOCKIFY_TRAY_API_URL / CLOCKIFY_TRAY_MATON_URL point Global and Maton elsewhere (the Electron end-to-end tests' fake Clockify).
    createClient: (connection, secret, how) =>
      new ClockifyClient({
        connection: withServerOverrides(connection, { apiUrl: process.env.CLOCKIFY_TRAY_API_URL, matonUrl: process.env.CLOCKIFY_TRAY_MATON_URL }),
        secret,
        ...(how?.quick ? { maxRetries: 0 } : {}),
      }),
    matonConnections: (place, secret) => new MatonConnectionsClient({ origin: matonConnectionsWithOverrides(place, { matonUrl: process.env.CLOCKIFY_TRAY_MATON_URL }), secret }),
    openInBrowser,
    systemTimeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    environment: processEnvironment(),
    newId: randomUUID,
    power,
    activity,
  });

  let stopTicks: (() => void) | null = null;
  const windows = new AppWindows({
    preload: path.join(import.meta.dirname, 'preload.cjs'),
    devTools: !app.isPackaged,
    framed: wayland,
    unloadAfterMs: () => core.settingsView().unloadPopoverAfterMinutes * 60_000,
    openView: (contents, view) => push([contents], 'app:open-view', { view }),
    onVisibilityChange: (visible) => {
      core.setWindowVisible(visible);
      if (visible) stopTicks ??= core.onTick((tick) => push(windows.contents(), 'timer:tick', tick));
      else {
        stopTicks?.();
        stopTicks = null;
      }
    },
  });
  installIpc(createHandlers(core, { hideWindow: () => windows.hideFocused() }), windows);

  const projectsById = () => {
    const workspaceId = core.snapshot().workspaceId;
    return new Map((workspaceId ? core.catalog(workspaceId).projects : []).map((project) => [project.id, project]));
  };
  const projectName = (id: string | null) => (id ? (projectsById().get(id)?.name ?? '') : '');
  /** Carried out, or said in a notification that opens the popover to fix it. */
  const report = (result: ReturnType<AppCore['stopTimer']>) => {
    if (!result.ok) notify('Clockify Tray', result.error.message, () => windows.showPopover(tray.bounds()));
  };
  const run = (trayCommand: TrayCommand): void => {
    switch (trayCommand.kind) {
      case 'start': {
        // Starts at once, with the default project of the settings; what it is about can follow.
        const projects = projectsById();
        return report(core.startTimer(defaultDraft(core.settingsView().defaultProject, core.snapshot().recent, (id) => projects.get(id))));
      }
      case 'open':
        return windows.showPopover(tray.bounds());
      case 'stop':
        return report(core.stopTimer());
      case 'continue':
        return report(core.continueEntry(trayCommand.entryKey));
      case 'resume':
        return report(core.resumeEntry(trayCommand.entryKey));
      case 'quick-entry':
        return windows.showQuickEntry();
      case 'settings':
        return windows.showPopover(tray.bounds(), 'settings');
      case 'favourite':
        return report(core.startFavourite(trayCommand.favouriteId));
      case 'focus':
        return report(core.focus(trayCommand.action));
      case 'switch-account':
        // A refusal (the account's key is gone) is said here.
        return void core.switchAccount(trayCommand.accountId).then((result) => {
          if (!result.ok) notify('Clockify Tray', result.error.message, () => windows.showPopover(tray.bounds()));
        });
      case 'quit':
        return app.quit();
    }
  };
  const renderTray = () => {
    const snapshot = core.snapshot();
    const projects = projectsById();
    const now = Date.now();
    const goals = core.settingsView().goals;
    tray.render({
      icon: trayIconState(snapshot),
      goal: trayGoalProgress(snapshot, now, goals),
      tooltip: trayTooltip(snapshot, now, (id) => (id ? (projects.get(id)?.name ?? '') : ''), goals),
      title: trayTitle(snapshot, now),
      menu: trayMenu(snapshot, now, projects),
    });
  };
  core.onState((snapshot) => {
    push(windows.contents(), 'app:state', snapshot);
    renderTray();
  });
  const reminder = new WorkReminder({
    clock: systemClock,
    settings: () => core.settingsView().reminder,
    projectName,
    show: (content) =>
      notify(content.title, content.body, () => windows.showPopover(tray.bounds()), content.actions.map((action) => ({ label: action.label, run: () => run(action.command) }))),
  });
  core.onState((snapshot) => reminder.update(snapshot));
  const goals = new GoalWatcher({ clock: systemClock, goals: () => core.settingsView().goals, show: (text) => notify('Clockify Tray', text, () => windows.showPopover(tray.bounds())) });
  core.onState((snapshot) => goals.update(snapshot));
  core.onNotice((notice) => {
    push(windows.contents(), 'app:notice', notice);
    // A window that is open shows the notice itself; otherwise the system tells the user.
    if (!windows.contents().some((contents) => contents.isFocused())) notify('Clockify Tray', notice.text, () => windows.showPopover(tray.bounds()));
  });
  renderTray();
  setInterval(renderTray, 60_000).unref();

  // The same three commands from a global shortcut or a second launch (`--toggle` …), which is
  // how Wayland users bind them in their desktop's own shortcut settings.
  const command = (name: ShellCommand) => {
    if (name === 'quick-entry') return windows.showQuickEntry();
    const action = name === 'toggle' ? toggleAction(core.snapshot()) : ({ kind: 'show' } as const);
    if (action.kind === 'stop') return report(core.stopTimer());
    if (action.kind === 'continue') return report(core.continueEntry(action.entryKey));
    windows.showPopover(tray.bounds());
  };
  let reported = new Set<string>();
  /** The favourites' shortcuts last registered: another account or workspace has other favourites. */
  let favouriteKeys = '';
  let launchAtLogin: boolean | null = null;
  const applySettings = (settings: ReturnType<typeof core.settingsView>) => {
    const problems = registerShortcuts(settings.shortcuts, (name) => command(SHORTCUT_COMMANDS[name]));
    core.setShortcutProblems(problems);
    favouriteKeys = JSON.stringify(core.favouriteShortcuts());
    const favouriteProblems = registerFavouriteShortcuts(core.favouriteShortcuts(), (id) => report(core.startFavourite(id)));
    core.setFavouriteShortcutProblems(favouriteProblems);
    // Said once per problem, not again at every unrelated change of the settings.
    for (const problem of [...Object.values(problems), ...Object.values(favouriteProblems)]) if (!reported.has(problem)) notify('A shortcut could not be set', problem, () => run({ kind: 'settings' }));
    reported = new Set([...Object.values(problems), ...Object.values(favouriteProblems)]);
    // Only a packaged app registers itself (a development build would start a bare Electron at login).
    if (app.isPackaged && settings.launchAtLogin !== launchAtLogin) {
      launchAtLogin = settings.launchAtLogin;
      applyLaunchAtLogin(launchAtLogin, { platform: process.platform, env: process.env, execPath: process.execPath, setLoginItemSettings: (login) => app.setLoginItemSettings(login) });
    }
  };
  applySettings(core.settingsView());
  core.onSettings(() => applySettings(core.settingsView()));
  core.onState(() => {
    if (JSON.stringify(core.favouriteShortcuts()) !== favouriteKeys) applySettings(core.settingsView());
  });

  powerMonitor.on('resume', () => core.resumed());
  app.on('before-quit', () => {
    globalShortcut.unregisterAll();
    reminder.dispose();
    goals.dispose();
    core.close();
    activity.dispose();
  });

  opened = (action) => action();
  for (const action of waiting.splice(0)) action();
  const first = launchCommand(process.argv);
  if (first) command(first);
}

/** A start-up that failed must not leave an invisible process holding the single-instance lock. */
function startupFailed(error: unknown): void {
  const reason = error instanceof Error ? error.message : String(error);
  dialog.showErrorBox(
    'Clockify Tray could not start',
    `${reason}\n\nNothing that was saved is lost: changes not yet sent stay on disk and go out at the next start. If this happens again, see "Troubleshooting" in the README.`,
  );
  app.exit(1);
}

// Before ready: Electron accepts privileged schemes only now.
registerAppScheme();
// One instance: a second launch hands its command to the first (`second-instance`) and leaves.
if (app.requestSingleInstanceLock()) {
  app.setAppUserModelId(APP_ID);
  main().catch(startupFailed);
} else {
  app.exit(0);
}
