// The day view's picture, as plain data: where a local day begins and ends (23 or 25 hours on DST
// days), its hour marks, the entries as blocks (overlaps side by side), the working hours and the
// untracked gaps inside them, and what a gap probably was. No React here; DayView draws it.
import type { EntryDraft, EntryView } from '../../../shared/domain';
import type { AppSettings } from '../../../shared/settings';
import { dayKeyBounds, weekdayOf } from '../../../shared/work-totals';
import { localInstant, parseTimeOfDay, secondsOfDayIn } from '../time-input';

export type WorkingHours = Pick<AppSettings['reminder'], 'days' | 'from' | 'to'>;

export interface Block {
  readonly entry: EntryView;
  readonly start: number;
  readonly end: number;
  readonly running: boolean;
  /** Overlapping entries sit side by side: this one's column, of `lanes`. */
  readonly lane: number;
  readonly lanes: number;
}

export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface HourMark {
  readonly at: number;
  /** The local hour shown there (0–23): on a DST day one is missing or repeated. */
  readonly hour: number;
}

export interface DayLayout {
  readonly dayKey: string;
  readonly start: number;
  readonly end: number;
  readonly hours: readonly HourMark[];
  readonly blocks: readonly Block[];
  /** The working hours of that day, or null on a day off. */
  readonly working: Span | null;
  /** Untracked time inside the working hours (up to now on today), 5 minutes or longer. */
  readonly gaps: readonly Span[];
}

const HOUR = 3_600_000;
export const MIN_GAP_MS = 5 * 60_000;

export interface LayoutInput {
  readonly dayKey: string;
  readonly zone: string;
  /** Finished entries (any days: those of `dayKey` are picked). */
  readonly entries: readonly EntryView[];
  readonly running: EntryView | null;
  readonly now: number;
  readonly workingHours: WorkingHours | null;
}

export function layoutDay({ dayKey, zone, entries, running, now, workingHours }: LayoutInput): DayLayout {
  const { start, end } = dayKeyBounds(dayKey, zone);
  const hours: HourMark[] = [];
  for (let at = start; at < end; at += HOUR) hours.push({ at, hour: Math.floor(secondsOfDayIn(at, zone) / 3600) });

  const spans: { entry: EntryView; start: number; end: number; running: boolean }[] = [];
  const add = (entry: EntryView, entryEnd: number, isRunning: boolean) => {
    const from = Math.max(Date.parse(entry.start), start);
    const to = Math.min(entryEnd, end);
    if (to > from || (isRunning && from < end && to >= from)) spans.push({ entry, start: from, end: Math.max(to, from), running: isRunning });
  };
  for (const entry of entries) if (entry.end !== null) add(entry, Date.parse(entry.end), false);
  if (running) add(running, Math.max(now, Date.parse(running.start)), true);
  spans.sort((a, b) => a.start - b.start || a.end - b.end);

  const working = workingSpan(dayKey, zone, workingHours);
  return { dayKey, start, end, hours, blocks: assignLanes(spans), working, gaps: working ? gapsIn(working, spans, now) : [] };
}

function workingSpan(dayKey: string, zone: string, hours: WorkingHours | null): Span | null {
  if (!hours || !hours.days.includes(weekdayOf(dayKey))) return null;
  const from = parseTimeOfDay(hours.from);
  const to = parseTimeOfDay(hours.to);
  if (from === null || to === null || to <= from) return null;
  return { start: localInstant(dayKey, from, zone).getTime(), end: localInstant(dayKey, to, zone).getTime() };
}

/** The parts of `within` that no span covers, up to now, each at least MIN_GAP_MS long. */
export function gapsIn(within: Span, spans: readonly Span[], now: number): Span[] {
  const limit = Math.min(within.end, now);
  const gaps: Span[] = [];
  let cursor = within.start;
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    if (span.start > cursor) pushGap(gaps, cursor, Math.min(span.start, limit));
    cursor = Math.max(cursor, span.end);
    if (cursor >= limit) break;
  }
  pushGap(gaps, cursor, limit);
  return gaps;
}

function pushGap(gaps: Span[], start: number, end: number): void {
  if (end - start >= MIN_GAP_MS) gaps.push({ start, end });
}

/** Greedy columns for overlapping blocks; each cluster of overlaps shares its column count. */
function assignLanes(spans: readonly { entry: EntryView; start: number; end: number; running: boolean }[]): Block[] {
  const blocks: Block[] = [];
  let cluster: { span: (typeof spans)[number]; lane: number }[] = [];
  let laneEnds: number[] = [];
  let clusterEnd = -Infinity;
  const flush = () => {
    for (const { span, lane } of cluster) blocks.push({ ...span, lane, lanes: laneEnds.length });
    cluster = [];
    laneEnds = [];
    clusterEnd = -Infinity;
  };
  for (const span of spans) {
    if (span.start >= clusterEnd) flush();
    let lane = laneEnds.findIndex((laneEnd) => laneEnd <= span.start);
    if (lane === -1) lane = laneEnds.push(span.end) - 1;
    else laneEnds[lane] = span.end;
    cluster.push({ span, lane });
    clusterEnd = Math.max(clusterEnd, span.end);
  }
  flush();
  return blocks;
}

export interface Suggestion {
  readonly draft: EntryDraft;
  /** Why it is offered: "before", "after", "usual at this time". */
  readonly reason: string;
}

/**
 * What a gap probably was: the entry just before it, the one just after, and the entry most often
 * tracked around that time of day in the recent days. Distinct by what they are about.
 */
export function suggestionsFor(gap: Span, entries: readonly EntryView[], zone: string, limit = 3): Suggestion[] {
  const finished = entries.filter((entry) => entry.end !== null);
  const before = finished.filter((entry) => Date.parse(entry.end!) <= gap.start + 60_000).sort((a, b) => Date.parse(b.end!) - Date.parse(a.end!))[0];
  const after = finished.filter((entry) => Date.parse(entry.start) >= gap.end - 60_000).sort((a, b) => Date.parse(a.start) - Date.parse(b.start))[0];
  const usual = mostFrequentAround(gap, finished, zone);
  const result: Suggestion[] = [];
  const seen = new Set<string>();
  const offer = (entry: EntryView | undefined, reason: string) => {
    if (!entry || result.length >= limit) return;
    const draft = draftOf(entry);
    const identity = identityOf(draft);
    if (seen.has(identity) || (!draft.description && !draft.projectId)) return;
    seen.add(identity);
    result.push({ draft, reason });
  };
  offer(before, 'before');
  offer(after, 'after');
  offer(usual, 'usual at this time');
  return result;
}

function mostFrequentAround(gap: Span, entries: readonly EntryView[], zone: string): EntryView | undefined {
  const middle = secondsOfDayIn((gap.start + gap.end) / 2, zone);
  const counts = new Map<string, { entry: EntryView; count: number }>();
  for (const entry of entries) {
    const from = secondsOfDayIn(entry.start, zone);
    const to = from + (Date.parse(entry.end!) - Date.parse(entry.start)) / 1000;
    // Within an hour of the gap's middle, on any day.
    if (middle < from - 3600 || middle > to + 3600) continue;
    const identity = identityOf(draftOf(entry));
    const found = counts.get(identity);
    if (found) found.count++;
    else counts.set(identity, { entry, count: 1 });
  }
  let best: { entry: EntryView; count: number } | undefined;
  for (const candidate of counts.values()) if (!best || candidate.count > best.count) best = candidate;
  return best?.entry;
}

function draftOf(entry: EntryView): EntryDraft {
  return { description: entry.description, projectId: entry.projectId, taskId: entry.taskId, tagIds: entry.tagIds, billable: entry.billable };
}

function identityOf(draft: EntryDraft): string {
  return JSON.stringify([draft.description, draft.projectId, draft.taskId, [...draft.tagIds].sort()]);
}
