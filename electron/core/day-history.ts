// Entries of any run of local days, read from Clockify on demand: the day view's days older than
// the week the core keeps, and (issue #15) history further back. Through the client's paging, with
// the wall-clock window Clockify expects and the real instants filtered here, in the app's zone.
import { localDaysSpan, paddedWallClockWindow } from '../../shared/time/zone';
import type { ClockifyClient } from '../clockify/client';
import type { ServerEntry } from './entry-model';
import { fromClockify } from './server-entry';

/** The longest run read at once: a year of days (a longer history is read in several runs). */
export const MAX_HISTORY_DAYS = 366;

export interface DaysQuery {
  readonly workspaceId: string;
  readonly userId: string;
  /** `yyyy-MM-dd`, both included. */
  readonly fromDayKey: string;
  readonly toDayKey: string;
  readonly zone: string;
}

/** Every entry that overlaps the days, the running one included, newest first as Clockify sends them. */
export async function readEntriesOfDays(client: Pick<ClockifyClient, 'listMyTimeEntries'>, query: DaysQuery): Promise<ServerEntry[]> {
  const span = localDaysSpan(query.fromDayKey, query.toDayKey, query.zone);
  const entries = await client.listMyTimeEntries(query.workspaceId, query.userId, paddedWallClockWindow(query.fromDayKey, query.toDayKey));
  return entries.map(fromClockify).filter(overlapping(span));
}

/** Whether an entry (a running one reaches to now and beyond) overlaps the span. */
export function overlapping(span: { readonly start: Date; readonly end: Date }) {
  return (entry: { readonly start: string; readonly end: string | null }) => Date.parse(entry.start) < span.end.getTime() && (entry.end === null || Date.parse(entry.end) > span.start.getTime());
}

/** Why a run of days cannot be read, in words, or null. */
export function daysProblem(fromDayKey: string, toDayKey: string): string | null {
  if (fromDayKey > toDayKey) return `The first day (${fromDayKey}) comes after the last (${toDayKey}): swap them.`;
  const days = (Date.parse(`${toDayKey}T00:00:00Z`) - Date.parse(`${fromDayKey}T00:00:00Z`)) / 86_400_000 + 1;
  return days > MAX_HISTORY_DAYS ? `That is ${days} days; read at most ${MAX_HISTORY_DAYS} at a time.` : null;
}
