// The popover: setup until signed in, then the main view. Esc hides the window (once nothing
// inside wants it: an open list, the settings or the entry editor close first).
import { useEffect } from 'react';
import { MainView } from './MainView';
import { MatonConnectionsView } from './MatonConnectionsView';
import { SetupView } from './SetupView';
import { Toasts } from './Toasts';
import { closeSettings, focusDescription, hideWindow, setAddingAccount, setEditing, setReconnecting, usePopover } from './store';

export function App() {
  const status = usePopover((state) => state.snapshot?.account.status);
  const reconnecting = usePopover((state) => state.reconnecting);
  const matonSetup = usePopover((state) => state.snapshot?.matonSetup ?? null);
  const addingAccount = usePopover((state) => state.addingAccount);
  const startupError = usePopover((state) => state.startupError);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      const state = usePopover.getState();
      if (state.settingsOpen) closeSettings();
      else if (state.editingKey !== null) setEditing(null);
      else if (state.reconnecting) setReconnecting(false);
      else if (state.addingAccount) setAddingAccount(false);
      else hideWindow();
    };
    // Shown again (the tray popover is hidden, not closed): ready to type.
    const onVisible = () => {
      if (document.visibilityState === 'visible' && usePopover.getState().editingKey === null) focusDescription();
    };
    window.addEventListener('keydown', onKeyDown);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, []);

  if (startupError) {
    return (
      <div role="alert" className="alert startup">
        {startupError}
      </div>
    );
  }
  if (!status) return <div className="loading" aria-busy="true" />;
  return (
    <>
      {matonSetup ? <MatonConnectionsView setup={matonSetup} signedIn={status === 'signed-in'} /> : status === 'signed-in' && !reconnecting && !addingAccount ? <MainView /> : <SetupView />}
      <Toasts />
    </>
  );
}
