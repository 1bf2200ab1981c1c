// The recent entries: today first, grouped by local day with each day's total (today's includes the
// running timer). Each item: description, project with its colour, time range and duration;
// Continue, Edit, Delete (with Undo), Split or duplicate; tags shown; identical entries of a day grouped. Breaks, holidays and time off are labelled as such, left
// out of the work totals, and offer only what Clockify lets a client do with them.
import { memo, useMemo } from 'react';
import type { EntryView, Preferences } from '../../../shared/domain';
import { countsAsWork, entryTypeLabel, mayChange, mayContinue } from '../../../shared/entry-types';
import { weekStartOf } from '../../../shared/work-totals';
import type { CatalogData } from '../catalog-data';
import { dayKeyOf, formatClockTime, formatDayLabel, formatDuration, secondsBetween } from '../time-format';
import { AddToFavourites } from './Favourites';
import { ContinueButton } from './ContinueButton';
import { EntryCopyButton } from './EntryCopySheet';
import { groupIdentical } from './entry-groups';
import { EntryMain } from './EntryMeta';
import { Icon } from './Icon';
import { IdenticalEntries } from './IdenticalEntries';
import { call, setEditing, showToast, usePopover } from './store';

interface Day {
  readonly key: string;
  readonly entries: readonly EntryView[];
  readonly seconds: number;
}

function groupByDay(entries: readonly EntryView[], zone: string, todayKey: string): Day[] {
  const days = new Map<string, EntryView[]>([[todayKey, []]]);
  for (const entry of entries) {
    const key = dayKeyOf(entry.start, zone);
    const list = days.get(key);
    if (list) list.push(entry);
    else days.set(key, [entry]);
  }
  return [...days.entries()]
    .sort(([a], [b]) => b.localeCompare(a))
    .map(([key, list]) => ({ key, entries: list, seconds: list.reduce((sum, entry) => sum + (entry.end && countsAsWork(entry) ? secondsBetween(entry.start, entry.end) : 0), 0) }));
}

export function RecentEntries() {
  const snapshot = usePopover((state) => state.snapshot);
  const catalog = usePopover((state) => state.catalog);
  const preferences = snapshot?.preferences;
  const zone = preferences?.timeZone ?? 'UTC';
  const todayKey = dayKeyOf(Date.now(), zone);
  const recent = snapshot?.recent;
  const days = useMemo(() => groupByDay(recent ?? [], zone, todayKey), [recent, zone, todayKey]);
  // Today's totals count the running timer of this workspace (not one running in another), and
  // only work: a running break does not count up.
  const running = snapshot?.timer.status === 'running' && snapshot.timer.entry.workspaceId === snapshot.workspaceId && countsAsWork(snapshot.timer.entry) ? snapshot.timer.entry : null;
  if (!preferences) return null;
  // The list holds the last seven days, so the week so far is always all in it.
  const weekFrom = weekStartOf(todayKey, preferences.weekStart);
  const weekSeconds = days.filter((day) => day.key >= weekFrom).reduce((sum, day) => sum + day.seconds, 0);

  return (
    <section className="recent" aria-label="Recent">
      <ul aria-label="Recent entries" className="entries">
        {days.map((day) => (
          <DayGroup
            key={day.key}
            day={day}
            todayKey={todayKey}
            running={day.key === todayKey ? running : null}
            weekSeconds={day.key === todayKey ? weekSeconds : null}
            preferences={preferences}
            catalog={catalog}
          />
        ))}
      </ul>
      {days.length === 1 && days[0]!.entries.length === 0 && <p className="empty">No entries in the last 7 days. Start a timer or add one by hand.</p>}
    </section>
  );
}

interface DayGroupProps {
  readonly day: Day;
  readonly todayKey: string;
  readonly running: EntryView | null;
  /** Today's group also shows the week so far. */
  readonly weekSeconds: number | null;
  readonly preferences: Preferences;
  readonly catalog: CatalogData | null;
}

function DayGroup({ day, todayKey, running, weekSeconds, preferences, catalog }: DayGroupProps) {
  const label = formatDayLabel(day.key, todayKey);
  return (
    <>
      <li role="presentation" className="day">
        <h2>{label}</h2>
        {weekSeconds !== null && <LiveTotal base={weekSeconds} running={running} label="This week" className="week-total" prefix="Week " />}
        <LiveTotal base={day.seconds} running={running} label={label} />
      </li>
      {groupIdentical(day.entries).map((group) =>
        group.entries.length === 1 ? (
          <EntryItem key={group.key} entry={group.entries[0]!} preferences={preferences} catalog={catalog} />
        ) : (
          <IdenticalEntries key={group.key} group={group} catalog={catalog}>
            {group.entries.map((entry) => (
              <EntryItem key={entry.key} entry={entry} preferences={preferences} catalog={catalog} />
            ))}
          </IdenticalEntries>
        ),
      )}
    </>
  );
}

/** A total that counts the running timer too (it re-renders with the tick only when one runs). */
function LiveTotal({ base, running, label, className = 'day-total', prefix = '' }: { base: number; running: EntryView | null; label: string; className?: string; prefix?: string }) {
  const total = formatDuration(base + useRunningSeconds(running));
  return (
    <span className={className} aria-label={`${label} total ${total}`}>
      {prefix}
      {total}
    </span>
  );
}

function useRunningSeconds(running: EntryView | null): number {
  const now = usePopover((state) => (running ? state.now : 0));
  return running ? Math.max(0, (now - Date.parse(running.start)) / 1000) : 0;
}

const EntryItem = memo(function EntryItem({ entry, preferences, catalog }: { entry: EntryView; preferences: Preferences; catalog: CatalogData | null }) {
  const { timeZone, timeFormat } = preferences;
  const range = `${formatClockTime(entry.start, timeZone, timeFormat)} – ${entry.end ? formatClockTime(entry.end, timeZone, timeFormat) : ''}`;
  const duration = entry.end ? formatDuration(secondsBetween(entry.start, entry.end)) : '';
  const descriptionId = `entry-${entry.key}`;
  const typeLabel = entryTypeLabel(entry.type);

  const continueEntry = async () => {
    const result = await call(() => window.clockify.continueEntry({ entryKey: entry.key }));
    if (!result.ok) showToast('error', result.error.message);
  };
  const deleteEntry = async () => {
    const result = await call(() => window.clockify.deleteEntry({ entryKey: entry.key }));
    if (!result.ok) return showToast('error', result.error.message);
    showToast('info', `Deleted “${entry.description || 'entry without description'}”.`, entry.key);
  };

  return (
    <li className={`entry sync-${entry.sync}${typeLabel ? ' not-work' : ''}${mayChange(entry.type) ? '' : ' managed'}`}>
      <EntryMain
        entry={entry}
        catalog={catalog}
        descriptionId={descriptionId}
        marks={
          <>
          {typeLabel && (
            <span className="entry-type" title={mayChange(entry.type) ? 'Not counted as work' : 'Made by time off in Clockify: change it there. Not counted as work'}>
              {typeLabel}
            </span>
          )}
          {entry.sync === 'pending' && (
            <span className="sync-mark" title="Waiting to be saved to Clockify">
              <Icon name="pending" />
              <span className="sr-only">pending</span>
            </span>
          )}
          </>
        }
        after={
          entry.problem && (
            <div className="entry-problem">
              <Icon name="warning" /> {entry.problem}
            </div>
          )
        }
      />
      <div className="entry-side">
        <span className="entry-duration">{duration}</span>
        <span className="entry-range">
          {range}
          {entry.end && dayKeyOf(entry.end, timeZone) !== dayKeyOf(entry.start, timeZone) && (
            <span className="next-day-mark" title="Ends the next day">
              +1<span className="sr-only"> (ends the next day)</span>
            </span>
          )}
        </span>
      </div>
      {mayChange(entry.type) ? (
        <div className="entry-tools">
          {mayContinue(entry.type) && <AddToFavourites entryKey={entry.key} describedBy={descriptionId} />}
          <button type="button" className="icon-button" aria-label="Edit" title="Edit" aria-describedby={descriptionId} onClick={() => setEditing(entry.key)}>
            <Icon name="edit" />
          </button>
          <button type="button" className="icon-button" aria-label="Delete" title="Delete" aria-describedby={descriptionId} onClick={() => void deleteEntry()}>
            <Icon name="trash" />
          </button>
          <EntryCopyButton entry={entry} preferences={preferences} describedBy={descriptionId} />
        </div>
      ) : null}
      <ContinueButton type={entry.type} describedBy={descriptionId} onContinue={() => void continueEntry()} />
    </li>
  );
});
