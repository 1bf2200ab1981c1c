// "Split or duplicate" on an entry of the list: split it at a time of its day (two entries, the same
// fields), or copy it to today or another day at the same times of day. A dialog over the popover,
// opened from the entry's button; Esc closes it; a refusal is said in it and nothing typed is lost.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import type { EntryView, Preferences, UserError } from '../../../shared/domain';
import { toClockifyInstant } from '../../../shared/time/wire-format';
import { dayKeyOf, formatClockTime, shiftDayKey } from '../time-format';
import { isDayKey, localInstant, parseTimeOfDay } from '../time-input';
import { Icon } from './Icon';
import { call, showToast } from './store';

export function EntryCopyButton({ entry, preferences, describedBy }: { entry: EntryView; preferences: Preferences; describedBy: string }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  return (
    <>
      <button ref={button} type="button" className="icon-button" aria-label="Split or duplicate" title="Split or duplicate" aria-haspopup="dialog" aria-describedby={describedBy} onClick={() => setOpen(true)}>
        <Icon name="more" />
      </button>
      {/* Over the whole popover: the row's tools are a transformed box, which would hold a fixed sheet inside it. */}
      {open && createPortal(<EntryCopySheet entry={entry} preferences={preferences} close={close} />, document.body)}
    </>
  );
}

/** The split's moment: a time of day on the entry's day (the next day for an entry that passes midnight). */
function splitMoment(text: string, entry: EntryView, zone: string): { ok: true; at: string } | { ok: false; message: string } {
  const seconds = parseTimeOfDay(text.trim().toLowerCase());
  if (seconds === null) return { ok: false, message: `“${text.trim()}” is not a time: type one such as 10:30 or 2:30 pm.` };
  const day = dayKeyOf(entry.start, zone);
  let at = localInstant(day, seconds, zone);
  if (at.getTime() <= Date.parse(entry.start) && entry.end && dayKeyOf(entry.end, zone) !== day) at = localInstant(shiftDayKey(day, 1), seconds, zone);
  return { ok: true, at: toClockifyInstant(at) };
}

function EntryCopySheet({ entry, preferences, close }: { entry: EntryView; preferences: Preferences; close: () => void }) {
  const { timeZone, timeFormat } = preferences;
  const clock = (instant: string) => formatClockTime(instant, timeZone, timeFormat);
  const today = dayKeyOf(Date.now(), timeZone);
  const [splitAt, setSplitAt] = useState('');
  const [day, setDay] = useState(today);
  const [error, setError] = useState<UserError | null>(null);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  const name = `“${entry.description || 'no description'}”`;

  const split = async () => {
    const moment = splitMoment(splitAt, entry, timeZone);
    if (!moment.ok) return setError({ kind: 'invalid', message: moment.message, status: null, field: 'start' });
    const result = await call(() => window.clockify.splitEntry({ entryKey: entry.key, at: moment.at }));
    if (!result.ok) return setError(result.error);
    showToast('info', `Split ${name} at ${clock(moment.at)}: two entries with the same fields.`);
    close();
  };
  const duplicate = async (to: string) => {
    if (!isDayKey(to)) return setError({ kind: 'invalid', message: 'Choose the day to copy the entry to.', status: null, field: 'end' });
    const result = await call(() => window.clockify.duplicateEntry({ entryKey: entry.key, day: to }));
    if (!result.ok) return setError(result.error);
    showToast('info', `Copied ${name} to ${to === today ? 'today' : to}.`);
    close();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close();
    }
  };
  const onEnter = (run: () => Promise<void>) => (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void run();
    }
  };

  return (
    <div className="sheet-backdrop">
      <div role="dialog" aria-modal="true" aria-label="Split or duplicate" className="sheet copy-sheet" onKeyDown={onKeyDown}>
        <div className="sheet-head">
          <h2>
            {name} · {clock(entry.start)} – {entry.end ? clock(entry.end) : 'now'}
          </h2>
          <button type="button" className="icon-button" aria-label="Close" onClick={close}>
            <Icon name="close" />
          </button>
        </div>
        <div className="copy-row" role="group" aria-label="Split">
          <label className="field">
            <span>Split at</span>
            <input ref={first} type="text" aria-label="Split at" autoComplete="off" placeholder="10:30" aria-invalid={error?.field === 'start' ? true : undefined} value={splitAt} onChange={(event) => { setSplitAt(event.currentTarget.value); setError(null); }} onKeyDown={onEnter(split)} />
          </label>
          <button type="button" className="primary small" onClick={() => void split()}>
            Split
          </button>
        </div>
        {entry.end && (
          <div className="copy-row" role="group" aria-label="Duplicate">
            <button type="button" className="quiet small" onClick={() => void duplicate(today)}>
              Duplicate to today
            </button>
            <label className="field">
              <span>Another day</span>
              <input type="date" aria-label="Duplicate to day" aria-invalid={error?.field === 'end' ? true : undefined} value={day} onChange={(event) => { setDay(event.currentTarget.value); setError(null); }} onKeyDown={onEnter(() => duplicate(day))} />
            </label>
            <button type="button" className="quiet small" onClick={() => void duplicate(day)}>
              Duplicate
            </button>
          </div>
        )}
        {error && (
          <div role="alert" className="alert">
            {error.message}
          </div>
        )}
      </div>
    </div>
  );
}
