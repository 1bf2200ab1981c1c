// Date, Start and End (or a length) of a finished entry, read in the app's time zone. Shared by
// manual entry and the entry editor; shows what the times mean before anything is sent.
import type { TimesInput } from '../entry-times';
import { resolveTimes } from '../entry-times';
import { dayKeyOf, formatClockTime, formatDayLabel, formatDurationWords, shiftDayKey } from '../time-format';
import { usePopover } from './store';

export interface TimesFieldsProps {
  readonly value: TimesInput;
  readonly onChange: (value: TimesInput) => void;
  readonly invalidField?: 'start' | 'end' | null;
}

export function TimesFields({ value, onChange, invalidField }: TimesFieldsProps) {
  const preferences = usePopover((state) => state.snapshot?.preferences);
  const zone = preferences?.timeZone ?? 'UTC';
  const timeFormat = preferences?.timeFormat ?? 'HOUR24';
  const resolved = value.start.trim() && value.end.trim() ? resolveTimes(value, zone) : null;
  const placeholderStart = timeFormat === 'HOUR12' ? '9:00 AM' : '09:00';
  const placeholderEnd = timeFormat === 'HOUR12' ? '5:30 PM or 1h 30m' : '17:30 or 1h 30m';

  return (
    <div className="times">
      <div className="times-row">
        <label className="field date-field">
          <span>Date</span>
          <input type="date" aria-label="Date" required value={value.date} onChange={(event) => onChange({ ...value, date: event.currentTarget.value })} />
        </label>
        <label className="field">
          <span>Start</span>
          <input
            type="text"
            aria-label="Start"
            inputMode="text"
            autoComplete="off"
            placeholder={placeholderStart}
            aria-invalid={invalidField === 'start' || undefined}
            value={value.start}
            onChange={(event) => onChange({ ...value, start: event.currentTarget.value })}
          />
        </label>
        <label className="field">
          <span>End</span>
          <input
            type="text"
            aria-label="End"
            autoComplete="off"
            placeholder={placeholderEnd}
            aria-invalid={invalidField === 'end' || undefined}
            value={value.end}
            onChange={(event) => onChange({ ...value, end: event.currentTarget.value })}
          />
        </label>
      </div>
      <div className="times-row secondary">
        <span className="times-preview" aria-live="polite">
          {resolved?.ok ? `${formatClockTime(resolved.start, zone, timeFormat)} → ${formatClockTime(resolved.end, zone, timeFormat)} · ${formatDurationWords(resolved.seconds)}${crossing(resolved, zone, timeFormat)}` : ''}
        </span>
      </div>
    </div>
  );
}

/** " · ends tomorrow 01:15" for an entry that ends on another day than it starts, else "". */
function crossing(resolved: { start: Date; end: Date }, zone: string, timeFormat: 'HOUR12' | 'HOUR24'): string {
  const endDay = dayKeyOf(resolved.end, zone);
  if (endDay === dayKeyOf(resolved.start, zone)) return '';
  const today = dayKeyOf(Date.now(), zone);
  const day = endDay === today ? 'today' : endDay === shiftDayKey(today, 1) ? 'tomorrow' : endDay === shiftDayKey(today, -1) ? 'yesterday' : `on ${formatDayLabel(endDay, today)}`;
  return ` · ends ${day} ${formatClockTime(resolved.end, zone, timeFormat)}`;
}
