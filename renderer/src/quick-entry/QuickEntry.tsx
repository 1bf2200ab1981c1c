// The quick-entry window: one line in, a live preview of exactly what will be created, Enter adds,
// Esc hides the window. An error is shown in words only once the user pauses (or presses Enter),
// so a half-typed line does not flash red on every keystroke.
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { AppSnapshot, WorkspaceOption } from '../../../shared/domain';
import { parseQuickEntry, type QuickEntryParse } from '../../../shared/quick-entry';
import type { CatalogData } from '../catalog-data';
import { dayKeyOf, formatClockTime, formatDurationWords } from '../time-format';
import { lineCommand, type LineCommand } from './commands';
import { addPlannedEntries, cautions, entriesWord, planEntries, type QuickEntryPlan } from './plan';
import { EntryPreview } from './Preview';
import { formatDate } from './preview-format';
import { hideWindow, useQuickEntry } from './store';

/** How long the user must pause before a line that does not read yet is called an error. */
const PATIENCE_MS = 800;

const HINT = '9:00-10:30 Review @Website #meeting $ · yesterday 13-17 … · mar 2-6 9-17 Onsite · 1h30m …';

export function QuickEntryApp() {
  const snapshot = useQuickEntry((state) => state.snapshot);
  const startupError = useQuickEntry((state) => state.startupError);

  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      hideWindow();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  if (startupError) {
    return (
      <main className="message">
        <p role="alert" className="alert">
          {startupError}
        </p>
      </main>
    );
  }
  if (!snapshot) return <main className="message" aria-busy="true" />;
  if (snapshot.account.status !== 'signed-in') {
    return (
      <main className="message">
        <h1>You are signed out</h1>
        <p>Open the Clockify Tray popover from the tray icon and connect your Clockify account; then come back here to add entries.</p>
        <p className="muted small">Esc closes this window.</p>
      </main>
    );
  }
  const workspace = snapshot.workspaces.find((candidate) => candidate.id === snapshot.workspaceId) ?? null;
  if (!workspace) {
    return (
      <main className="message">
        <h1>No workspace chosen</h1>
        <p>Choose a workspace in the Clockify Tray popover, then come back here to add entries.</p>
      </main>
    );
  }
  return <QuickEntryForm snapshot={snapshot} workspace={workspace} />;
}

type Problem = { readonly message: string; readonly candidates?: readonly string[]; readonly choiceFor?: { sigil: '@' | '#'; query: string } };

/**
 * The line with the ambiguous @project or #tag replaced by a candidate, quoted so it matches only
 * that one ("Design (Globex)" → @"Design Globex": client names match too).
 */
export function withChoice(line: string, choiceFor: { sigil: '@' | '#'; query: string }, label: string): string {
  const name = label.replace(/ \((.+)\)$/, ' $1');
  const words = choiceFor.query.split(/\s+/).map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const written = new RegExp(`\\${choiceFor.sigil}["“”]?${words.join('\\s+')}["“”]?`);
  return written.test(line) ? line.replace(written, `${choiceFor.sigil}"${name}"`) : line;
}

type Outcome = { readonly kind: 'added' | 'failed'; readonly text: string };

interface Reading {
  readonly parse: QuickEntryParse | null;
  readonly plan: QuickEntryPlan | null;
  readonly problem: Problem | null;
  /** A line that acts instead of adding (commands.ts): moving the running timer's start, starting a favourite. */
  readonly command?: Exclude<LineCommand, { kind: 'refused' }>;
}

function read(line: string, now: number, snapshot: AppSnapshot, workspace: WorkspaceOption, catalog: CatalogData | null, catalogError: string | null): Reading {
  if (line.trim() === '') return { parse: null, plan: null, problem: null };
  const command = lineCommand(line, snapshot, now, (at) => formatClockTime(at.toISOString(), snapshot.preferences.timeZone, snapshot.preferences.timeFormat));
  if (command?.kind === 'refused') return { parse: null, plan: null, problem: { message: command.message } };
  if (command) return { parse: null, plan: null, problem: null, command };
  if (!catalog) return { parse: null, plan: null, problem: { message: catalogError ?? 'The projects and tags are still loading: press Enter again in a moment.' } };
  const parse = parseQuickEntry(line, { now: new Date(now), timeZone: snapshot.preferences.timeZone, dateOrder: snapshot.preferences.dateOrder, projects: catalog.projects.sorted, tags: catalog.tags });
  if (!parse.ok) return { parse, plan: null, problem: { message: parse.error, ...(parse.candidates ? { candidates: parse.candidates } : {}), ...(parse.choiceFor ? { choiceFor: parse.choiceFor } : {}) } };
  const plan = planEntries(parse, catalog, workspace);
  return { parse, plan, problem: plan.problem ? { message: plan.problem.message } : null };
}

/** Main's clock is the source of "now"; here it only has to move while a line is typed (a duration ends now). */
function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    setNow(Date.now());
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') setNow(Date.now());
    }, 1000);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}

function QuickEntryForm({ snapshot, workspace }: { snapshot: AppSnapshot; workspace: WorkspaceOption }) {
  const catalog = useQuickEntry((state) => state.catalog);
  const catalogError = useQuickEntry((state) => state.catalogError);
  const [line, setLine] = useState('');
  const [armed, setArmed] = useState(false);
  const [sending, setSending] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  /** The line whose cautions (over 12 h, ends in the future) were shown on an Enter: the next Enter adds it. */
  const [confirming, setConfirming] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const lastPlan = useRef<QuickEntryPlan | null>(null);
  const now = useNow(line !== '');
  const { preferences } = snapshot;

  const reading = useMemo(() => read(line, now, snapshot, workspace, catalog, catalogError), [line, now, snapshot, workspace, catalog, catalogError]);
  const { parse, plan, problem } = reading;
  if (line.trim() === '') lastPlan.current = null;
  else if (plan && !problem) lastPlan.current = plan;

  // A line that does not read yet becomes an error once the user pauses; it stays one (and follows
  // the typing) until the line reads again.
  const failing = problem !== null;
  useEffect(() => {
    if (!failing) {
      setArmed(false);
      return;
    }
    if (armed) return;
    const timer = setTimeout(() => setArmed(true), PATIENCE_MS);
    return () => clearTimeout(timer);
  }, [line, failing, armed]);

  // Shown again (the window is hidden, not closed): ready to type, last time's confirmation gone.
  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState !== 'visible') return;
      setOutcome((shown) => (shown?.kind === 'added' ? null : shown));
      input.current?.focus();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, []);

  const todayKey = dayKeyOf(now, preferences.timeZone);
  const cautionsOf = (candidate: QuickEntryPlan, at: number) =>
    cautions(candidate, at, (item) => formatDate(item.localDate, todayKey), formatDurationWords);
  const warnings = plan ? cautionsOf(plan, now) : [];

  async function submit(): Promise<void> {
    if (sending || line.trim() === '') return;
    // Read again at this instant: "1h30m" ends now, not when the preview was last drawn.
    const fresh = read(line, Date.now(), snapshot, workspace, catalog, catalogError);
    if (fresh.command) return run(fresh.command);
    if (fresh.problem || !fresh.plan) {
      setArmed(true);
      return;
    }
    // Over 12 hours or ending in the future: the window has said so; the second Enter adds it.
    if (cautionsOf(fresh.plan, Date.now()).length > 0 && confirming !== line) {
      setConfirming(line);
      return;
    }
    setSending(true);
    setOutcome(null);
    const result = await addPlannedEntries(fresh.plan, (request) => window.clockify.addEntry(request), (item) => formatDate(item.localDate, todayKey));
    setSending(false);
    if (result.error) {
      setOutcome({ kind: 'failed', text: result.error });
    } else {
      const later = useQuickEntry.getState().snapshot?.sync.online === false ? ' (sent to Clockify when the connection is back)' : '';
      setOutcome({ kind: 'added', text: `Added ${entriesWord(result.added)}${later}` });
      setLine('');
      setArmed(false);
      setConfirming(null);
    }
    input.current?.focus();
  }

  async function run(command: NonNullable<Reading['command']>): Promise<void> {
    setSending(true);
    setOutcome(null);
    const result =
      command.kind === 'favourite'
        ? await window.clockify.startFavourite({ favouriteId: command.favouriteId })
        : await window.clockify.moveTimerStart({ start: command.at.toISOString() });
    setSending(false);
    if (!result.ok) setOutcome({ kind: 'failed', text: result.error.message });
    else {
      setOutcome({ kind: 'added', text: command.kind === 'favourite' ? `Started favourite ${command.position}` : 'Moved the start of the running timer' });
      setLine('');
      setArmed(false);
    }
    input.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    event.preventDefault();
    void submit();
  }

  const showProblem = problem !== null && armed;
  // While a line does not read yet, the last preview stays (dimmed) so the window does not jump; once
  // the error shows, no preview does: a line that breaks a workspace rule adds nothing.
  const shown = problem ? (armed ? null : lastPlan.current) : plan;

  return (
    <main className="quick-entry">
      <div className="line">
        <svg className="clock" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <path d="M8 2.5a5.5 5.5 0 1 0 0 11 5.5 5.5 0 0 0 0-11z M8 5v3.2l2 1.3" />
        </svg>
        <input
          ref={input}
          type="text"
          aria-label="Quick entry"
          aria-describedby="quick-entry-hint"
          aria-invalid={showProblem || undefined}
          placeholder="Times, then what you did — Enter adds"
          autoFocus
          autoComplete="off"
          spellCheck={false}
          readOnly={sending}
          value={line}
          onChange={(event) => {
            setLine(event.target.value);
            setOutcome(null);
          }}
          onKeyDown={onKeyDown}
        />
      </div>

      <section className="preview" role="region" aria-label="Preview" aria-busy={sending || undefined}>
        <p role="status" className="confirmation">
          {outcome?.kind === 'added' ? outcome.text : ''}
        </p>
        {outcome?.kind === 'failed' ? (
          <div role="alert" className="alert">
            {outcome.text}
          </div>
        ) : null}
        {showProblem ? (
          <div role="alert" className="alert">
            <p>{problem.message}</p>
            {problem.candidates && problem.candidates.length > 0 ? (
              <ul className="candidates" aria-label="Candidates">
                {problem.candidates.map((candidate) => (
                  <li key={candidate}>
                    {problem.choiceFor ? (
                      <button
                        type="button"
                        className="candidate"
                        onClick={() => {
                          setLine(withChoice(line, problem.choiceFor!, candidate));
                          input.current?.focus();
                        }}
                      >
                        {candidate}
                      </button>
                    ) : (
                      candidate
                    )}
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
        {!showProblem && problem && line.trim() !== '' ? <p className="typing">{problem.message}</p> : null}
        {warnings.length > 0 && !showProblem ? (
          <div className={`caution${confirming === line ? ' asked' : ''}`} aria-live="assertive">
            {warnings.map((warning) => (
              <p key={warning}>{warning}</p>
            ))}
            <p className="caution-action">{confirming === line ? 'Press Enter again to add it anyway, or change the line.' : 'Enter asks once more before adding it.'}</p>
          </div>
        ) : null}
        {reading.command ? <p className="command-preview">{reading.command.says}</p> : null}
        {shown ? (
          <div className={shown === plan ? 'entry-preview' : 'entry-preview stale'} aria-hidden={shown !== plan || undefined}>
            <EntryPreview workspace={workspace.name} plan={shown} notes={parse?.ok && shown === plan ? parse.notes : []} preferences={preferences} todayKey={todayKey} />
          </div>
        ) : null}
        {(line.trim() === '' && outcome?.kind !== 'failed') || (showProblem && !shown) ? <Guide workspace={workspace.name} zone={preferences.timeZone} twelveHour={preferences.timeFormat === 'HOUR12'} /> : null}
      </section>

      <footer className="foot">
        <p id="quick-entry-hint" className="hint" title={HINT}>
          {HINT}
        </p>
      </footer>
    </main>
  );
}

/** What the preview says before anything is typed. */
function Guide({ workspace, zone, twelveHour }: { workspace: string; zone: string; twelveHour: boolean }) {
  return (
    <dl className="guide">
      <dt>When</dt>
      <dd>
        <code>9:00-10:30</code> <code>{twelveHour ? '9am-1pm' : '13-17'}</code> today · <code>yesterday</code> <code>mon</code> <code>2025-03-10</code> · <code>mar 2-6</code> one
        per day · <code>1h30m</code> ending now
      </dd>
      <dt>What</dt>
      <dd>
        the description, then <code>@project</code> <code>#tag</code> <code>$</code> billable — words in any order, accents optional
      </dd>
      <dt>Also</dt>
      <dd>
        <code>-20m</code> or <code>20 min ago</code> alone moves the running timer's start · <code>fav 2</code> starts favourite 2
      </dd>
      <dt>Zone</dt>
      <dd>
        times are {zone}; <code>9-5</code> is 09:00–17:00, <code>22:30-1:15</code> ends the next day
      </dd>
      <dt>Keys</dt>
      <dd>
        <kbd>Enter</kbd> adds to {workspace} · <kbd>Esc</kbd> closes
      </dd>
    </dl>
  );
}
