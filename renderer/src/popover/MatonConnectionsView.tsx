// A Maton key's Clockify connections: each with the Clockify user behind it, "Use this account",
// "Remove" (after a confirmation naming the account), and "Add Clockify account", which opens
// Maton's sign-in page in the browser and waits here until the connection is ready. Main holds the
// key and does the asking; this view shows main's state (snapshot.matonSetup).
import { useState } from 'react';
import type { MatonConnectionOption, MatonSetupView, Result } from '../../../shared/domain';
import { call, setAddingAccount, showToast } from './store';

function label(connection: MatonConnectionOption): string {
  return connection.userName ? `${connection.userName} (${connection.email})` : `connection ${connection.connectionId}`;
}

export function MatonConnectionsView({ setup, signedIn }: { setup: MatonSetupView; signedIn: boolean }) {
  const [problem, setProblem] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async <T,>(action: () => Promise<Result<T>>): Promise<Result<T>> => {
    setBusy(true);
    setProblem(null);
    const result = await call(action);
    setBusy(false);
    if (!result.ok) setProblem(result.error.message);
    return result;
  };
  const use = async (connection: MatonConnectionOption) => {
    const result = await run(() => window.clockify.useMatonConnection({ connectionId: connection.connectionId }));
    if (result.ok) {
      showToast('info', `Signed in as ${result.value.userName}.`);
      setAddingAccount(false);
    }
  };
  const remove = async (connection: MatonConnectionOption) => {
    setConfirming(null);
    const result = await run(() => window.clockify.removeMatonConnection({ connectionId: connection.connectionId }));
    if (result.ok) showToast('info', `The connection of ${label(connection)} was removed from Maton.`);
  };
  const close = () => void window.clockify.closeMatonConnections();
  const adding = setup.adding;
  const waiting = adding?.state === 'waiting';
  const shownProblem = problem ?? setup.problem;

  return (
    <main className="setup maton" aria-busy={setup.loading || busy}>
      <div className="setup-head">
        <h1>Clockify connections</h1>
        <p className="muted">Maton keeps a connection to each Clockify account you sign in to. Choose the one to track time in.</p>
      </div>
      {shownProblem && (
        <div role="alert" className="alert">
          {shownProblem}
        </div>
      )}
      {setup.loading && setup.connections.length === 0 ? (
        <p className="note">Reading your connections from Maton…</p>
      ) : setup.connections.length === 0 ? (
        <p className="note maton-empty">No Clockify account is connected to this Maton key yet. Add one: you sign in to Clockify in your browser, and the account appears here.</p>
      ) : (
        <ul className="maton-list" aria-label="Clockify connections">
          {setup.connections.map((connection) => (
            <li key={connection.connectionId} className="maton-item">
              <div className="maton-who">
                <strong>{connection.userName || 'Unknown user'}</strong>
                <span className="muted">{connection.email || connection.connectionId}</span>
                {connection.problem && <span className="note">{connection.problem}</span>}
              </div>
              {confirming === connection.connectionId ? (
                <div className="menu-confirm">
                  <p>Remove the connection of {label(connection)} from Maton? The app can no longer reach this account until you add it again.</p>
                  <div className="menu-confirm-actions">
                    <button type="button" className="quiet" autoFocus onClick={() => setConfirming(null)}>
                      Cancel
                    </button>
                    <button type="button" className="quiet danger" disabled={busy} onClick={() => void remove(connection)}>
                      Remove connection
                    </button>
                  </div>
                </div>
              ) : (
                <div className="maton-actions">
                  {connection.inUse ? (
                    <span className="maton-in-use">In use</span>
                  ) : (
                    <button type="button" className="primary" disabled={busy || !!connection.problem} onClick={() => void use(connection)}>
                      Use this account
                    </button>
                  )}
                  <button
                    type="button"
                    className="quiet danger"
                    disabled={busy}
                    onClick={() => (connection.inUse ? setProblem(`${label(connection)} is the account in use: switch to another account first, then remove it.`) : (setConfirming(connection.connectionId), setProblem(null)))}
                  >
                    Remove
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {waiting ? (
        <div className="maton-waiting">
          <p role="status">Finish connecting in your browser… The account appears here once Clockify and Maton are done.</p>
          <button type="button" className="quiet wide" onClick={() => void run(() => window.clockify.cancelMatonConnection())}>
            Cancel
          </button>
        </div>
      ) : (
        <>
          {adding && (
            <div role="alert" className="alert">
              {adding.message}
            </div>
          )}
          <button type="button" className="primary wide maton-add" disabled={busy} onClick={() => void run(() => window.clockify.addMatonConnection())}>
            Add Clockify account
          </button>
        </>
      )}
      <button type="button" className="quiet wide" onClick={close}>
        {signedIn ? 'Done' : 'Back'}
      </button>
    </main>
  );
}
