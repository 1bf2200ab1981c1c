// Cancel and the form's own action, at the foot of the small forms under the timer.
export function FormActions({ cancel, submit, submitLabel }: { cancel: () => void; submit: () => void; submitLabel: string }) {
  return (
    <div className="moment-actions">
      <button type="button" className="quiet small" onClick={cancel}>
        Cancel
      </button>
      <button type="button" className="primary small" onClick={submit}>
        {submitLabel}
      </button>
    </div>
  );
}
