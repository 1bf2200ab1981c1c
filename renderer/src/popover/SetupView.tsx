// First run: how to connect (a Clockify API key with its server, or the Maton gateway), the key,
// and Connect. The key goes to main once, to be checked and stored in the OS keychain; a failure
// says what was wrong and keeps everything typed.
import { useRef, useState, type FormEvent } from 'react';
import { EXTERNAL_LINKS } from '../../../shared/app-identity';
import { CLOCKIFY_SERVERS, type ClockifyServer, type ConnectionConfig } from '../../../shared/connection';
import type { Result, UserError } from '../../../shared/domain';
import { call, setAddingAccount, setReconnecting, showToast, usePopover } from './store';

type ConnectionChoice = ClockifyServer | 'maton';


function connectionOf(choice: ConnectionChoice, serverUrl: string, matonConnection: string, connectionsUrl: string): ConnectionConfig {
  if (choice === 'maton') {
    return { kind: 'maton', ...(matonConnection.trim() ? { connectionId: matonConnection.trim() } : {}), ...(connectionsUrl.trim() ? { connectionsUrl: connectionsUrl.trim() } : {}) };
  }
  if (choice === 'custom') return { kind: 'clockify', server: 'custom', baseUrl: serverUrl.trim() };
  return { kind: 'clockify', server: choice };
}

export function SetupView() {
  const account = usePopover((state) => state.snapshot?.account);
  const envOffer = account?.status === 'signed-out' ? account.envKeyAvailable : null;
  const keychainProblem = account?.keychainProblem ?? null;
  // Adding another account starts from an empty form; entering the key again keeps the connection the user had.
  const adding = usePopover((state) => state.addingAccount);
  const current = account?.status === 'signed-in' && !adding ? account.connection : null;
  const [choice, setChoice] = useState<ConnectionChoice>(current ? (current.kind === 'maton' ? 'maton' : current.server) : envOffer === 'maton' ? 'maton' : 'global');
  const [apiKey, setApiKey] = useState('');
  const [serverUrl, setServerUrl] = useState(current?.kind === 'clockify' && current.server === 'custom' ? current.baseUrl : '');
  const [matonConnection, setMatonConnection] = useState(current?.kind === 'maton' ? (current.connectionId ?? '') : '');
  const [connectionsUrl, setConnectionsUrl] = useState(current?.kind === 'maton' ? (current.connectionsUrl ?? '') : '');
  const [error, setError] = useState<UserError | null>(null);
  const [busy, setBusy] = useState(false);
  const keyRef = useRef<HTMLInputElement>(null);
  const urlRef = useRef<HTMLInputElement>(null);
  const maton = choice === 'maton';

  const finish = (result: Result<{ userName: string } | null>) => {
    setBusy(false);
    if (result.ok) {
      // Connected, or (a Maton key without a connection id) the list of its connections is shown.
      if (result.value) {
        showToast('info', `Signed in as ${result.value.userName}.`);
        setAddingAccount(false);
      }
      setReconnecting(false);
      return;
    }
    setError(result.error);
    (result.error.field === 'baseUrl' ? urlRef : keyRef).current?.focus();
  };
  /** A Maton key without a connection id: list its connections to choose from (or add one). */
  const listsConnections = maton && !matonConnection.trim();

  const connect = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!apiKey.trim()) {
      setError({ kind: 'invalid', field: 'apiKey', status: null, message: maton ? 'Paste your Maton API key first.' : 'Paste your Clockify API key first.' });
      keyRef.current?.focus();
      return;
    }
    if (choice === 'custom' && !serverUrl.trim()) {
      setError({ kind: 'invalid', field: 'baseUrl', status: null, message: 'Enter the server URL, for example https://clockify.example.com/api/v1.' });
      urlRef.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    const connection = connectionOf(choice, serverUrl, matonConnection, connectionsUrl);
    finish(
      await call(() =>
        listsConnections && connection.kind === 'maton'
          ? window.clockify.openMatonConnections({ secret: apiKey, ...(connection.connectionsUrl ? { connectionsUrl: connection.connectionsUrl } : {}) })
          : window.clockify.connect({ connection, secret: apiKey }),
      ),
    );
  };

  const connectWithEnvironment = async () => {
    setBusy(true);
    setError(null);
    const connection = connectionOf(choice, serverUrl, matonConnection, connectionsUrl);
    finish(
      await call(() =>
        listsConnections && connection.kind === 'maton'
          ? window.clockify.openMatonConnections(connection.connectionsUrl ? { connectionsUrl: connection.connectionsUrl } : {})
          : window.clockify.connectWithEnvironmentKey({ connection }),
      ),
    );
  };

  return (
    <main className="setup">
      <div className="setup-head">
        <div className="logo" aria-hidden="true">
          <svg viewBox="0 0 32 32">
            <circle cx="16" cy="16" r="12" />
            <path d="M16 9v7l5 3" />
          </svg>
        </div>
        <h1>{adding ? 'Add an account' : current ? 'Enter your key again' : 'Connect to Clockify'}</h1>
        <p className="muted">
          {adding
            ? 'Another Clockify account, by its API key or through Maton. Your other accounts stay signed in; switch between them in the account menu.'
            : current
              ? 'Clockify needs a current key. Changes waiting to be sent are kept and go out once it accepts the key.'
              : 'Track time from the tray. Your key is checked once and kept in the system keychain.'}
        </p>
      </div>
      <form className="setup-form" onSubmit={(event) => void connect(event)} noValidate aria-busy={busy}>
        <label className="field">
          <span>Connection</span>
          <select aria-label="Connection" value={choice} onChange={(event) => (setChoice(event.currentTarget.value as ConnectionChoice), setError(null))}>
            <optgroup label="Clockify API key">
              {(Object.keys(CLOCKIFY_SERVERS) as (keyof typeof CLOCKIFY_SERVERS)[]).map((server) => (
                <option key={server} value={server}>
                  {CLOCKIFY_SERVERS[server].label}
                  {server === 'global' ? ' (app.clockify.me)' : ''}
                </option>
              ))}
              <option value="custom">Custom URL</option>
            </optgroup>
            <optgroup label="Gateway">
              <option value="maton">Maton gateway</option>
            </optgroup>
          </select>
        </label>
        {choice === 'custom' && (
          <label className="field">
            <span>Server URL</span>
            <input
              ref={urlRef}
              type="url"
              aria-label="Server URL"
              placeholder="https://clockify.example.com/api/v1"
              autoComplete="off"
              spellCheck={false}
              aria-invalid={error?.field === 'baseUrl' || undefined}
              value={serverUrl}
              onChange={(event) => setServerUrl(event.currentTarget.value)}
            />
          </label>
        )}
        <label className="field">
          <span>{maton ? 'Maton API key' : 'API key'}</span>
          <input
            ref={keyRef}
            type="password"
            aria-label={maton ? 'Maton API key' : 'API key'}
            autoComplete="off"
            spellCheck={false}
            autoFocus
            aria-invalid={error?.field === 'apiKey' || undefined}
            aria-describedby="key-help"
            value={apiKey}
            onChange={(event) => setApiKey(event.currentTarget.value)}
          />
        </label>
        {maton && (
          <label className="field">
            <span>
              Maton connection <span className="muted">(optional)</span>
            </span>
            <input type="text" aria-label="Maton connection" autoComplete="off" spellCheck={false} value={matonConnection} onChange={(event) => setMatonConnection(event.currentTarget.value)} />
          </label>
        )}
        {maton && (
          <label className="field">
            <span>
              Connections URL <span className="muted">(optional)</span>
            </span>
            <input
              ref={urlRef}
              type="url"
              aria-label="Connections URL"
              placeholder="https://api.maton.ai"
              autoComplete="off"
              spellCheck={false}
              aria-invalid={error?.field === 'baseUrl' || undefined}
              value={connectionsUrl}
              onChange={(event) => setConnectionsUrl(event.currentTarget.value)}
            />
          </label>
        )}
        <p id="key-help" className="help">
          {maton ? (
            <>
              Your Maton key is on{' '}
              <a href={EXTERNAL_LINKS.maton} target="_blank" rel="noreferrer">
                maton.ai
              </a>
              . Leave the connection empty to choose among your Clockify accounts, or to add one.
            </>
          ) : (
            <>
              Find your key in Clockify under{' '}
              <a href={EXTERNAL_LINKS.clockifyApiKey} target="_blank" rel="noreferrer">
                Preferences → Advanced → API keys
              </a>
              . Choose the server your account lives on.
            </>
          )}
        </p>
        {error && (
          <div role="alert" className="alert">
            {error.message}
          </div>
        )}
        {keychainProblem && <p className="note">{keychainProblem}</p>}
        <button type="submit" className="primary wide" disabled={busy}>
          {busy ? 'Connecting…' : 'Connect'}
        </button>
        {(current || adding) && (
          <button type="button" className="quiet wide" onClick={() => (adding ? setAddingAccount(false) : setReconnecting(false))}>
            Cancel
          </button>
        )}
        {envOffer && (
          <button type="button" className="quiet wide" disabled={busy} onClick={() => void connectWithEnvironment()}>
            Use the key from {envOffer === 'maton' ? 'MATON_API_KEY' : 'CLOCKIFY_API_KEY'}
          </button>
        )}
      </form>
    </main>
  );
}
