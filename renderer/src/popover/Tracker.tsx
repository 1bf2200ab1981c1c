// The top of the popover: the timer (Start / Stop, the running entry's fields) or manual entry.
import { useState, type KeyboardEvent, type ReactNode } from 'react';
import type { EntryDraft, EntryView, UserError } from '../../../shared/domain';
import { checkWorkspaceRules } from '../../../shared/entry-rules';
import { toClockifyInstant } from '../../../shared/time/wire-format';
import { futureEndProblem, resolveTimes, type TimesInput } from '../entry-times';
import { dayKeyOf, formatClockTime, formatElapsed } from '../time-format';
import { EntryFields, type FieldChange } from './EntryFields';
import { Icon } from './Icon';
import { ResumeOffer, RunningTimerTools } from './RunningTimerTools';
import { SwitchTools } from './SwitchTools';
import { TimesFields } from './TimesFields';
import {
  EMPTY_DRAFT,
  boundEntry,
  call,
  focusDescription,
  refusedStop,
  runningElsewhere,
  saveRunning,
  setDraft,
  setMode,
  showToast,
  startTimer,
  stopTimer,
  usePopover,
  wire,
} from './store';

export function Tracker() {
  const mode = usePopover((state) => state.mode);
  return (
    <section className={`tracker mode-${mode}`} aria-label="Tracker">
      <div className="segmented" role="group" aria-label="Mode">
        <button type="button" aria-pressed={mode === 'timer'} onClick={() => setMode('timer')}>
          Timer
        </button>
        <button type="button" aria-pressed={mode === 'manual'} onClick={() => setMode('manual')}>
          Manual entry
        </button>
      </div>
      {mode === 'timer' ? <TimerForm /> : <ManualEntryForm />}
    </section>
  );
}

function ErrorAlert({ error, children }: { error: UserError; children?: ReactNode }) {
  return (
    <div role="alert" className="alert">
      <span>
        {error.message}
        {error.status !== null && !error.message.includes(String(error.status)) ? ` (${error.status})` : ''}
      </span>
      {children}
    </div>
  );
}

function TimerForm() {
  const draft = usePopover((state) => state.draft);
  const snapshot = usePopover((state) => state.snapshot);
  const focusToken = usePopover((state) => state.focusToken);
  const [error, setError] = useState<UserError | null>(null);
  const entry = boundEntry(snapshot);
  const refused = refusedStop(snapshot);
  const running = snapshot?.timer.status === 'running' && entry !== null;
  const elsewhere = runningElsewhere(snapshot);
  const workspace = snapshot?.workspaces.find((w) => w.id === snapshot.workspaceId) ?? null;
  const missing = refused && workspace ? checkWorkspaceRules(draft, workspace.rules, workspace.name) : null;

  const report = (result: { ok: boolean; error?: UserError }) => setError(result.ok ? null : (result.error ?? null));

  const save = async (next: EntryDraft) => report(await saveRunning(next));

  const onChange = (next: EntryDraft, change: FieldChange) => {
    setDraft(next);
    setError(null);
    // A running entry takes each choice at once; its description when the user is done typing.
    if (running && change !== 'description') void save(next);
  };

  const commitDescription = () => {
    if (running && entry && draft.description !== entry.description) void save(draft);
  };

  const start = async () => {
    const result = await startTimer();
    report(result);
  };
  /** A description still being typed goes to the running entry before it changes otherwise. */
  const saveTyped = async () => {
    if (entry && draft.description !== entry.description) await saveRunning(draft);
  };
  const stop = async () => {
    await saveTyped();
    const result = await stopTimer();
    report(result);
    // Ready for the next one.
    if (result.ok) focusDescription();
  };
  const complete = async () => {
    const result = await saveRunning(draft);
    report(result);
    if (result.ok) {
      showToast('info', 'Entry completed and stopped.');
      focusDescription();
    }
  };
  const keepRunning = async () => {
    if (!refused) return;
    report(await call(() => window.clockify.discardChange({ intentId: refused.intentId })));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Enter' || event.defaultPrevented || event.nativeEvent.isComposing) return;
    const target = event.target as HTMLElement;
    if (target instanceof HTMLButtonElement) return;
    event.preventDefault();
    if (refused) void complete();
    else if (!running) void start();
  };

  return (
    <div className={`timer-form${running ? ' is-running' : ''}`} onKeyDown={onKeyDown}>
      {refused && (
        <div role="alert" className="alert attention">
          <strong>The timer could not be stopped.</strong> <span>{refused.reason}</span>{' '}
          <span>Complete the entry below: {missing ? missing.message : 'then save it.'}</span>
        </div>
      )}
      {elsewhere && <ElsewhereNote entry={elsewhere.entry} workspaceName={elsewhere.workspaceName} />}
      <EntryFields
        draft={draft}
        onChange={onChange}
        invalidField={error?.field ?? missing?.field ?? null}
        focusToken={focusToken}
        onDescriptionCommit={commitDescription}
      />
      {error && <ErrorAlert error={error} />}
      <div className="timer-row">
        {entry && running ? <RunningTimer entry={entry} /> : refused && entry ? <StoppedAt entry={entry} /> : <div className="timer idle" aria-hidden="true">0:00:00</div>}
        {refused ? (
          <div className="buttons">
            <button type="button" className="quiet" onClick={() => void keepRunning()}>
              Keep running
            </button>
            <button type="button" className="primary" onClick={() => void complete()}>
              Complete entry
            </button>
          </div>
        ) : running ? (
          <button type="button" className="primary stop" onClick={() => void stop()}>
            <Icon name="stop" />
            Stop
          </button>
        ) : (
          <button type="button" className="primary start" onClick={() => void start()}>
            <Icon name="play" />
            Start
          </button>
        )}
      </div>
      {entry && running && !refused && <RunningTimerTools entry={entry} beforeChange={saveTyped} />}
      {entry && running && !refused && <SwitchTools entry={entry} beforeChange={saveTyped} />}
      {!running && !refused && !elsewhere && <ResumeOffer />}
    </div>
  );
}

function RunningTimer({ entry }: { entry: EntryView }) {
  const now = usePopover((state) => state.now);
  const project = usePopover((state) => (entry.projectId ? state.catalog?.projects.byId.get(entry.projectId) : undefined));
  const preferences = usePopover((state) => state.snapshot?.preferences);
  const since = preferences ? formatClockTime(entry.start, preferences.timeZone, preferences.timeFormat) : '';
  return (
    <div role="timer" className="timer running">
      <span className="timer-top">
        <span className="elapsed">{formatElapsed((now - Date.parse(entry.start)) / 1000)}</span>
        <span className="timer-since">since {since}</span>
      </span>
      <span className="timer-what">
        {entry.description || 'No description'}
        {project && (
          <>
            <span className="sep" aria-hidden="true">
              ·
            </span>
            <span className="dot" style={{ background: project.color }} aria-hidden="true" />
            {project.name}
          </>
        )}
      </span>
    </div>
  );
}

/** A timer running in another workspace: said, with the way to it, instead of a silent 0:00:00. */
function ElsewhereNote({ entry, workspaceName }: { entry: EntryView; workspaceName: string }) {
  const now = usePopover((state) => state.now);
  const preferences = usePopover((state) => state.snapshot?.preferences);
  const since = preferences ? formatClockTime(entry.start, preferences.timeZone, preferences.timeFormat) : '';
  return (
    <div role="note" aria-label="Timer in another workspace" className="elsewhere">
      <span>
        A timer is running in {workspaceName}: “{entry.description || 'no description'}” since {since} ({formatElapsed((now - Date.parse(entry.start)) / 1000)}). Starting here stops it.
      </span>
      <button type="button" className="link" onClick={() => void call(() => window.clockify.selectWorkspace({ workspaceId: entry.workspaceId }))}>
        Go to {workspaceName}
      </button>
    </div>
  );
}

function StoppedAt({ entry }: { entry: EntryView }) {
  return <div className="timer stopped">{formatElapsed(entry.end ? (Date.parse(entry.end) - Date.parse(entry.start)) / 1000 : 0)}</div>;
}

// --- manual entry ------------------------------------------------------------------------------

function ManualEntryForm() {
  const focusToken = usePopover((state) => state.focusToken);
  const zone = usePopover((state) => state.snapshot?.preferences.timeZone ?? 'UTC');
  const timeFormat = usePopover((state) => state.snapshot?.preferences.timeFormat ?? 'HOUR24');
  // The same default project as the timer (the fixed or last-used one), not the running entry's.
  const [draft, setLocalDraft] = useState<EntryDraft>(() => {
    const state = usePopover.getState();
    return state.boundKey === null ? { ...EMPTY_DRAFT, projectId: state.draft.projectId, billable: state.draft.billable } : EMPTY_DRAFT;
  });
  const [times, setTimes] = useState<TimesInput>(() => ({ date: dayKeyOf(Date.now(), zone), start: '', end: '' }));
  const [error, setError] = useState<UserError | null>(null);
  /** The times whose future end was pointed out: the next Add entry adds them. */
  const [confirmedFuture, setConfirmedFuture] = useState<string | null>(null);

  const add = async () => {
    const resolved = resolveTimes(times, zone);
    if (!resolved.ok) return setError(resolved.error);
    const timesKey = JSON.stringify(times);
    const future = futureEndProblem(resolved.end, Date.now(), zone, timeFormat, 'Add entry');
    if (future && confirmedFuture !== timesKey) {
      setConfirmedFuture(timesKey);
      return setError(future);
    }
    const result = await call(() => window.clockify.addEntry({ draft: wire(draft), times: { start: toClockifyInstant(resolved.start), end: toClockifyInstant(resolved.end) } }));
    if (!result.ok) return setError(result.error);
    setError(null);
    setConfirmedFuture(null);
    showToast('info', 'Entry added.');
    setLocalDraft({ ...EMPTY_DRAFT, projectId: draft.projectId, taskId: draft.taskId, billable: draft.billable });
    setTimes({ ...times, start: times.end && !resolved.endsNextDay ? times.end : '', end: '' });
    focusDescription();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.defaultPrevented) {
      event.preventDefault();
      void add();
    }
  };

  const timesField = error?.field === 'start' || error?.field === 'end' ? error.field : null;
  return (
    <div className="manual-form" onKeyDown={onKeyDown}>
      <EntryFields
        draft={draft}
        onChange={(next) => {
          setLocalDraft(next);
          setError(null);
        }}
        invalidField={error?.field ?? null}
        focusToken={focusToken}
      />
      <TimesFields
        value={times}
        invalidField={timesField}
        onChange={(next) => {
          setTimes(next);
          setError(null);
        }}
      />
      {error && <ErrorAlert error={error} />}
      <div className="timer-row">
        <span className="hint">{/Mac/.test(navigator.platform) ? '⌘ Return adds' : 'Ctrl+Enter adds'}</span>
        <button type="button" className="primary" onClick={() => void add()}>
          Add entry
        </button>
      </div>
    </div>
  );
}
