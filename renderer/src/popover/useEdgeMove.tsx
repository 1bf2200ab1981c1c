// Moving an entry's start or end on the timeline: drag the top or bottom edge of a block (snapped to
// the neighbours' edges and to 5 minutes), or, on a focused block, Alt+↑/↓ for the start and
// Alt+Shift+↑/↓ for the end, 5 minutes a press. Times that would overlap another entry are shown
// and need "Move anyway"; the change goes through `entry:update` like the editor's.
import { useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { EntryView } from '../../../shared/domain';
import { toClockifyInstant } from '../../../shared/time/wire-format';
import type { Block, DayLayout, Span } from './day-layout';
import { movableEdges, movedTimes, overlappingEntries, snapTime, stepTime, timesOf, type Edge } from './edge-move';
import { call, draftOf, showToast, usePopover, wire } from './store';

export interface PendingMove {
  readonly entry: EntryView;
  readonly times: Span;
  readonly overlapping: readonly EntryView[];
}

/** What a click or a move on an entry read only for the day view (older than the kept week) says. */
export const OLDER_ENTRY_NOTE = 'Entries older than the last 7 days can be viewed here; change them in Clockify.';

/** Only entries the core keeps ready for changes (the last seven days) can be changed here. */
export function editable(entry: EntryView): boolean {
  return usePopover.getState().snapshot?.recent.some((candidate) => candidate.key === entry.key) ?? false;
}

export function useEdgeMove(layout: DayLayout, height: number, now: number, refocus: (key: string) => void) {
  const [preview, setPreview] = useState<Span | null>(null);
  const [pending, setPending] = useState<PendingMove | null>(null);
  const dragging = useRef<{ block: Block; edge: Edge; timeline: HTMLElement } | null>(null);
  /** Times just sent for an entry, until the snapshot shows them: quick presses build on each other. */
  const sent = useRef(new Map<string, Span>());
  const current = (entry: EntryView): Span => {
    const times = timesOf(entry);
    const latest = sent.current.get(entry.key);
    if (latest && latest.start === times.start && latest.end === times.end) sent.current.delete(entry.key);
    return latest ?? times;
  };
  const day = { start: layout.start, end: layout.end };
  const entries = layout.blocks.map((block) => block.entry);

  const save = async (entry: EntryView, times: Span, confirmed: boolean) => {
    // Asked about an entry it comes to overlap; one it overlapped before (confirmed then) is not asked again.
    const before = new Set(overlappingEntries(current(entry), entries, now, entry.key).map((other) => other.key));
    const overlapping = overlappingEntries(times, entries, now, entry.key).filter((other) => !before.has(other.key));
    if (overlapping.length > 0 && !confirmed) return setPending({ entry, times, overlapping });
    setPending(null);
    sent.current.set(entry.key, times);
    const result = await call(() => window.clockify.updateEntry({ entryKey: entry.key, draft: wire(draftOf(entry)), times: { start: toClockifyInstant(new Date(times.start)), end: toClockifyInstant(new Date(times.end)) } }));
    if (!result.ok) {
      sent.current.delete(entry.key);
      showToast('error', result.error.message);
    }
    refocus(entry.key);
  };

  const timeAt = (timeline: HTMLElement, clientY: number, block: Block) => {
    const rect = timeline.getBoundingClientRect();
    const raw = layout.start + ((clientY - rect.top) / height) * (layout.end - layout.start);
    const edges = layout.blocks.filter((other) => other !== block).flatMap((other) => [other.start, other.end]);
    return snapTime(raw, edges, day);
  };

  return {
    preview,
    pending,
    movable: (block: Block) => (editable(block.entry) ? movableEdges(block) : []),
    confirm: () => pending && void save(pending.entry, pending.times, true),
    cancel: () => {
      if (pending) refocus(pending.entry.key);
      setPending(null);
    },
    /** Pointer handlers for a block's top (`start`) or bottom (`end`) edge. */
    edgeHandlers: (block: Block, edge: Edge) => ({
      onPointerDown: (event: PointerEvent<HTMLElement>) => {
        if (event.button !== 0) return;
        event.stopPropagation();
        event.preventDefault();
        const timeline = event.currentTarget.closest<HTMLElement>('.timeline');
        if (!timeline) return;
        event.currentTarget.setPointerCapture(event.pointerId);
        dragging.current = { block, edge, timeline };
        setPreview({ start: block.start, end: block.end });
      },
      onPointerMove: (event: PointerEvent<HTMLElement>) => {
        const drag = dragging.current;
        if (!drag) return;
        setPreview(movedTimes(current(drag.block.entry), drag.edge, timeAt(drag.timeline, event.clientY, drag.block), day, now) ?? current(drag.block.entry));
      },
      onPointerUp: (event: PointerEvent<HTMLElement>) => {
        const drag = dragging.current;
        dragging.current = null;
        setPreview(null);
        if (!drag) return;
        const times = movedTimes(current(drag.block.entry), drag.edge, timeAt(drag.timeline, event.clientY, drag.block), day, now);
        if (times) void save(drag.block.entry, times, false);
      },
      onPointerCancel: () => {
        dragging.current = null;
        setPreview(null);
      },
    }),
    /** Alt+↑/↓ moves the start, Alt+Shift+↑/↓ the end, by 5 minutes. */
    onBlockKey: (block: Block, event: KeyboardEvent<HTMLElement>) => {
      if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
      event.preventDefault();
      const edge: Edge = event.shiftKey ? 'end' : 'start';
      if (!editable(block.entry)) return showToast('info', OLDER_ENTRY_NOTE);
      if (!movableEdges(block).includes(edge)) return showToast('info', block.running ? 'The running entry has no end yet: stop it first to move it here.' : `That ${edge} lies on another day: change it in the entry’s editor (Enter).`);
      const from = current(block.entry);
      const times = movedTimes(from, edge, stepTime(edge === 'start' ? from.start : from.end, event.key === 'ArrowUp' ? -1 : 1), day, now);
      if (times) void save(block.entry, times, false);
    },
  };
}
