// A global shortcut's keys: recorded from a key press (by physical key), cleared, its problem said.
// Used for the app's shortcuts in Settings and for each favourite's own shortcut.
import { useState, type KeyboardEvent } from 'react';
import { describeShortcut, recordShortcut } from '../../../shared/accelerator';
import { Icon } from './Icon';

const isMac = /Mac/.test(navigator.userAgent);

export function ShortcutField({ label, value, problem, onChange }: { label: string; value: string; problem: string | null; onChange: (accelerator: string) => void }) {
  const [recording, setRecording] = useState(false);
  const [hint, setHint] = useState<string | null>(null);
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (!recording) return;
    event.preventDefault();
    event.stopPropagation();
    if (event.key === 'Escape') return (setRecording(false), setHint(null));
    const recorded = recordShortcut(event, isMac);
    if (recorded.ok) {
      setRecording(false);
      setHint(null);
      onChange(recorded.accelerator);
    } else setHint(recorded.reason);
  };
  return (
    <div className="shortcut">
      <span className="shortcut-label">{label}</span>
      <button
        type="button"
        className={`keys${recording ? ' recording' : ''}`}
        aria-label={`${label}: ${recording ? 'press the new keys' : describeShortcut(value, isMac)}`}
        onClick={() => (setRecording(true), setHint(null))}
        onBlur={() => setRecording(false)}
        onKeyDown={onKeyDown}
      >
        {recording ? 'Press keys…' : describeShortcut(value, isMac)}
      </button>
      {value && !recording && (
        <button type="button" className="icon-button" aria-label={`Clear ${label}`} onClick={() => onChange('')}>
          <Icon name="close" />
        </button>
      )}
      {(hint ?? problem) && (
        <p role="alert" className="shortcut-problem">
          {hint ?? problem}
        </p>
      )}
    </div>
  );
}
