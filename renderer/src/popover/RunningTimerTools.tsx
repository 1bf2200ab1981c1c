// What the running timer offers besides Stop: move its start ("9:10", "-20m", "20 min ago", or since
// the last entry ended), end it at a moment that has passed ("End at…": the "Stop at…", named
// so that the contract's button "Stop" stays the only one whose name holds "Stop"), or discard it (with Undo). After a stop,
// Resume runs the same entry again for a few minutes. Every change goes through the core's journal.
import { useEffect, useRef, useState } from 'react';
import type { EntryView, Result, UserError } from '../../../shared/domain';
import { RESUME_WINDOW_MS, previousEntry, resumableEntry } from '../../../shared/running-timer';
import { toClockifyInstant } from '../../../shared/time/wire-format';
import { parsePastMoment } from '../past-moment';
import { formatClockTime } from '../time-format';
import { AddToFavourites } from './Favourites';
import { submitOrCancel } from './form-keys';
import { FormActions } from './FormActions';
import { call, focusDescription, showToast, usePopover } from './store';

type Tool = 'start' | 'stop' | null;

export interface RunningTimerToolsProps {
  readonly entry: EntryView;
  /** Saves a description still being typed before the timer changes. */
  readonly beforeChange: () => Promise<void>;
}

export function RunningTimerTools({ entry, beforeChange }: RunningTimerToolsProps) {
  const [tool, setTool] = useState<Tool>(null);
  // A form's answer can come after another form was opened: it closes only itself.
  const close = (which: Tool) => setTool((open) => (open === which ? null : open));
  const recent = usePopover((state) => state.snapshot?.recent ?? []);
  const preferences = usePopover((state) => state.snapshot?.preferences);
  const awayAt = usePopover((state) => state.snapshot?.lastAway ?? null);
  const zone = preferences?.timeZone ?? 'UTC';
  const clock = (instant: string | number) => formatClockTime(instant, zone, preferences?.timeFormat ?? 'HOUR24');
  const previous = previousEntry(recent, entry);
  const away = awayAt && Date.parse(awayAt) > Date.parse(entry.start) ? awayAt : null;

  const discard = async () => {
    await beforeChange();
    const result = await call(() => window.clockify.discardTimer());
    if (!result.ok) return showToast('error', result.error.message);
    showToast('info', `Discarded the timer “${entry.description || 'without description'}”.`, entry.key);
    focusDescription();
  };

  return (
    <>
      <div className="running-tools" role="group" aria-label="Running timer">
        <button type="button" className="quiet small" aria-expanded={tool === 'start'} onClick={() => setTool(tool === 'start' ? null : 'start')}>
          Change start
        </button>
        <button type="button" className="quiet small" aria-expanded={tool === 'stop'} onClick={() => setTool(tool === 'stop' ? null : 'stop')}>
          End at…
        </button>
        <button type="button" className="quiet small danger" onClick={() => void discard()}>
          Discard
        </button>
        <AddToFavourites entryKey={entry.key} />
      </div>
      {tool === 'start' && (
        <MomentForm
          key="start"
          label="Started at"
          submitLabel="Set start"
          placeholder="9:10, -20m or 20 min ago"
          initial={clock(entry.start)}
          zone={zone}
          shortcut={previous?.end ? { label: `Since my last entry ended (${clock(previous.end)})`, value: 'last-entry-end' } : null}
          send={async (at) => {
            await beforeChange();
            return call(() => window.clockify.moveTimerStart({ start: at }));
          }}
          done={() => {
            close('start');
            showToast('info', 'Start changed: the timer keeps running.');
          }}
          cancel={() => close('start')}
        />
      )}
      {tool === 'stop' && (
        <MomentForm
          key="stop"
          label="Ended at"
          submitLabel="End it then"
          placeholder="17:30, -20m or 20 min ago"
          initial=""
          zone={zone}
          shortcut={away ? { label: `When you went away (${clock(away)})`, value: away } : null}
          send={async (at) => {
            await beforeChange();
            return call(() => window.clockify.stopTimerAt({ end: at }));
          }}
          done={() => {
            close('stop');
            focusDescription();
          }}
          cancel={() => close('stop')}
        />
      )}
    </>
  );
}

interface MomentFormProps {
  readonly label: string;
  readonly submitLabel: string;
  readonly placeholder: string;
  readonly initial: string;
  readonly zone: string;
  /** A ready-made answer (since the last entry ended, when you went away), or null. */
  readonly shortcut: { readonly label: string; readonly value: string } | null;
  readonly send: (at: string) => Promise<Result<null>>;
  readonly done: () => void;
  readonly cancel: () => void;
}

/** One moment typed or picked, sent, and the refusal said under the field (nothing is lost). */
function MomentForm({ label, submitLabel, placeholder, initial, zone, shortcut, send, done, cancel }: MomentFormProps) {
  const [text, setText] = useState(initial);
  const [error, setError] = useState<UserError | null>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

  const submit = async (value?: string) => {
    let at = value;
    // The start shown, unchanged: nothing to send (its seconds would be lost for nothing).
    if (at === undefined && initial !== '' && text.trim() === initial) return cancel();
    if (at === undefined) {
      const moment = parsePastMoment(text, Date.now(), zone);
      if (!moment.ok) return setError({ kind: 'invalid', message: moment.message, status: null });
      at = toClockifyInstant(moment.at);
    }
    const result = await send(at);
    if (!result.ok) return setError(result.error);
    setError(null);
    done();
  };

  const onKeyDown = submitOrCancel(() => void submit(), cancel);

  return (
    <div className="moment-form" role="group" aria-label={label}>
      <label className="field">
        <span>{label}</span>
        <input
          ref={input}
          type="text"
          aria-label={label}
          autoComplete="off"
          placeholder={placeholder}
          aria-invalid={error ? true : undefined}
          value={text}
          onChange={(event) => {
            setText(event.currentTarget.value);
            setError(null);
          }}
          onKeyDown={onKeyDown}
        />
      </label>
      {error && (
        <div role="alert" className="alert">
          {error.message}
        </div>
      )}
      {shortcut && (
        <button type="button" className="quiet small moment-shortcut" onClick={() => void submit(shortcut.value)}>
          {shortcut.label}
        </button>
      )}
      <FormActions cancel={cancel} submit={() => void submit()} submitLabel={submitLabel} />
    </div>
  );
}

/** After a stop: "Resume" runs the same entry again while the window lasts (then Continue is the way). */
export function ResumeOffer() {
  const recent = usePopover((state) => state.snapshot?.recent ?? []);
  const workspaceId = usePopover((state) => state.snapshot?.workspaceId ?? null);
  const preferences = usePopover((state) => state.snapshot?.preferences);
  const [, expire] = useState(0);
  const entry = resumableEntry(recent, Date.now());
  const end = entry?.end ? Date.parse(entry.end) : null;
  useEffect(() => {
    if (end === null) return;
    // Gone when the window closes.
    const timer = setTimeout(() => expire((n) => n + 1), Math.max(0, end + RESUME_WINDOW_MS - Date.now()) + 500);
    return () => clearTimeout(timer);
  }, [end]);
  if (!entry?.end || entry.workspaceId !== workspaceId) return null;
  const resume = async () => {
    const result = await call(() => window.clockify.resumeEntry({ entryKey: entry.key }));
    if (!result.ok) showToast('error', result.error.message);
  };
  const stoppedAt = formatClockTime(entry.end, preferences?.timeZone ?? 'UTC', preferences?.timeFormat ?? 'HOUR24');
  return (
    <div className="resume-offer">
      <span>Stopped at {stoppedAt}: carry on with the same entry?</span>
      <button type="button" className="link" aria-label={`Resume “${entry.description || 'no description'}”`} onClick={() => void resume()}>
        Resume
      </button>
    </div>
  );
}
