// The one question after time away (idle, locked screen, sleep) while a timer ran: keep the time,
// discard it, discard and continue, or give it to another project and resume.
import { useState } from 'react';
import type { EntryDraft, IdleAnswer, IdlePrompt, UserError } from '../../../shared/domain';
import { formatClockTime, formatDurationWords, secondsBetween } from '../time-format';
import { EntryFields } from './EntryFields';
import { call, EMPTY_DRAFT, usePopover, wire } from './store';

const CAUSE: Record<IdlePrompt['cause'], string> = { idle: 'You were away', lock: 'The screen was locked', sleep: 'The computer was asleep' };

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
        {error && (
          <div role="alert" className="alert">
            {error.message}
          </div>
        )}
      </div>
    </div>
  );
}
