// Switch and return, beside the running timer: "Interrupt…" starts an interruption ("Phone call")
// whose stop brings the current work back; "Switched at…" says you moved to other work at a past
// moment (the running entry ends there, the new one runs from then). While an interruption runs, a
// line says what comes back and how. Everything goes through the core's journal.
import { useEffect, useRef, useState } from 'react';
import type { EntryView, Result, UserError } from '../../../shared/domain';
import { toClockifyInstant } from '../../../shared/time/wire-format';
import { parsePastMoment } from '../past-moment';
import { submitOrCancel } from './form-keys';
import { FormActions } from './FormActions';
import { EMPTY_DRAFT, call, focusDescription, usePopover } from './store';

type Tool = 'interrupt' | 'switch' | null;

export function SwitchTools({ entry, beforeChange }: { entry: EntryView; beforeChange: () => Promise<void> }) {
  const [tool, setTool] = useState<Tool>(null);
  const zone = usePopover((state) => state.snapshot?.preferences.timeZone ?? 'UTC');
  const interruption = usePopover((state) => state.snapshot?.interruption ?? null);
  const returning = interruption?.entryKey === entry.key ? interruption.returnTo : null;
  // A form's answer can come after the other form was opened: it closes only itself.
  const close = (which: Tool) => setTool((open) => (open === which ? null : open));
  const finish = (which: Tool) => () => {
    close(which);
    focusDescription();
  };

  return (
    <>
      {returning && (
        <p className="interruption-note" id="interruption-note">
          Interrupting “{returning.description || 'no description'}”: Stop brings it back as a new entry from then; Discard resumes the same entry.
        </p>
      )}
      <div className="running-tools switch-tools" role="group" aria-label="Switch">
        {!returning && (
          <button type="button" className="quiet small" aria-expanded={tool === 'interrupt'} onClick={() => setTool(tool === 'interrupt' ? null : 'interrupt')}>
            Interrupt…
          </button>
        )}
        <button type="button" className="quiet small" aria-expanded={tool === 'switch'} onClick={() => setTool(tool === 'switch' ? null : 'switch')}>
          Switched at…
        </button>
      </div>
      {tool === 'interrupt' && (
        <SwitchForm
          key="interrupt"
          label="Interruption"
          initialDescription="Phone call"
          submitLabel="Start interruption"
          hint={`“${entry.description || 'The current work'}” stops now and comes back when the interruption stops.`}
          send={async (description) => {
            await beforeChange();
            return call(() => window.clockify.startInterruption({ draft: { ...EMPTY_DRAFT, description } }));
          }}
          done={finish('interrupt')}
          cancel={() => close('interrupt')}
        />
      )}
      {tool === 'switch' && (
        <SwitchForm
          key="switch"
          label="Switched to"
          initialDescription=""
          submitLabel="Switch"
          moment={{ label: 'Switched at', placeholder: '10:30, -20m or 20 min ago', zone }}
          hint={`“${entry.description || 'The running entry'}” ends at that moment; the new work runs from then.`}
          send={async (description, at) => {
            await beforeChange();
            return call(() => window.clockify.switchTimerAt({ draft: { ...EMPTY_DRAFT, description }, at: at! }));
          }}
          done={finish('switch')}
          cancel={() => close('switch')}
        />
      )}
    </>
  );
}

interface SwitchFormProps {
  readonly label: string;
  readonly initialDescription: string;
  readonly submitLabel: string;
  readonly hint: string;
  /** A past moment to type too (Switched at…). */
  readonly moment?: { readonly label: string; readonly placeholder: string; readonly zone: string };
  readonly send: (description: string, at?: string) => Promise<Result<null>>;
  readonly done: () => void;
  readonly cancel: () => void;
}

/** What to switch to (and when): Enter sends, Esc closes; a refusal is said under the form and nothing typed is lost. */
function SwitchForm({ label, initialDescription, submitLabel, hint, moment, send, done, cancel }: SwitchFormProps) {
  const [description, setDescription] = useState(initialDescription);
  const [when, setWhen] = useState('');
  const [error, setError] = useState<UserError | null>(null);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => {
    first.current?.focus();
    first.current?.select();
  }, []);

  const submit = async () => {
    let at: string | undefined;
    if (moment) {
      const parsed = parsePastMoment(when, Date.now(), moment.zone);
      if (!parsed.ok) return setError({ kind: 'invalid', message: parsed.message, status: null, field: 'start' });
      at = toClockifyInstant(parsed.at);
    }
    const result = await send(description.trim(), at);
    if (!result.ok) return setError(result.error);
    setError(null);
    done();
  };
  const onKeyDown = submitOrCancel(() => void submit(), cancel);
  const momentWrong = error?.field === 'start';

  return (
    <div className="moment-form" role="group" aria-label={label}>
      <label className="field">
        <span>{label}</span>
        <input ref={first} type="text" aria-label={label} autoComplete="off" placeholder="What you do now" aria-invalid={error && !momentWrong ? true : undefined} value={description} onChange={(event) => { setDescription(event.currentTarget.value); setError(null); }} onKeyDown={onKeyDown} />
      </label>
      {moment && (
        <label className="field">
          <span>{moment.label}</span>
          <input type="text" aria-label={moment.label} autoComplete="off" placeholder={moment.placeholder} aria-invalid={momentWrong ? true : undefined} value={when} onChange={(event) => { setWhen(event.currentTarget.value); setError(null); }} onKeyDown={onKeyDown} />
        </label>
      )}
      <p className="moment-hint">{hint}</p>
      {error && (
        <div role="alert" className="alert">
          {error.message}
        </div>
      )}
      <FormActions cancel={cancel} submit={() => void submit()} submitLabel={submitLabel} />
    </div>
  );
}
