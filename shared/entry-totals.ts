// Durations and day totals, clipped to local days in the app's zone. The running entry counts up to now.
import type { EntryView } from './domain';
import { countsAsWork } from './entry-types';
import { localDayBounds } from './time/zone';

export function entrySeconds(entry: Pick<EntryView, 'start' | 'end'>, now: number): number {
  const end = entry.end === null ? now : Date.parse(entry.end);
  return Math.max(0, Math.floor((end - Date.parse(entry.start)) / 1000));
}

/** Seconds of work on the local day containing `now`, running entry included; breaks and time off are not work. */
export function todaySeconds(entries: readonly Pick<EntryView, 'start' | 'end' | 'type'>[], now: number, zone: string): number {
  const { start, end } = localDayBounds(new Date(now), zone);
  let total = 0;
  for (const entry of entries) {
    if (!countsAsWork(entry)) continue;
    const from = Math.max(Date.parse(entry.start), start.getTime());
    const to = Math.min(entry.end === null ? now : Date.parse(entry.end), end.getTime(), now);
    if (to > from) total += to - from;
  }
  return Math.floor(total / 1000);
}

/** `1:05` (hours:minutes), or `1:05:09` with seconds. */
export function formatDuration(totalSeconds: number, withSeconds = false): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return withSeconds ? `${h}:${pad(m)}:${pad(s)}` : `${h}:${pad(m)}`;
}
