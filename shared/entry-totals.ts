// Durations and their format. Work totals by day and week: work-totals.ts.
import type { EntryView } from './domain';

export function entrySeconds(entry: Pick<EntryView, 'start' | 'end'>, now: number): number {
  const end = entry.end === null ? now : Date.parse(entry.end);
  return Math.max(0, Math.floor((end - Date.parse(entry.start)) / 1000));
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
