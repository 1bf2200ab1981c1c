// The composition root: creates the adapters and the core, wires them, nothing else.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { app, globalShortcut, Menu, powerMonitor, session } from 'electron';
import Store from 'electron-store';
import { APP_ID } from '../shared/app-identity';
import { ClockifyClient } from './clockify/client';
import { AppCore } from './core/app-core';
import { createFileCacheStore } from './core/cache-store';
import { systemClock } from './core/clock';
import { createFileJournalStore } from './core/journal';
import { processEnvironment } from './core/process-environment';
import { trayIconState, trayMenu, trayTitle, trayTooltip, type TrayCommand } from './core/tray-view';
import { installIpc, push } from './ipc/electron-transport';
import { createHandlers } from './ipc/handlers';
import { withServerOverrides } from './core/server-overrides';
import { launchCommand, SHORTCUT_COMMANDS, toggleAction, type ShellCommand } from './core/shell-commands';
import { WorkReminder } from './core/work-reminder';
import { AppWindows } from './platform/app-windows';
import { registerShortcuts } from './platform/global-shortcuts';
import { notify } from './platform/notifications';
import { electronPowerSource } from './platform/power-events';
import { createKeychainSecretStore } from './platform/secret-store-keychain';
import { createSettingsStore } from './platform/settings-store';
import { AppTray } from './platform/tray';
import { hardenSession } from './platform/web-security';


async function main(): Promise<void> {
  await app.whenReady();
  hardenSession(session.defaultSession);
  const dataDir = app.getPath('userData');
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
    systemTimeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    environment: processEnvironment(),
    newId: randomUUID,
    power: electronPowerSource(),
  });

  let stopTicks: (() => void) | null = null;
  const windows = new AppWindows({
    rendererDir: path.join(import.meta.dirname, '../renderer'),
    preload: path.join(import.meta.dirname, 'preload.cjs'),
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

  const run = (command: TrayCommand) => {
    switch (command.kind) {
      case 'start':
      case 'open':
        return windows.showPopover(tray.bounds());
      case 'stop':
        return void core.stopTimer();
      case 'continue':
        return void core.continueEntry(command.entryKey);
      case 'quick-entry':
        return windows.showQuickEntry();
      case 'settings':
        windows.showPopover(tray.bounds());
        return push(windows.contents(), 'app:open-view', { view: 'settings' });
      case 'quit':
        return app.quit();
    }
  };
  const tray = new AppTray(run, () => windows.togglePopover(tray.bounds()));
  const renderTray = () => {
    const snapshot = core.snapshot();
    const workspaceId = snapshot.workspaceId;
    const projects = new Map((workspaceId ? core.catalog(workspaceId).projects : []).map((project) => [project.id, project]));
    const now = Date.now();
    tray.render({
      icon: trayIconState(snapshot),
      tooltip: trayTooltip(snapshot, now, (id) => (id ? (projects.get(id)?.name ?? '') : '')),
      title: trayTitle(snapshot, now),
      menu: trayMenu(snapshot, now, projects),
    });
  };
  core.onState((snapshot) => {
    push(windows.contents(), 'app:state', snapshot);
    renderTray();
  });
  const projectName = (id: string | null) => {
    const workspaceId = core.snapshot().workspaceId;
    return (id && workspaceId && core.catalog(workspaceId).projects.find((project) => project.id === id)?.name) || '';
  };
  const reminder = new WorkReminder({
    clock: systemClock,
    settings: () => core.settingsView().reminder,
    projectName,
    show: (content) =>
      notify(content.title, content.body, () => windows.showPopover(tray.bounds()), content.actions.map((action) => ({ label: action.label, run: () => run(action.command) }))),
  });
  core.onState((snapshot) => reminder.update(snapshot));
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
    if (action.kind === 'stop') return void core.stopTimer();
    if (action.kind === 'continue') return void core.continueEntry(action.entryKey);
    windows.showPopover(tray.bounds());
  };
  let reported = new Set<string>();
  const applySettings = (settings: ReturnType<typeof core.settingsView>) => {
    const problems = registerShortcuts(settings.shortcuts, (name) => command(SHORTCUT_COMMANDS[name]));
    core.setShortcutProblems(problems);
    // Said once per problem, not again at every unrelated change of the settings.
    for (const problem of Object.values(problems)) if (!reported.has(problem)) notify('A shortcut could not be set', problem, () => run({ kind: 'settings' }));
    reported = new Set(Object.values(problems));
    if (app.isPackaged) app.setLoginItemSettings({ openAtLogin: settings.launchAtLogin, args: [] });
  };
  applySettings(core.settingsView());
  core.onSettings(() => applySettings(core.settingsView()));
  if (process.platform === 'darwin') {
    app.dock?.hide();
    Menu.setApplicationMenu(Menu.buildFromTemplate([{ role: 'appMenu' }, { role: 'editMenu' }, { role: 'windowMenu' }]));
  }
  const first = launchCommand(process.argv);
  if (first) command(first);

  powerMonitor.on('resume', () => core.resumed());
  app.on('second-instance', (_event, argv) => command(launchCommand(argv) ?? 'show'));
  // A tray app keeps running with no window; a running timer keeps running on the server after Quit.
  app.on('window-all-closed', () => undefined);
  app.on('before-quit', () => {
    globalShortcut.unregisterAll();
    reminder.dispose();
    core.close();
  });
  app.on('web-contents-created', (_event, contents) => contents.on('will-attach-webview', (event) => event.preventDefault()));
}

// One instance: a second launch hands over to the first and leaves.
if (app.requestSingleInstanceLock()) {
  app.setAppUserModelId(APP_ID);
  void main();
} else {
  app.exit(0);
}
