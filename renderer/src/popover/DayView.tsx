// The day view: one day's timeline (today, or any earlier day with Previous / Next: days older than
// the kept week are read from Clockify a week at a time), its work total against the daily goal,
// the week strip, and the form that fills a gap. Opened from the main view.
import { useEffect, useMemo, useRef } from 'react';
import { weekDayTotals, workTotals } from '../../../shared/work-totals';
import { formatDayLabel, shiftDayKey } from '../time-format';
import { layoutDay } from './day-layout';
import { closeDayView, openGap, retryOlderWeek, showDay, useDayEntries, useDayView, useOlderWeekReader } from './day-view-store';
import { GapForm } from './GapForm';
import { GoalProgress } from './GoalProgress';
import { Icon } from './Icon';
import { usePopover } from './store';
import { Timeline } from './Timeline';
import { WeekStrip } from './WeekStrip';
import './day-view.css';

const SHORT_DATE = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });

export function DayView() {
  useOlderWeekReader();
  const { entries, running, zone, todayKey, oldestDayKey, now } = useDayEntries();
  const older = useDayView((state) => state.older);
  const chosen = useDayView((state) => state.dayKey);
  const gap = useDayView((state) => state.gap);
  const preferences = usePopover((state) => state.snapshot?.preferences);
  const settings = usePopover((state) => state.settings);
  const dayKey = chosen ?? todayKey;
  const workingHours = settings?.reminder ?? null;
  const layout = useMemo(() => layoutDay({ dayKey, zone, entries, running, now, workingHours }), [dayKey, zone, entries, running, now, workingHours]);
  const all = useMemo(() => (running ? [...entries, running] : entries), [entries, running]);
  const weekStart = preferences?.weekStart ?? 'MONDAY';
  const week = weekDayTotals(all, dayKey, now, zone, weekStart);
  const daySeconds = week.find((day) => day.dayKey === dayKey)?.seconds ?? 0;
  const weekSeconds = dayKey === todayKey ? workTotals(all, now, zone, weekStart).weekSeconds : week.reduce((sum, day) => sum + day.seconds, 0);
  const label = formatDayLabel(dayKey, todayKey);
  const dialog = useRef<HTMLDivElement>(null);

  // Opening, or another day replacing the focused item: focus stays in the dialog (Esc, Alt+arrows).
  useEffect(() => {
    if (!dialog.current?.contains(document.activeElement)) dialog.current?.focus();
  }, [dayKey]);
  // The gap form closed: focus goes back to where it was on the timeline.
  const hadGap = useRef(false);
  useEffect(() => {
    if (hadGap.current && !gap) (dialog.current?.querySelector<HTMLElement>('.tl-item[tabindex="0"]') ?? dialog.current)?.focus();
    hadGap.current = gap !== null;
  }, [gap]);
  // Any day back: older weeks are read from Clockify when shown.
  const canGoBack = true;
  const reading = dayKey < oldestDayKey;
  const canGoForward = dayKey < todayKey;
  const go = (days: number) => {
    const next = shiftDayKey(dayKey, days);
    showDay(next === todayKey ? null : next);
  };

  return (
    <div className="sheet-backdrop">
      <div
        ref={dialog}
        tabIndex={-1}
        role="dialog"
        aria-modal="true"
        aria-label="Day view"
        className="sheet day-view"
        inert={gap !== null}
        onKeyDown={(event) => {
          if (event.defaultPrevented) return;
          if (event.key === 'Escape') {
            event.preventDefault();
            closeDayView();
          } else if (event.altKey && event.key === 'ArrowLeft' && canGoBack) {
            event.preventDefault();
            go(-1);
          } else if (event.altKey && event.key === 'ArrowRight' && canGoForward) {
            event.preventDefault();
            go(1);
          }
        }}
      >
        <div className="sheet-head day-head">
          <button type="button" className="icon-button" aria-label="Previous day" title="Previous day (Alt+←)" disabled={!canGoBack} onClick={() => go(-1)}>
            <Chevron direction="left" />
          </button>
          <h2 aria-live="polite">{label === 'Today' || label === 'Yesterday' ? `${label}, ${SHORT_DATE.format(new Date(`${dayKey}T12:00:00Z`))}` : label}</h2>
          <button type="button" className="icon-button" aria-label="Next day" title="Next day (Alt+→)" disabled={!canGoForward} onClick={() => go(1)}>
            <Chevron direction="right" />
          </button>
          <span className="spacer" />
          {dayKey !== todayKey && (
            <button type="button" className="quiet" onClick={() => showDay(null)}>
              Today
            </button>
          )}
          <button type="button" className="icon-button" aria-label="Close" onClick={closeDayView}>
            <Icon name="close" />
          </button>
        </div>
        <div className="day-totals">
          <GoalProgress label={dayKey === todayKey ? 'Today' : 'Day'} seconds={daySeconds} goalMinutes={settings?.goals.dailyMinutes ?? 0} />
          <GoalProgress label="Week" seconds={weekSeconds} goalMinutes={settings?.goals.weeklyMinutes ?? 0} />
        </div>
        <WeekStrip days={week} dayKey={dayKey} todayKey={todayKey} oldestDayKey={oldestDayKey} goalMinutes={settings?.goals.dailyMinutes ?? 0} />
        {reading ? (
          older?.status === 'failed' ? (
            <div role="alert" className="alert day-reading">
              This day could not be read from Clockify: {older.message}{' '}
              <button type="button" className="quiet" onClick={retryOlderWeek}>
                Try again
              </button>
            </div>
          ) : (
            <p className="day-reading" aria-live="polite">
              Reading this week from Clockify…
            </p>
          )
        ) : (
          <Timeline layout={layout} now={now} todayKey={todayKey} onGap={openGap} />
        )}
      </div>
      {gap && <GapForm gap={gap} dayKey={dayKey} />}
    </div>
  );
}

function Chevron({ direction }: { direction: 'left' | 'right' }) {
  return (
    <svg className="icon" viewBox="0 0 16 16" aria-hidden="true">
      <path d={direction === 'left' ? 'M10 3.5L5.5 8l4.5 4.5' : 'M6 3.5L10.5 8 6 12.5'} fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
