// History beyond the recent week, under the recent list: "Show the week before" reads a week of
// older entries from Clockify at a time (entries:days, which pages through the server's list), as
// far back as you go; "Search descriptions" finds entries among all that is loaded. Older entries
// can be continued (the same fields, as a new timer); they are changed in Clockify, as in the day view.
import { useMemo, useState } from 'react';
import type { EntryView, Preferences } from '../../../shared/domain';
import { countsAsWork } from '../../../shared/entry-types';
import { normalizeForSearch } from '../../../shared/text-search';
import type { CatalogData } from '../catalog-data';
import { dayKeyOf, formatClockTime, formatDayLabel, formatDuration, secondsBetween, shiftDayKey } from '../time-format';
import { ContinueButton } from './ContinueButton';
import { EntryMain } from './EntryMeta';
import { EMPTY_DRAFT, call, showToast, usePopover } from './store';

/** The recent list holds today and the six days before. */
const RECENT_DAYS = 7;

export function OlderEntries() {
  const snapshot = usePopover((state) => state.snapshot);
  const catalog = usePopover((state) => state.catalog);
  const [older, setOlder] = useState<readonly EntryView[]>([]);
  const [weeks, setWeeks] = useState(0);
  const [loading, setLoading] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const preferences = snapshot?.preferences;
  const zone = preferences?.timeZone ?? 'UTC';
  const todayKey = dayKeyOf(Date.now(), zone);
  const recentFrom = shiftDayKey(todayKey, -(RECENT_DAYS - 1));
  const loadedFrom = shiftDayKey(recentFrom, -7 * weeks);

  const loadWeekBefore = async () => {
    setLoading(true);
    setProblem(null);
    const to = shiftDayKey(loadedFrom, -1);
    const result = await call(() => window.clockify.getEntriesOfDays({ from: shiftDayKey(loadedFrom, -7), to }));
    setLoading(false);
    if (!result.ok) return setProblem(`${result.error.message} Nothing older was loaded: try again.`);
    setOlder((list) => [...list, ...result.value.filter((entry) => entry.end !== null && dayKeyOf(entry.start, zone) < loadedFrom && !list.some((known) => known.key === entry.key))]);
    setWeeks((n) => n + 1);
  };

  const found = useMemo(() => {
    const words = normalizeForSearch(query).split(/\s+/).filter(Boolean);
    if (words.length === 0) return null;
    const all = [...(snapshot?.recent ?? []), ...older];
    return all.filter((entry) => words.every((word) => normalizeForSearch(entry.description).includes(word)));
  }, [query, snapshot?.recent, older]);

  if (!preferences) return null;
  const shown = found ?? older;
  const days = groupByDay(shown, zone);

  return (
    <section className="older" aria-label="Older entries">
      <label className="field search-field">
        <span className="sr-only">Search descriptions</span>
        <input type="search" aria-label="Search descriptions" placeholder={weeks > 0 ? `Search descriptions (since ${formatDayLabel(loadedFrom, todayKey)})` : 'Search descriptions (last 7 days)'} value={query} onChange={(event) => setQuery(event.currentTarget.value)} />
      </label>
      {(found !== null || older.length > 0) && (
        <ul className="entries" aria-label={found !== null ? 'Search results' : 'Older entries'}>
          {days.map(([day, entries]) => (
            <OlderDay key={day} day={day} todayKey={todayKey} entries={entries} preferences={preferences} catalog={catalog} />
          ))}
        </ul>
      )}
      {found !== null && found.length === 0 && <p className="empty">No description here matches “{query.trim()}”: load older weeks to search further back.</p>}
      {problem && (
        <div role="alert" className="alert">
          {problem}
        </div>
      )}
      <button type="button" className="quiet small load-older" disabled={loading} onClick={() => void loadWeekBefore()}>
        {loading ? 'Loading…' : `Show the week before ${formatDayLabel(loadedFrom, todayKey)}`}
      </button>
    </section>
  );
}

function groupByDay(entries: readonly EntryView[], zone: string): [string, EntryView[]][] {
  const days = new Map<string, EntryView[]>();
  for (const entry of [...entries].sort((a, b) => b.start.localeCompare(a.start))) {
    const key = dayKeyOf(entry.start, zone);
    days.set(key, [...(days.get(key) ?? []), entry]);
  }
  return [...days.entries()];
}

function OlderDay({ day, todayKey, entries, preferences, catalog }: { day: string; todayKey: string; entries: readonly EntryView[]; preferences: Preferences; catalog: CatalogData | null }) {
  const seconds = entries.reduce((sum, entry) => sum + (entry.end && countsAsWork(entry) ? secondsBetween(entry.start, entry.end) : 0), 0);
  const label = formatDayLabel(day, todayKey);
  return (
    <>
      <li role="presentation" className="day">
        <h2>{label}</h2>
        <span className="day-total" aria-label={`${label} total ${formatDuration(seconds)}`}>
          {formatDuration(seconds)}
        </span>
      </li>
      {entries.map((entry) => (
        <OlderItem key={entry.key} entry={entry} preferences={preferences} catalog={catalog} />
      ))}
    </>
  );
}

function OlderItem({ entry, preferences, catalog }: { entry: EntryView; preferences: Preferences; catalog: CatalogData | null }) {
  const { timeZone, timeFormat } = preferences;
  const descriptionId = `older-${entry.key}`;
  const again = async () => {
    const draft = { ...EMPTY_DRAFT, description: entry.description, projectId: entry.projectId, taskId: entry.taskId, tagIds: entry.tagIds, billable: entry.billable };
    const result = await call(() => window.clockify.startTimer({ draft }));
    if (!result.ok) showToast('error', result.error.message);
  };
  return (
    <li className="entry">
      <EntryMain entry={entry} catalog={catalog} descriptionId={descriptionId} />
      <div className="entry-side">
        <span className="entry-duration">{entry.end ? formatDuration(secondsBetween(entry.start, entry.end)) : ''}</span>
        <span className="entry-range">
          {formatClockTime(entry.start, timeZone, timeFormat)} – {entry.end ? formatClockTime(entry.end, timeZone, timeFormat) : ''}
        </span>
      </div>
      <ContinueButton type={entry.type} describedBy={descriptionId} onContinue={() => void again()} />
    </li>
  );
}
