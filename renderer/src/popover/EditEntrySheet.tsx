// Editing a recent entry: the same fields as manual entry, over the popover. A change Clockify
// refused for this entry is shown with its reason; saving sends it again, or it can be discarded.
import { useRef, useState, type KeyboardEvent } from 'react';
import type { EntryDraft, EntryView, UserError } from '../../../shared/domain';
import { toClockifyInstant } from '../../../shared/time/wire-format';
import { futureEndProblem, resolveTimes, type TimesInput } from '../entry-times';
import { dayKeyOf, shiftDayKey } from '../time-format';
import { formatTimeOfDay, secondsOfDayIn } from '../time-input';
import { EntryFields } from './EntryFields';
import { Icon } from './Icon';
import { TimesFields } from './TimesFields';
import { call, draftOf, setEditing, showToast, usePopover, wire } from './store';

function timesOf(entry: EntryView, zone: string, timeFormat: 'HOUR12' | 'HOUR24'): TimesInput {
  const date = dayKeyOf(entry.start, zone);
  const start = formatTimeOfDay(secondsOfDayIn(entry.start, zone), timeFormat);
  if (!entry.end) return { date, start, end: '' };
  const endDay = dayKeyOf(entry.end, zone);
  if (endDay === date || endDay === shiftDayKey(date, 1)) {
    // An end on the next day reads as such again: its time is before the start, written 24-hour or with am/pm.
    return { date, start, end: formatTimeOfDay(secondsOfDayIn(entry.end, zone), timeFormat) };
  }
  const minutes = Math.round((Date.parse(entry.end) - Date.parse(entry.start)) / 60_000);
  return { date, start, end: `+${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}` };
}

export function EditEntrySheet({ entryKey }: { entryKey: string }) {
  const entry = usePopover((state) => state.snapshot?.recent.find((candidate) => candidate.key === entryKey));
  const preferences = usePopover((state) => state.snapshot?.preferences);
  const attention = usePopover((state) => state.snapshot?.sync.attention);
  if (!entry || !preferences) return null;
  const attentionIds = (attention ?? []).filter((item) => item.entryKey === entryKey).map((item) => item.intentId);
  return <EditForm key={entry.key} entry={entry} zone={preferences.timeZone} timeFormat={preferences.timeFormat} attentionIds={attentionIds} />;
}

function EditForm({ entry, zone, timeFormat, attentionIds }: { entry: EntryView; zone: string; timeFormat: 'HOUR12' | 'HOUR24'; attentionIds: string[] }) {
  const original = useRef(timesOf(entry, zone, timeFormat));
  const [draft, setDraft] = useState<EntryDraft>(() => draftOf(entry));
  const [times, setTimes] = useState<TimesInput>(original.current);
  const [error, setError] = useState<UserError | null>(null);
  /** Closing with changes asks first (Esc, Cancel, the close button). */
  const [askingToDiscard, setAskingToDiscard] = useState(false);
  /** The times whose future end was pointed out: the next Save keeps them. */
  const [confirmedFuture, setConfirmedFuture] = useState<string | null>(null);
  const initialDraft = useRef(draftOf(entry));
  const dirty = JSON.stringify(draft) !== JSON.stringify(initialDraft.current) || JSON.stringify(times) !== JSON.stringify(original.current);
  const close = () => (dirty ? setAskingToDiscard(true) : setEditing(null));

  const save = async () => {
    const resolved = resolveTimes(times, zone);
    if (!resolved.ok) return setError(resolved.error);
    // Times the user did not touch keep their seconds.
    const before = original.current;
    const startSame = times.date === before.date && times.start === before.start;
    const endSame = startSame && times.end === before.end;
    const start = startSame ? entry.start : toClockifyInstant(resolved.start);
    const end = endSame && entry.end ? entry.end : toClockifyInstant(resolved.end);
    // A new end in the future is asked about once, as in manual entry.
    const future = endSame ? null : futureEndProblem(resolved.end, Date.now(), zone, timeFormat, 'Save');
    const timesKey = JSON.stringify(times);
    if (future && confirmedFuture !== timesKey) {
      setConfirmedFuture(timesKey);
      return setError(future);
    }
    const result = await call(() => window.clockify.updateEntry({ entryKey: entry.key, draft: wire(draft), times: { start, end } }));
    if (!result.ok) return setError(result.error);
    setEditing(null);
  };

  const remove = async () => {
    const result = await call(() => window.clockify.deleteEntry({ entryKey: entry.key }));
    if (!result.ok) return setError(result.error);
    setEditing(null);
    showToast('info', `Deleted “${entry.description || 'entry without description'}”.`, entry.key);
  };

  const discard = async () => {
    for (const intentId of attentionIds) {
      const result = await call(() => window.clockify.discardChange({ intentId }));
      if (!result.ok) return setError(result.error);
    }
    setEditing(null);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.defaultPrevented) {
      event.preventDefault();
      void save();
    }
    // Esc closes the editor only when nothing would be lost; otherwise it asks (and Esc again keeps editing).
    if (event.key === 'Escape' && !event.defaultPrevented) {
      event.preventDefault();
      if (askingToDiscard) setAskingToDiscard(false);
      else close();
    }
  };

  return (
    <div className="sheet-backdrop">
      <div role="dialog" aria-modal="true" aria-label="Edit entry" className="sheet edit-sheet" onKeyDown={onKeyDown}>
        <div className="sheet-head">
          <h2>Edit entry</h2>
          <button type="button" className="icon-button" aria-label="Close" onClick={close}>
            <Icon name="close" />
          </button>
        </div>
        {entry.problem && (
          <div role="alert" className="alert attention">
            <span>{entry.problem}</span>
          </div>
        )}
        <EntryFields draft={draft} onChange={(next) => (setDraft(next), setError(null))} invalidField={error?.field ?? null} focusToken={0} />
        <TimesFields value={times} onChange={(next) => (setTimes(next), setError(null))} invalidField={error?.field === 'start' || error?.field === 'end' ? error.field : null} />
        {error && (
          <div role="alert" className="alert">
            {error.message}
          </div>
        )}
        {askingToDiscard ? (
          <div className="discard-ask" role="group" aria-label="Unsaved changes">
            <p>Discard your changes to this entry?</p>
            <div className="sheet-actions">
              <span className="spacer" />
              <button type="button" className="quiet danger" onClick={() => setEditing(null)}>
                Discard changes
              </button>
              <button type="button" className="primary" autoFocus onClick={() => setAskingToDiscard(false)}>
                Keep editing
              </button>
            </div>
          </div>
        ) : (
          <div className="sheet-actions">
            <button type="button" className="quiet danger" onClick={() => void remove()}>
              Delete
            </button>
            {attentionIds.length > 0 && (
              <button type="button" className="quiet" onClick={() => void discard()}>
                Discard change
              </button>
            )}
            <span className="spacer" />
            <button type="button" className="quiet" onClick={close}>
              Cancel
            </button>
            <button type="button" className="primary" onClick={() => void save()}>
              Save
            </button>
          </div>
        )}
      </div>
    </div>
  );
}
