// Filling an untracked gap: its start and end prefilled (and editable), what it probably was (the
// entry before it, the one after, the usual one at that time), each added with one click; or any
// entry typed in the usual fields. It goes through `entry:add` like manual entry. Times that would
// overlap another entry are shown and need a second, explicit click.
import { useMemo, useState } from 'react';
import type { EntryDraft, EntryView, UserError } from '../../../shared/domain';
import { toClockifyInstant } from '../../../shared/time/wire-format';
import { resolveTimes, type TimesInput } from '../entry-times';
import { dayKeyOf, formatClockTime, formatDurationWords, shiftDayKey } from '../time-format';
import { formatTimeOfDay, secondsOfDayIn } from '../time-input';
import { suggestionsFor, type Span } from './day-layout';
import { overlappingEntries } from './edge-move';
import { openGap, useDayEntries } from './day-view-store';
import { EntryFields } from './EntryFields';
import { Icon } from './Icon';
import { TimesFields } from './TimesFields';
import { call, EMPTY_DRAFT, showToast, usePopover, wire } from './store';

export function GapForm({ gap, dayKey }: { gap: Span; dayKey: string }) {
  const { entries, running, zone, now } = useDayEntries();
  const timeFormat = usePopover((state) => state.snapshot?.preferences.timeFormat ?? 'HOUR24');
  const catalog = usePopover((state) => state.catalog);
  const suggestions = useMemo(() => suggestionsFor(gap, entries, zone), [gap, entries, zone]);
  const [times, setTimes] = useState<TimesInput>(() => {
    const endDay = dayKeyOf(gap.end, zone);
    return { date: dayKey, start: formatTimeOfDay(secondsOfDayIn(gap.start, zone), timeFormat), end: formatTimeOfDay(secondsOfDayIn(gap.end, zone), timeFormat), endsNextDay: endDay === shiftDayKey(dayKey, 1) };
  });
  const [draft, setDraft] = useState<EntryDraft>(EMPTY_DRAFT);
  const [error, setError] = useState<UserError | null>(null);
  /** The overlap the user was shown; a second click adds anyway. */
  const [confirmed, setConfirmed] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** The fields for another entry or other times are open (always when nothing is suggested). */
  const [custom, setCustom] = useState(false);
  const showFields = custom || suggestions.length === 0;
  const close = () => openGap(null);

  const clock = (at: number | string | Date) => formatClockTime(at, zone, timeFormat);
  const resolved = resolveTimes(times, zone);
  const overlapping = resolved.ok ? overlaps(resolved.start.getTime(), resolved.end.getTime(), running ? [...entries, running] : entries, now) : [];
  const overlapKey = overlapping.map((entry) => entry.key).join(' ');
  const [overlapsAtFirst] = useState(() => overlaps(gap.start, gap.end, running ? [...entries, running] : entries, now).length > 0);

  const add = async (chosen: EntryDraft) => {
    if (!resolved.ok) return setError(resolved.error);
    if (overlapping.length > 0 && confirmed !== overlapKey) return setConfirmed(overlapKey);
    setBusy(true);
    const result = await call(() => window.clockify.addEntry({ draft: wire(chosen), times: { start: toClockifyInstant(resolved.start), end: toClockifyInstant(resolved.end) } }));
    setBusy(false);
    if (!result.ok) return setError(result.error);
    showToast('info', `Added “${chosen.description || 'entry without description'}”, ${clock(resolved.start)}–${clock(resolved.end)}.`);
    close();
  };

  const projectName = (draft: EntryDraft) => (draft.projectId ? catalog?.projects.byId.get(draft.projectId)?.name : undefined);
  const needsConfirm = overlapping.length > 0 && confirmed === overlapKey;

  return (
    <div className="sheet-backdrop gap-backdrop">
      <div
        role="dialog"
        aria-modal="true"
        aria-label="Fill gap"
        className="sheet gap-form"
        onKeyDown={(event) => {
          if (event.key === 'Escape' && !event.defaultPrevented) {
            event.preventDefault();
            event.stopPropagation();
            close();
          } else if (showFields && event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.defaultPrevented) {
            event.preventDefault();
            void add(draft);
          }
        }}
      >
        <div className="sheet-head">
          <h2>
            {overlapsAtFirst ? 'New entry' : 'Untracked'} {clock(gap.start)}–{clock(gap.end)} · {formatDurationWords((gap.end - gap.start) / 1000)}
          </h2>
          <button type="button" className="icon-button" aria-label="Close" onClick={close}>
            <Icon name="close" />
          </button>
        </div>
        {suggestions.length > 0 && (
          <ul className="gap-suggestions" aria-label="Suggestions">
            {suggestions.map((suggestion, index) => {
              const project = projectName(suggestion.draft);
              const what = `${suggestion.draft.description || 'No description'}${project ? ` — ${project}` : ''}`;
              return (
                <li key={index}>
                  <button type="button" className="gap-suggestion" disabled={busy} autoFocus={index === 0} aria-label={`Add ${what} (${suggestion.reason})`} onClick={() => void add(suggestion.draft)}>
                    <span className="dot" style={{ background: (suggestion.draft.projectId && catalog?.projects.byId.get(suggestion.draft.projectId)?.color) || 'var(--faint)' }} aria-hidden="true" />
                    <span className="gap-what">{what}</span>
                    <span className="muted small">{suggestion.reason}</span>
                  </button>
                </li>
              );
            })}
          </ul>
        )}
        <details className="gap-other" open={showFields} onToggle={(event) => setCustom(event.currentTarget.open)}>
          <summary>Something else, or other times</summary>
          <EntryFields draft={draft} onChange={(next) => (setDraft(next), setError(null))} invalidField={error?.field ?? null} focusToken={0} />
          <TimesFields value={times} onChange={(next) => (setTimes(next), setError(null), setConfirmed(null))} invalidField={error?.field === 'start' || error?.field === 'end' ? error.field : null} />
        </details>
        {needsConfirm && (
          <div role="alert" className="alert">
            This overlaps {overlapping.map((entry) => `“${entry.description || 'No description'}” (${clock(entry.start)}–${entry.end ? clock(entry.end) : 'now'})`).join(', ')}. Click again to add it anyway, or change the times.
          </div>
        )}
        {error && (
          <div role="alert" className="alert">
            {error.message}
          </div>
        )}
        <div className="sheet-actions">
          <span className="spacer" />
          <button type="button" className="quiet" onClick={close}>
            Cancel
          </button>
          {showFields && (
            <button type="button" className="primary" disabled={busy} onClick={() => void add(draft)}>
              {needsConfirm ? 'Add anyway' : 'Add entry'}
            </button>
          )}
        </div>
      </div>
    </div>
  );
}

function overlaps(start: number, end: number, entries: readonly EntryView[], now: number): EntryView[] {
  return overlappingEntries({ start, end }, entries, now);
}
