// What only the day view holds: whether it is open, which day it shows, the gap being filled, and
// the week read from Clockify when the shown day is older than the days the core keeps.
// Kept apart from store.ts; it reads the snapshot from there.
import { useEffect, useMemo, useState } from 'react';
import { create } from 'zustand';
import type { EntryView } from '../../../shared/domain';
import { weekStartOf } from '../../../shared/work-totals';
import { dayKeyOf, shiftDayKey } from '../time-format';
import type { Span } from './day-layout';
import { call, usePopover } from './store';

/** A week older than the kept days, as read from Clockify (`weekKey`: its first day). */
export interface OlderWeek {
  readonly weekKey: string;
  readonly status: 'loading' | 'ready' | 'failed';
  readonly entries: readonly EntryView[];
  readonly message: string | null;
}

export interface DayViewState {
  readonly open: boolean;
  /** null: today (and it follows midnight). */
  readonly dayKey: string | null;
  readonly gap: Span | null;
  readonly older: OlderWeek | null;
  /** Bumped by "Try again". */
  readonly attempt: number;
}

export const useDayView = create<DayViewState>(() => ({ open: false, dayKey: null, gap: null, older: null, attempt: 0 }));

export function openDayView(dayKey: string | null = null): void {
  useDayView.setState({ open: true, dayKey, gap: null });
}

export function closeDayView(): void {
  // An older week is read again next time: it may have changed on the web meanwhile.
  useDayView.setState({ open: false, dayKey: null, gap: null, older: null });
}

export function retryOlderWeek(): void {
  useDayView.setState((state) => ({ attempt: state.attempt + 1 }));
}

/** The first day of the week to read from Clockify for the shown day, or null when the app holds it all. */
export function olderWeekOf(dayKey: string | null, weekStart: Parameters<typeof weekStartOf>[1], oldestDayKey: string): string | null {
  if (dayKey === null) return null;
  const first = weekStartOf(dayKey, weekStart);
  return first < oldestDayKey ? first : null;
}

/**
 * Reads the shown day's week from Clockify while it reaches before the kept days, and again after
 * each change that may touch it (an entry added there: pending, then saved).
 */
export function useOlderWeekReader(): void {
  const dayKey = useDayView((state) => state.dayKey);
  const attempt = useDayView((state) => state.attempt);
  const snapshot = usePopover((state) => state.snapshot);
  const now = useNow();
  const zone = snapshot?.preferences.timeZone ?? 'UTC';
  const week = olderWeekOf(dayKey, snapshot?.preferences.weekStart ?? 'MONDAY', oldestLoadedDay(dayKeyOf(now, zone)));
  const freshness = `${snapshot?.workspaceId}|${zone}|${snapshot?.sync.pending}|${snapshot?.recent.length}`;
  useEffect(() => {
    if (!week) return;
    let current = true;
    useDayView.setState((state) => ({ older: { weekKey: week, status: 'loading', entries: state.older?.weekKey === week ? state.older.entries : [], message: null } }));
    void call(() => window.clockify.getEntriesOfDays({ from: week, to: shiftDayKey(week, 6) })).then((result) => {
      if (!current) return;
      useDayView.setState({ older: result.ok ? { weekKey: week, status: 'ready', entries: result.value, message: null } : { weekKey: week, status: 'failed', entries: [], message: result.error.message } });
    });
    return () => {
      current = false;
    };
  }, [week, freshness, attempt]);
}

export function showDay(dayKey: string | null): void {
  useDayView.setState({ dayKey, gap: null });
}

export function openGap(gap: Span | null): void {
  useDayView.setState({ gap });
}

/** Main's time while a timer runs (the 1-second tick); otherwise the page's, refreshed each minute. */
export function useNow(): number {
  const running = usePopover((state) => state.snapshot?.timer.status === 'running');
  const ticked = usePopover((state) => state.now);
  const [wall, setWall] = useState(() => Date.now());
  useEffect(() => {
    if (running) return;
    setWall(Date.now());
    const timer = setInterval(() => setWall(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, [running]);
  return running ? ticked : wall;
}

/**
 * The entries the popover holds (the last seven days, the running one included), with an older week
 * read from Clockify when one is shown, and today's key. `oldestDayKey`: the first day the entries cover.
 */
export function useDayEntries(): { entries: readonly EntryView[]; running: EntryView | null; zone: string; oldestDayKey: string; todayKey: string; now: number } {
  const snapshot = usePopover((state) => state.snapshot);
  const older = useDayView((state) => state.older);
  const now = useNow();
  const zone = snapshot?.preferences.timeZone ?? 'UTC';
  const running = snapshot?.timer.status === 'running' ? snapshot.timer.entry : null;
  const todayKey = dayKeyOf(now, zone);
  const recent = snapshot?.recent;
  const entries = useMemo(() => {
    const kept = recent ?? [];
    if (!older?.entries.length) return kept;
    const known = new Set(kept.map((entry) => entry.key));
    return [...kept, ...older.entries.filter((entry) => entry.end !== null && !known.has(entry.key))];
  }, [recent, older]);
  const kept = oldestLoadedDay(todayKey);
  const oldestDayKey = older?.status === 'ready' && older.weekKey < kept ? older.weekKey : kept;
  return { entries, running, zone, todayKey, oldestDayKey, now };
}

/** The core keeps seven days (today included) in the snapshot. */
export const LOADED_DAYS = 7;

function oldestLoadedDay(todayKey: string): string {
  const [y, m, d] = todayKey.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d - (LOADED_DAYS - 1))).toISOString().slice(0, 10);
}
