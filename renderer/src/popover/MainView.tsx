// Signed in: the workspace, the sync state, the tracker and the recent entries.
import { useState } from 'react';
import type { AppSnapshot } from '../../../shared/domain';
import { DaySummary } from './DaySummary';
import { DayView } from './DayView';
import { useDayView } from './day-view-store';
import { EditEntrySheet } from './EditEntrySheet';
import { Favourites } from './Favourites';
import { FocusBar } from './FocusBar';
import { IdlePromptSheet } from './IdlePromptSheet';
import { SettingsSheet } from './SettingsSheet';
import { Icon } from './Icon';
import { OtherAccountTimer, OtherAccountWaiting } from './OtherAccounts';
import { OlderEntries } from './OlderEntries';
import { RecentEntries } from './RecentEntries';
import { Tracker } from './Tracker';
import { call, openSettings, refusedStop, setAddingAccount, setEditing, setReconnecting, showToast, usePopover } from './store';

export function MainView() {
  // An entry that left the list (deleted, older than the list) cannot stay open.
  const editingKey = usePopover((state) => (state.editingKey !== null && state.snapshot?.recent.some((entry) => entry.key === state.editingKey) ? state.editingKey : null));
  const idlePrompt = usePopover((state) => state.snapshot?.idlePrompt ?? null);
  const settingsOpen = usePopover((state) => state.settingsOpen);
  const dayOpen = useDayView((state) => state.open);
  return (
    <>
      <main className="main" inert={editingKey !== null || idlePrompt !== null || settingsOpen || dayOpen}>
        <TopBar />
        <Banners />
        <FocusBar />
        <Favourites />
        <Tracker />
        <DaySummary />
        <RecentEntries />
        <OlderEntries />
      </main>
      {idlePrompt ? (
        <IdlePromptSheet key={idlePrompt.id} prompt={idlePrompt} />
      ) : settingsOpen ? (
        <SettingsSheet />
      ) : editingKey !== null ? (
        <EditEntrySheet entryKey={editingKey} />
      ) : (
        dayOpen && <DayView />
      )}
    </>
  );
}

function TopBar() {
  const snapshot = usePopover((state) => state.snapshot)!;
  const [switching, setSwitching] = useState(false);
  const selectWorkspace = async (workspaceId: string) => {
    setSwitching(true);
    const result = await call(() => window.clockify.selectWorkspace({ workspaceId }));
    setSwitching(false);
    if (!result.ok) showToast('error', result.error.message);
  };
  return (
    <header className="topbar">
      <div className="workspace">
        <select
          aria-label="Workspace"
          value={snapshot.workspaceId ?? ''}
          aria-busy={switching}
          disabled={snapshot.workspaces.length === 0}
          onChange={(event) => void selectWorkspace(event.currentTarget.value)}
        >
          {snapshot.workspaces.length === 0 && <option value="">Loading workspaces…</option>}
          {snapshot.workspaces.map((workspace) => (
            <option key={workspace.id} value={workspace.id}>
              {workspace.name}
            </option>
          ))}
        </select>
        <svg className="chevron" viewBox="0 0 16 16" aria-hidden="true">
          <path d="M4.5 6.5l3.5 3.5 3.5-3.5" />
        </svg>
      </div>
      <SyncStatus sync={snapshot.sync} />
      <AccountMenu snapshot={snapshot} />
    </header>
  );
}

function SyncStatus({ sync }: { sync: AppSnapshot['sync'] }) {
  const waiting = sync.pending;
  const attention = sync.attention.length;
  let text: string;
  let tone: string;
  if (!sync.online) {
    text = waiting > 0 ? `Offline · ${waiting} pending` : 'Offline';
    tone = 'offline';
  } else if (attention > 0) {
    text = `${attention} need${attention === 1 ? 's' : ''} attention`;
    tone = 'attention';
  } else if (waiting > 0) {
    text = `${waiting} pending`;
    tone = 'pending';
  } else {
    text = 'All saved';
    tone = 'saved';
  }
  return (
    <div role="status" className={`sync-status ${tone}`} title={sync.lastError ?? undefined}>
      <span className="sync-dot" aria-hidden="true" />
      {text}
    </div>
  );
}

function changesWord(count: number): string {
  return `${count} ${count === 1 ? 'change' : 'changes'}`;
}

/** An account in the menu: its user's name, then the email and how it connects. */
function AccountWho({ account }: { account: AppSnapshot['accounts'][number] }) {
  return (
    <span className="menu-account-who">
      <span>{account.userName}</span>
      <span className="muted small">
        {account.email} · {account.via}
      </span>
    </span>
  );
}

function AccountMenu({ snapshot }: { snapshot: AppSnapshot }) {
  const [open, setOpen] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [switching, setSwitching] = useState(false);
  const account = snapshot.account;
  if (account.status !== 'signed-in') return null;
  // Changes not yet sent, refused ones included: signing out now throws them away.
  const waiting = snapshot.sync.pending + snapshot.sync.attention.length;
  const signOut = async () => {
    const result = await call(() => window.clockify.signOut({ discardPending: waiting > 0 }));
    if (!result.ok) setProblem(result.error.message);
  };
  // Not disabled while switching: a disabled button drops the focus, and the menu closes on blur.
  const switchTo = async (other: AppSnapshot['accounts'][number]) => {
    if (switching) return;
    setSwitching(true);
    setProblem(null);
    const result = await call(() => window.clockify.switchAccount({ accountId: other.id }));
    setSwitching(false);
    if (!result.ok) return setProblem(result.error.message);
    setOpen(false);
    showToast('info', `Switched to ${result.value.userName} (${other.email}).`);
  };
  /** The Maton key's connections: switch to another Clockify account, add or remove one. */
  const openConnections = async () => {
    const result = await call(() => window.clockify.openMatonConnections({}));
    if (!result.ok) showToast('error', result.error.message);
  };
  const toggle = () => {
    setOpen(!open);
    setConfirming(false);
    setProblem(null);
  };
  const initials = account.userName
    .split(/\s+/)
    .map((word) => word[0] ?? '')
    .join('')
    .slice(0, 2)
    .toUpperCase();
  return (
    <div
      className="account"
      onBlur={(event) => {
        // Closes when focus leaves the menu (a click elsewhere, Tab away).
        if (!event.currentTarget.contains(event.relatedTarget)) setOpen(false);
      }}
    >
      <button
        type="button"
        className="avatar"
        aria-label="Account"
        aria-expanded={open}
        aria-haspopup="true"
        title={`${account.userName} (${account.email})`}
        onClick={toggle}
      >
        {initials || <Icon name="person" />}
      </button>
      {open && (
        <div
          className="menu"
          role="group"
          aria-label="Account"
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.preventDefault();
              if (confirming) setConfirming(false);
              else setOpen(false);
            }
          }}
        >
          <p className="menu-who">
            <strong>{account.userName}</strong>
            <span className="muted">{account.email}</span>
            <span className="muted small">{account.keyStorage === 'keychain' ? 'Key kept in the system keychain' : 'Key kept in memory until the app quits'}</span>
          </p>
          {snapshot.accounts.length > 1 && (
            <ul className="menu-accounts" aria-label="Accounts">
              {snapshot.accounts.map((other) =>
                other.active ? (
                  <li key={other.id} className="menu-account active" aria-current="true">
                    <AccountWho account={other} />
                    <span className="menu-account-badge">Active</span>
                  </li>
                ) : (
                  <li key={other.id} className="menu-account">
                    <button type="button" className="menu-item" aria-disabled={switching || undefined} aria-label={`Switch to ${other.userName} (${other.email}, ${other.via})`} onClick={() => void switchTo(other)}>
                      <AccountWho account={other} />
                    </button>
                  </li>
                ),
              )}
            </ul>
          )}
          {problem && (
            <p role="alert" className="alert">
              {problem}
            </p>
          )}
          {confirming ? (
            <div className="menu-confirm">
              <p>
                {waiting > 0
                  ? `${changesWord(waiting)} ${waiting === 1 ? 'has' : 'have'} not reached Clockify yet: signing out now discards ${waiting === 1 ? 'it' : 'them'}. `
                  : ''}
                Sign out of {account.email}: you will need your API key to sign in again.
              </p>
              <div className="menu-confirm-actions">
                <button type="button" className="quiet" autoFocus onClick={() => setConfirming(false)}>
                  Cancel
                </button>
                <button type="button" className="quiet danger" onClick={() => void signOut()}>
                  {waiting > 0 ? `Sign out and discard ${changesWord(waiting)}` : 'Sign out'}
                </button>
              </div>
            </div>
          ) : (
            <div className="menu-actions">
              {/* The first item takes the focus: Enter, Enter opens the settings, never signs out. */}
              <button type="button" className="menu-item" autoFocus onClick={() => (setOpen(false), void openSettings())}>
                Settings
              </button>
              {account.connection.kind === 'maton' && (
                <button type="button" className="menu-item" onClick={() => (setOpen(false), void openConnections())}>
                  Clockify connections…
                </button>
              )}
              <button type="button" className="menu-item" onClick={() => (setOpen(false), setAddingAccount(true))}>
                Add account…
              </button>
              <button type="button" className="menu-item" onClick={() => setReconnecting(true)}>
                Change key
              </button>
              <button type="button" className="menu-item" onClick={() => (setConfirming(true), setProblem(null))}>
                Sign out…
              </button>
            </div>
          )}
        </div>
      )}
    </div>
  );
}

function Banners() {
  const snapshot = usePopover((state) => state.snapshot)!;
  const { sync, account } = snapshot;
  const [retrying, setRetrying] = useState(false);
  const stop = refusedStop(snapshot);
  const others = sync.attention.filter((item) => item !== stop);
  const retry = async () => {
    setRetrying(true);
    const result = await call(() => window.clockify.retrySync({}));
    setRetrying(false);
    if (!result.ok) showToast('error', result.error.message);
  };
  const discard = async (intentId: string) => {
    const result = await call(() => window.clockify.discardChange({ intentId }));
    if (!result.ok) showToast('error', result.error.message);
  };
  return (
    <div className="banners">
      {!sync.online && (
        <div className="banner offline">
          <Icon name="offline" />
          <span>
            <strong>Offline.</strong> Clockify cannot be reached; your changes are kept and sent when it can.
          </span>
          <button type="button" className="link" disabled={retrying} onClick={() => void retry()}>
            Retry
          </button>
        </div>
      )}
      {sync.online && sync.lastError && (
        <div role="alert" className="banner error">
          <Icon name="warning" />
          <span>{sync.lastError}</span>
          {/\(401\)/.test(sync.lastError) ? (
            <button type="button" className="link" onClick={() => setReconnecting(true)}>
              Re-enter key
            </button>
          ) : (
            <button type="button" className="link" disabled={retrying} onClick={() => void retry()}>
              Retry
            </button>
          )}
        </div>
      )}
      {others.map((item) => (
        <div role="alert" key={item.intentId} className="banner error">
          <Icon name="warning" />
          <span>{item.reason}</span>
          <span className="banner-actions">
            <button type="button" className="link" onClick={() => setEditing(item.entryKey)}>
              Fix
            </button>
            <button type="button" className="link" onClick={() => void discard(item.intentId)}>
              Discard
            </button>
          </span>
        </div>
      ))}
      {(snapshot.otherAccountTimers ?? []).map((timer) => (
        <OtherAccountTimer key={timer.accountId} timer={timer} preferences={snapshot.preferences} />
      ))}
      {(sync.otherAccounts ?? []).map((other) => (
        <OtherAccountWaiting key={other.accountId} other={other} />
      ))}
      {account.status === 'signed-in' && account.keychainProblem && (
        <div className="banner note">
          <span>{account.keychainProblem}</span>
        </div>
      )}
    </div>
  );
}
