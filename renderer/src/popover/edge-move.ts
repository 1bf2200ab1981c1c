// Moving one boundary of an entry on the timeline, as plain data: where a dragged edge lands
// (a neighbour's edge when near one, else the 5-minute grid), one keyboard step of 5 minutes, the
// limits (inside the day, at least 5 minutes long, never after now), and the entries the new times
// would overlap (shown, and refused unless confirmed). Drawing a new span snaps the same way.
import type { EntryView } from '../../../shared/domain';
import type { Block, Span } from './day-layout';

export const STEP_MS = 5 * 60_000;

export type Edge = 'start' | 'end';

/** A time snapped to the nearest of `edges` within half a step, else to the 5-minute grid, kept in `within`. */
export function snapTime(raw: number, edges: readonly number[], within: Span): number {
  const near = edges.filter((edge) => Math.abs(edge - raw) <= STEP_MS / 2).sort((a, b) => Math.abs(a - raw) - Math.abs(b - raw))[0];
  const snapped = near ?? Math.round(raw / STEP_MS) * STEP_MS;
  return Math.max(within.start, Math.min(within.end, snapped));
}

/** One keyboard step from `at`: the next 5-minute mark that way (a time off the grid lands on it first). */
export function stepTime(at: number, direction: 1 | -1): number {
  return direction > 0 ? Math.floor(at / STEP_MS) * STEP_MS + STEP_MS : Math.ceil(at / STEP_MS) * STEP_MS - STEP_MS;
}

/** Which edges of a block can move: not the running entry's, not an edge cut off at the day's border. */
export function movableEdges(block: Block): readonly Edge[] {
  if (block.running) return [];
  const edges: Edge[] = [];
  if (block.start === Date.parse(block.entry.start)) edges.push('start');
  if (block.entry.end !== null && block.end === Date.parse(block.entry.end)) edges.push('end');
  return edges;
}

/** A finished entry's times as instants. */
export function timesOf(entry: EntryView): Span {
  return { start: Date.parse(entry.start), end: Date.parse(entry.end ?? entry.start) };
}

/**
 * The entry's times (`current`) with `edge` at `at`, kept inside the day, at least 5 minutes long
 * and not ending after now; null when that changes nothing.
 */
export function movedTimes({ start, end }: Span, edge: Edge, at: number, day: Span, now: number): Span | null {
  const moved = edge === 'start' ? { start: Math.max(day.start, Math.min(at, end - STEP_MS)), end } : { start, end: Math.min(day.end, now, Math.max(at, start + STEP_MS)) };
  if (moved.end - moved.start < STEP_MS || (moved.start === start && moved.end === end)) return null;
  return moved;
}

/** Entries (other than `exceptKey`) that overlap the span; a running one reaches to now. */
export function overlappingEntries(span: Span, entries: readonly EntryView[], now: number, exceptKey: string | null = null): EntryView[] {
  return entries.filter((entry) => entry.key !== exceptKey && Date.parse(entry.start) < span.end && (entry.end === null ? now : Date.parse(entry.end)) > span.start);
}
