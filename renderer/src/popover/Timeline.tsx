// One day, top to bottom: hour marks, the working hours shaded, entries as blocks in their project's
// colour (the running one grows with the clock), and the untracked gaps inside the working hours.
// One tab stop: ↑/↓ (and Home/End) move between blocks and gaps in time order; Enter opens an
// entry's editor or a gap's form; a block's edges move by dragging or Alt(+Shift)+↑/↓
// (useEdgeMove). Each item says what it is in words for a screen reader.
import { useEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent, type PointerEvent } from 'react';
import type { Preferences } from '../../../shared/domain';
import { formatClockTime, formatDurationWords } from '../time-format';
import type { Block, DayLayout, Span } from './day-layout';
import { closeDayView } from './day-view-store';
import { snapTime, STEP_MS } from './edge-move';
import { focusDescription, setEditing, showToast, usePopover } from './store';
import { editable, OLDER_ENTRY_NOTE, useEdgeMove } from './useEdgeMove';

export const HOUR_PX = 44;

type Item = { kind: 'block'; block: Block; start: number } | { kind: 'gap'; gap: Span; start: number };

export function Timeline({ layout, now, todayKey, onGap }: { layout: DayLayout; now: number; todayKey: string; onGap: (gap: Span) => void }) {
  const preferences = usePopover((state) => state.snapshot?.preferences);
  const catalog = usePopover((state) => state.catalog);
  const scroller = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLOListElement>(null);
  const [active, setActive] = useState(0);
  const zone = preferences?.timeZone ?? 'UTC';
  const timeFormat = preferences?.timeFormat ?? 'HOUR24';
  const length = layout.end - layout.start;
  const height = (length / 3_600_000) * HOUR_PX;
  const y = (at: number) => ((at - layout.start) / length) * height;
  const clock = (at: number | string) => formatClockTime(at, zone, timeFormat);
  const items = useMemo<Item[]>(
    () => [...layout.blocks.map((block): Item => ({ kind: 'block', block, start: block.start })), ...layout.gaps.map((gap): Item => ({ kind: 'gap', gap, start: gap.start }))].sort((a, b) => a.start - b.start),
    [layout.blocks, layout.gaps],
  );
  const focusIndex = Math.min(active, Math.max(0, items.length - 1));
  const drag = useDragToCreate(layout, height, onGap);
  const refocus = (key: string) => requestAnimationFrame(() => list.current?.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`)?.focus());
  const edges = useEdgeMove(layout, height, now, refocus);
  /** The span being drawn, or an entry's new times while an edge is dragged. */
  const outline = drag.span ?? edges.preview;

  // A new day scrolls to its first entry or the start of its working hours, keeping now in sight.
  useEffect(() => {
    const box = scroller.current;
    if (!box) return;
    const first = Math.min(layout.blocks[0]?.start ?? Infinity, layout.working?.start ?? Infinity);
    let top = Number.isFinite(first) ? y(first) - HOUR_PX / 2 : y(layout.start + 8 * 3_600_000);
    if (layout.dayKey === todayKey && y(now) - top > box.clientHeight - HOUR_PX) top = y(now) - box.clientHeight + 2 * HOUR_PX;
    box.scrollTop = Math.max(0, top);
    setActive(0);
    // Only when the day changes: the running timer must not move the view.
  }, [layout.dayKey]);

  const move = (event: KeyboardEvent<HTMLOListElement>) => {
    if (event.defaultPrevented || event.altKey) return;
    const last = items.length - 1;
    const to = { ArrowDown: focusIndex + 1, ArrowUp: focusIndex - 1, Home: 0, End: last }[event.key];
    if (to === undefined || last < 0) return;
    event.preventDefault();
    const next = Math.max(0, Math.min(last, to));
    setActive(next);
    list.current?.querySelectorAll<HTMLButtonElement>('.tl-item')[next]?.focus();
  };

  const openBlock = (block: Block) => {
    if (block.running) {
      closeDayView();
      focusDescription();
    } else if (editable(block.entry)) {
      setEditing(block.entry.key);
    } else {
      // Read from Clockify for this view only: the core keeps the last week ready for changes.
      showToast('info', OLDER_ENTRY_NOTE);
    }
  };

  const describe = (block: Block) => {
    const project = block.entry.projectId ? catalog?.projects.byId.get(block.entry.projectId) : undefined;
    const what = block.entry.description || 'No description';
    const range = block.running ? `since ${clock(block.start)}, running` : `${clock(block.start)} to ${clock(block.end)}`;
    return { project, label: `${what}${project ? `, ${project.name}` : ''}, ${range}, ${formatDurationWords((block.end - block.start) / 1000)}` };
  };

  return (
    <>
      {edges.pending && (
        <div
          role="alertdialog"
          aria-label="Overlap"
          className="alert tl-overlap"
          onKeyDown={(event) => {
            if (event.key !== 'Escape') return;
            event.preventDefault();
            edges.cancel();
          }}
        >
          <span>
            Moving “{edges.pending.entry.description || 'No description'}” to {clock(edges.pending.times.start)}–{clock(edges.pending.times.end)} overlaps {edges.pending.overlapping.map((entry) => `“${entry.description || 'No description'}” (${clock(entry.start)}–${entry.end ? clock(entry.end) : 'now'})`).join(', ')}.
          </span>
          <span className="tl-overlap-actions">
            <button type="button" className="quiet" onClick={edges.cancel}>
              Cancel
            </button>
            <button type="button" className="primary" autoFocus onClick={edges.confirm}>
              Move anyway
            </button>
          </span>
        </div>
      )}
      <div className="timeline-scroll" ref={scroller}>
        <div className="timeline" style={{ height }} {...drag.handlers}>
          <div className="tl-marks" aria-hidden="true">
            {layout.working && <div className="tl-working" style={{ top: y(layout.working.start), height: y(layout.working.end) - y(layout.working.start) }} />}
            {layout.hours.map((mark) => (
              <div key={mark.at} className="tl-hour" style={{ top: y(mark.at) }}>
                <span>{hourLabel(mark.hour, timeFormat)}</span>
              </div>
            ))}
            {layout.dayKey === todayKey && now >= layout.start && now < layout.end && <div className="tl-now" style={{ top: y(now) }} />}
            {outline && (
              <div className="tl-drawing" style={{ top: y(outline.start), height: y(outline.end) - y(outline.start) }}>
                {clock(outline.start)}–{clock(outline.end)}
              </div>
            )}
          </div>
          <ol ref={list} className="tl-items" aria-label={`Timeline, ${items.length === 0 ? 'nothing tracked' : `${layout.blocks.length} entries, ${layout.gaps.length} gaps`}`} onKeyDown={move}>
            {items.map((item, index) => {
              const top = y(item.kind === 'block' ? item.block.start : item.gap.start);
              const bottom = y(item.kind === 'block' ? item.block.end : item.gap.end);
              const common = { tabIndex: index === focusIndex ? 0 : -1, onFocus: () => setActive(index) };
              if (item.kind === 'gap') {
                const { gap } = item;
                return (
                  <li key={`gap-${gap.start}`} className="tl-li" style={{ top, height: bottom - top, left: 0, width: '100%' }}>
                    <button
                      type="button"
                      className="tl-item tl-gap"
                      {...common}
                      aria-label={`Untracked ${clock(gap.start)} to ${clock(gap.end)}, ${formatDurationWords((gap.end - gap.start) / 1000)}: fill in`}
                      onClick={() => onGap(gap)}
                    >
                      {bottom - top >= 16 && <span>Untracked · {formatDurationWords((gap.end - gap.start) / 1000)}</span>}
                    </button>
                  </li>
                );
              }
              const { block } = item;
              const { project, label } = describe(block);
              const movable = edges.movable(block);
              const style = { top, height: Math.max(bottom - top, 3), left: `${(block.lane / block.lanes) * 100}%`, width: `${100 / block.lanes}%`, '--project': project?.color ?? 'var(--faint)' } as CSSProperties;
              return (
                <li key={block.entry.key} className="tl-li" style={style}>
                  <button
                    type="button"
                    className={`tl-item tl-block${block.running ? ' running' : ''}${block.entry.sync !== 'synced' ? ` sync-${block.entry.sync}` : ''}`}
                    {...common}
                    data-key={block.entry.key}
                    aria-label={label}
                    aria-describedby={movable.length > 0 ? 'tl-move-hint' : undefined}
                    title={label}
                    onClick={() => openBlock(block)}
                    onKeyDown={(event) => edges.onBlockKey(block, event)}
                  >
                    {bottom - top >= 14 && (
                      <span className="tl-text">
                        <span className="tl-desc">{block.entry.description || 'No description'}</span>
                        {bottom - top >= 30 && <span className="tl-meta">{project?.name ?? 'No project'} · {clock(block.start)}–{block.running ? 'now' : clock(block.end)}</span>}
                      </span>
                    )}
                  </button>
                  {movable.map((edge) => (
                    <div key={edge} className={`tl-edge tl-edge-${edge}`} aria-hidden="true" title={edge === 'start' ? 'Drag to move the start' : 'Drag to move the end'} {...edges.edgeHandlers(block, edge)} />
                  ))}
                </li>
              );
            })}
          </ol>
          <p id="tl-move-hint" hidden>
            Alt+Up or Alt+Down moves the start by 5 minutes; with Shift, the end.
          </p>
        </div>
      </div>
    </>
  );
}


/**
 * Drawing a span with the pointer on the timeline's background: it snaps to 5 minutes and to the
 * edges of the entries near it, and opens the same form as a gap (which refuses overlaps unless
 * confirmed). The keyboard path to the same result is a gap, or manual entry.
 */
function useDragToCreate(layout: DayLayout, height: number, onSpan: (span: Span) => void) {
  const [span, setSpan] = useState<Span | null>(null);
  const anchor = useRef<number | null>(null);
  const edges = useMemo(() => layout.blocks.flatMap((block) => [block.start, block.end]), [layout.blocks]);
  const timeAt = (element: HTMLElement, clientY: number) => {
    const rect = element.getBoundingClientRect();
    const raw = layout.start + ((clientY - rect.top) / height) * (layout.end - layout.start);
    return snapTime(raw, edges, layout);
  };
  const spanTo = (to: number): Span | null => (anchor.current === null ? null : { start: Math.min(anchor.current, to), end: Math.max(anchor.current, to) });
  // Drawing starts once the pointer has moved a little: a plain click on a gap still opens it.
  const pressed = useRef<{ y: number; at: number } | null>(null);
  const stop = () => {
    pressed.current = null;
    anchor.current = null;
    setSpan(null);
  };
  return {
    span,
    handlers: {
      onPointerDown: (event: PointerEvent<HTMLDivElement>) => {
        if (event.button !== 0 || (event.target as Element).closest('.tl-block, .tl-edge')) return;
        pressed.current = { y: event.clientY, at: timeAt(event.currentTarget, event.clientY) };
      },
      onPointerMove: (event: PointerEvent<HTMLDivElement>) => {
        if (!pressed.current) return;
        if (anchor.current === null) {
          if (Math.abs(event.clientY - pressed.current.y) < 6) return;
          event.currentTarget.setPointerCapture(event.pointerId);
          anchor.current = pressed.current.at;
        }
        setSpan(spanTo(timeAt(event.currentTarget, event.clientY)));
      },
      onPointerUp: (event: PointerEvent<HTMLDivElement>) => {
        const drawn = anchor.current === null ? null : spanTo(timeAt(event.currentTarget, event.clientY));
        stop();
        if (drawn && drawn.end - drawn.start >= STEP_MS) onSpan(drawn);
      },
      onPointerCancel: stop,
    },
  };
}

function hourLabel(hour: number, timeFormat: Preferences['timeFormat']): string {
  if (timeFormat === 'HOUR24') return `${String(hour).padStart(2, '0')}:00`;
  return `${hour % 12 === 0 ? 12 : hour % 12} ${hour < 12 ? 'AM' : 'PM'}`;
}
