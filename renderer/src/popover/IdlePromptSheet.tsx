// The one question after time away (idle, locked screen, sleep) while a timer ran: keep the time,
// discard it, discard and continue, or give it to another project. The same sheet asks the
// forgotten-timer rescue (cause `unused`: the computer went unused for hours while the timer ran):
// end then, keep all, or end at another time.
import { useState } from 'react';
import type { EntryDraft, IdleAnswer, IdlePrompt, UserError } from '../../../shared/domain';
import { dayKeyOf, formatClockTime, formatDayLabel, formatDurationWords, secondsBetween, shiftDayKey } from '../time-format';
import { toClockifyInstant } from '../../../shared/time/wire-format';
import { formatTimeOfDay, isDayKey, localInstant, parseTimeOfDay, secondsOfDayIn } from '../time-input';
import { EntryFields } from './EntryFields';
import { call, EMPTY_DRAFT, usePopover, wire } from './store';

const CAUSE: Record<Exclude<IdlePrompt['cause'], 'unused'>, string> = { idle: 'You were away', lock: 'The screen was locked', sleep: 'The computer was asleep' };

export function IdlePromptSheet({ prompt }: { prompt: IdlePrompt }) {
  const preferences = usePopover((state) => state.snapshot!.preferences);
  const [reassigning, setReassigning] = useState(false);
  const [draft, setDraft] = useState<EntryDraft>(EMPTY_DRAFT);
  const [error, setError] = useState<UserError | null>(null);
  const time = (instant: string) => formatClockTime(instant, preferences.timeZone, preferences.timeFormat);
  const away = formatDurationWords(secondsBetween(prompt.idleSince, prompt.idleUntil));

  const answer = async (choice: IdleAnswer) => {
    const result = await call(() => window.clockify.answerIdlePrompt({ promptId: prompt.id, answer: choice }));
    if (!result.ok) setError(result.error);
  };

  if (prompt.cause === 'unused') return <ForgottenTimer prompt={prompt} answer={answer} error={error} onError={setError} />;

  return (
    <div className="sheet-backdrop">
      <div role="alertdialog" aria-modal="true" aria-label="Time away" aria-describedby="idle-summary" className="sheet">
        <div className="sheet-head">
          <h2>Time away</h2>
        </div>
        <p id="idle-summary" className="idle-summary">
          {CAUSE[prompt.cause]} from {time(prompt.idleSince)} to {time(prompt.idleUntil)} ({away}) while “{prompt.entryDescription || 'your timer'}” was running.
        </p>
        {reassigning ? (
          <>
            <EntryFields draft={draft} onChange={(next) => (setDraft(next), setError(null))} invalidField={error?.field ?? null} focusToken={1} />
            <div className="sheet-actions">
              <button type="button" className="quiet" onClick={() => setReassigning(false)}>
                Back
              </button>
              <span className="spacer" />
              <button type="button" className="primary" onClick={() => void answer({ kind: 'reassign', draft: wire(draft) })}>
                Give and resume
              </button>
            </div>
          </>
        ) : (
          <div className="idle-choices">
            <button type="button" className="primary" autoFocus onClick={() => void answer({ kind: 'keep' })}>
              Keep the time
            </button>
            <button type="button" className="quiet choice" onClick={() => void answer({ kind: 'discard' })}>
              Discard it (stop at {time(prompt.idleSince)})
            </button>
            <button type="button" className="quiet choice" onClick={() => void answer({ kind: 'discard-and-continue' })}>
              Discard and continue
            </button>
            <button type="button" className="quiet choice" onClick={() => setReassigning(true)}>
              Give it to another project…
            </button>
          </div>
        )}
        <Problem error={error} />
      </div>
    </div>
  );
}

interface ForgottenTimerProps {
  readonly prompt: IdlePrompt;
  readonly answer: (choice: IdleAnswer) => Promise<void>;
  readonly error: UserError | null;
  readonly onError: (error: UserError | null) => void;
}

/** "You stopped using the computer at 18:42 — end the entry then?" */
function ForgottenTimer({ prompt, answer, error, onError }: ForgottenTimerProps) {
  const { timeZone, timeFormat } = usePopover((state) => state.snapshot!.preferences);
  const [choosing, setChoosing] = useState(false);
  const [date, setDate] = useState(() => dayKeyOf(prompt.idleSince, timeZone));
  const [end, setEnd] = useState(() => formatTimeOfDay(secondsOfDayIn(prompt.idleSince, timeZone), timeFormat));
  const todayKey = dayKeyOf(Date.now(), timeZone);
  const stoppedDay = dayKeyOf(prompt.idleSince, timeZone);
  const on = stoppedDay === todayKey ? '' : ` ${stoppedDay === shiftDayKey(todayKey, -1) ? 'yesterday' : `on ${formatDayLabel(stoppedDay, todayKey)}`}`;
  const stoppedAt = formatClockTime(prompt.idleSince, timeZone, timeFormat);

  const endThere = () => {
    const seconds = parseTimeOfDay(end);
    if (!isDayKey(date)) return onError({ kind: 'invalid', field: 'start', status: null, message: 'Enter the day the entry should end, for example 2025-03-30.' });
    if (seconds === null) return onError({ kind: 'invalid', field: 'end', status: null, message: `Enter an end time such as 17:30${end.trim() ? ` ("${end.trim()}" is not one)` : ''}; nothing was changed.` });
    void answer({ kind: 'end-at', at: toClockifyInstant(localInstant(date, seconds, timeZone)) });
  };

  return (
    <div className="sheet-backdrop">
      <div role="alertdialog" aria-modal="true" aria-label="Time away" aria-describedby="idle-summary" className="sheet">
        <div className="sheet-head">
          <h2>Timer still running</h2>
        </div>
        <p id="idle-summary" className="idle-summary">
          You stopped using the computer at {stoppedAt}
          {on} — end the entry then? “{prompt.entryDescription || 'Your timer'}” has been running since {formatClockTime(prompt.entryStart, timeZone, timeFormat)}.
        </p>
        {choosing ? (
          <>
            <div className="times-row">
              <label className="field date-field">
                <span>Date</span>
                <input type="date" aria-label="Date" value={date} onChange={(event) => (setDate(event.currentTarget.value), onError(null))} />
              </label>
              <label className="field">
                <span>End</span>
                <input
                  type="text"
                  aria-label="End"
                  autoComplete="off"
                  autoFocus
                  aria-invalid={error?.field === 'end' || undefined}
                  value={end}
                  onChange={(event) => (setEnd(event.currentTarget.value), onError(null))}
                  onKeyDown={(event) => event.key === 'Enter' && endThere()}
                />
              </label>
            </div>
            <div className="sheet-actions">
              <button type="button" className="quiet" onClick={() => (setChoosing(false), onError(null))}>
                Back
              </button>
              <span className="spacer" />
              <button type="button" className="primary" onClick={endThere}>
                End there
              </button>
            </div>
          </>
        ) : (
          <div className="idle-choices">
            <button type="button" className="primary" autoFocus onClick={() => void answer({ kind: 'discard' })}>
              End then ({stoppedAt})
            </button>
            <button type="button" className="quiet choice" onClick={() => void answer({ kind: 'keep' })}>
              Keep all
            </button>
            <button type="button" className="quiet choice" onClick={() => setChoosing(true)}>
              End at another time…
            </button>
          </div>
        )}
        <Problem error={error} />
      </div>
    </div>
  );
}

function Problem({ error }: { error: UserError | null }) {
  return error ? (
    <div role="alert" className="alert">
      {error.message}
    </div>
  ) : null;
}
