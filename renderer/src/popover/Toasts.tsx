// Short-lived messages at the bottom: what just happened, with Undo after a delete. Errors stay
// until dismissed and are announced as alerts; the rest are polite.
import { Icon } from './Icon';
import { call, dismissToast, showToast, usePopover, type Toast } from './store';

export function Toasts() {
  const toasts = usePopover((state) => state.toasts);
  return (
    <div className="toasts" aria-live="polite">
      {toasts.map((toast) => (
        <ToastItem key={toast.id} toast={toast} />
      ))}
    </div>
  );
}

function ToastItem({ toast }: { toast: Toast }) {
  const undo = async (entryKey: string) => {
    dismissToast(toast.id);
    const result = await call(() => window.clockify.undoDeleteEntry({ entryKey }));
    if (!result.ok) showToast('error', result.error.message);
  };
  return (
    <div className={`toast ${toast.level}`} role={toast.level === 'error' ? 'alert' : undefined}>
      <span className="toast-text">{toast.text}</span>
      {toast.undoKey && (
        <button type="button" className="link" onClick={() => void undo(toast.undoKey!)}>
          Undo
        </button>
      )}
      <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => dismissToast(toast.id)}>
        <Icon name="close" />
      </button>
    </div>
  );
}
