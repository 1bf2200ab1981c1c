// What only the day view holds: whether it is open, which day it shows, and the gap being filled.
// Kept apart from store.ts; it reads the snapshot from there.
import { useEffect, useState } from 'react';
import { create } from 'zustand';
import type { EntryView } from '../../../shared/domain';
import { dayKeyOf } from '../time-format';
import type { Span } from './day-layout';
import { usePopover } from './store';

export interface DayViewState {
  readonly open: boolean;
  /** null: today (and it follows midnight). */
  readonly dayKey: string | null;
  readonly gap: Span | null;
}

export const useDayView = create<DayViewState>(() => ({ open: false, dayKey: null, gap: null }));

export function openDayView(dayKey: string | null = null): void {
  useDayView.setState({ open: true, dayKey, gap: null });
}

export function closeDayView(): void {
  useDayView.setState({ open: false, dayKey: null, gap: null });
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

/** The entries the popover holds (the last seven days, the running one included) and today's key. */
export function useDayEntries(): { entries: readonly EntryView[]; running: EntryView | null; zone: string; oldestDayKey: string; todayKey: string; now: number } {
  const snapshot = usePopover((state) => state.snapshot);
  const now = useNow();
  const zone = snapshot?.preferences.timeZone ?? 'UTC';
  const running = snapshot?.timer.status === 'running' ? snapshot.timer.entry : null;
  const todayKey = dayKeyOf(now, zone);
  return { entries: snapshot?.recent ?? [], running, zone, todayKey, oldestDayKey: oldestLoadedDay(todayKey), now };
}

/** The core keeps seven days (today included) in the snapshot. */
export const LOADED_DAYS = 7;

function oldestLoadedDay(todayKey: string): string {
  const [y, m, d] = todayKey.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d - (LOADED_DAYS - 1))).toISOString().slice(0, 10);
}
