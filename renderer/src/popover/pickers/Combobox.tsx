// An editable combobox with a virtualised listbox (ARIA 1.2 combobox pattern): focus stays in the
// input, the active option is aria-activedescendant, only the rows in view are in the DOM, so a
// picker over 10,000 projects costs the same as one over ten. Arrows, Page Up/Down and Enter work
// as in a native select; Esc closes the list (and only then, from the next Esc, the window).
// A search always starts fresh: typing into the field while it shows the current choice searches
// for what was typed, never an edited name. Enter and Tab take the highlighted match; a "Create …"
// row is never highlighted by default, so no key press creates anything unasked.
import { useCallback, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

export interface OptionRow<T> {
  readonly kind: 'option';
  readonly value: T;
  /** The visible name; the accessible name starts with it. */
  readonly label: string;
  /** Added to the accessible name after the label (e.g. the client), not shown. */
  readonly spoken?: string;
  readonly selected: boolean;
  readonly color?: string;
  /** "Create …" rows look different and are never the default choice. */
  readonly create?: boolean;
  readonly muted?: boolean;
}

export interface HeaderRow {
  readonly kind: 'header';
  readonly label: string;
}

export type Row<T> = OptionRow<T> | HeaderRow;

export const ROW_HEIGHT = 30;
const LIST_MAX_HEIGHT = 270;
const OVERSCAN = 6;

export interface ComboboxProps<T> {
  /** The combobox's accessible name ("Project"). */
  readonly label: string;
  /** The listbox's accessible name ("Projects"). */
  readonly listLabel: string;
  readonly placeholder: string;
  /** What the closed input shows: the current choice. */
  readonly display: string;
  readonly rows: (query: string) => readonly Row<T>[];
  readonly onChoose: (row: OptionRow<T>) => void;
  /** Several values: the list stays open after a choice. */
  readonly multiple?: boolean;
  readonly invalid?: boolean;
  readonly leading?: ReactNode;
  readonly className?: string;
  readonly disabled?: boolean;
  /** A line under the options (why something is not offered), for the current query. */
  readonly note?: (query: string) => string | null;
}

function nextOption<T>(rows: readonly Row<T>[], from: number, step: number): number {
  let index = from;
  for (;;) {
    const next = index + step;
    if (next < 0 || next >= rows.length) return index;
    index = next;
    if (rows[index]?.kind === 'option') return index;
  }
}

/** The row highlighted when a list opens: the current choice, else the first existing match; never a "Create …" row. */
function firstOption<T>(rows: readonly Row<T>[], preferSelected: boolean): number {
  if (preferSelected) {
    const selected = rows.findIndex((row) => row.kind === 'option' && row.selected);
    if (selected !== -1) return selected;
  }
  return rows.findIndex((row) => row.kind === 'option' && !row.create);
}

/**
 * What was typed into a field that showed `shown`: the inserted text, wherever the caret was (so
 * "Website Relaunch" with "reb" typed in the middle searches "reb", not "Website Relreblaunch").
 * `before` is the selection just before the change (from `beforeinput`), `caret` the caret after it.
 */
export function typedInto(shown: string, value: string, before: { start: number; end: number } | null, caret: number | null): string {
  if (before && caret !== null) {
    if (before.start === 0 && before.end >= shown.length) return value;
    return caret > before.start ? value.slice(before.start, caret) : '';
  }
  let prefix = 0;
  while (prefix < shown.length && prefix < value.length && shown[prefix] === value[prefix]) prefix++;
  let suffix = 0;
  while (suffix < shown.length - prefix && suffix < value.length - prefix && shown[shown.length - 1 - suffix] === value[value.length - 1 - suffix]) suffix++;
  return value.slice(prefix, value.length - suffix);
}

export function Combobox<T>(props: ComboboxProps<T>) {
  const { label, listLabel, placeholder, display, rows: rowsFor, onChoose, multiple = false, invalid = false, leading, className, disabled, note } = props;
  const id = useId();
  const listId = `${id}-list`;
  const [open, setOpen] = useState(false);
  /** null: nothing typed since opening (the list shows everything, the input the current choice). */
  const [query, setQuery] = useState<string | null>(null);
  const [active, setActive] = useState(-1);
  const [scrollTop, setScrollTop] = useState(0);
  const listRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  /** How the active row last changed: only keyboard moves scroll the list. */
  const keyboardMove = useRef(false);
  /** The selection just before the last edit, to tell typed text from the name the field showed. */
  const selectionBefore = useRef<{ start: number; end: number } | null>(null);

  useLayoutEffect(() => {
    const input = inputRef.current;
    if (!input) return;
    const remember = () => {
      selectionBefore.current = input.selectionStart === null ? null : { start: input.selectionStart, end: input.selectionEnd ?? input.selectionStart };
    };
    input.addEventListener('beforeinput', remember);
    return () => input.removeEventListener('beforeinput', remember);
  }, []);

  const rows = useMemo(() => (open ? rowsFor(query ?? '') : []), [open, query, rowsFor]);

  // A new list (opened, or the query changed): back to the top, on the choice or the first option.
  useLayoutEffect(() => {
    if (!open) return;
    const start = firstOption(rows, query === null);
    setActive(start);
    const top = query === null && start > 0 ? Math.max(0, start * ROW_HEIGHT - ROW_HEIGHT * 2) : 0;
    setScrollTop(top);
    if (listRef.current) listRef.current.scrollTop = top;
    // Only a new list resets the position, not a choice in a multi-select list (same rows, new marks).
  }, [open, query, rows.length]);

  const height = Math.min(rows.length * ROW_HEIGHT, LIST_MAX_HEIGHT);
  const noteText = open && note ? note(query ?? '') : null;

  // Keep the active option in view when the keyboard moves it.
  useLayoutEffect(() => {
    const list = listRef.current;
    if (!list || !keyboardMove.current || active < 0) return;
    keyboardMove.current = false;
    const top = active * ROW_HEIGHT;
    if (top < list.scrollTop) list.scrollTop = top;
    else if (top + ROW_HEIGHT > list.scrollTop + height) list.scrollTop = top + ROW_HEIGHT - height;
    setScrollTop(list.scrollTop);
  }, [active, height]);

  const close = useCallback(() => {
    setOpen(false);
    setQuery(null);
    setActive(-1);
  }, []);

  const choose = (row: Row<T> | undefined) => {
    if (!row || row.kind !== 'option') return;
    onChoose(row);
    if (!multiple || row.create) return close();
    // Several values: the list stays, the next search starts empty (the field shows the choices, selected).
    setQuery(null);
    requestAnimationFrame(() => inputRef.current?.select());
  };

  const move = (to: number) => {
    keyboardMove.current = true;
    setActive(to);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const page = Math.max(1, Math.floor(LIST_MAX_HEIGHT / ROW_HEIGHT) - 1);
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        event.preventDefault();
        if (!open) {
          setOpen(true);
          return;
        }
        move(nextOption(rows, active, event.key === 'ArrowDown' ? 1 : -1));
        return;
      }
      case 'PageDown':
      case 'PageUp': {
        if (!open) return;
        event.preventDefault();
        let to = active;
        for (let i = 0; i < page; i++) to = nextOption(rows, to, event.key === 'PageDown' ? 1 : -1);
        move(to);
        return;
      }
      case 'Enter': {
        if (!open) return;
        // An open list owns Enter, even with nothing highlighted (a typo must not start or add anything).
        if (active < 0 && query === null) return;
        event.preventDefault();
        event.stopPropagation();
        choose(rows[active]);
        return;
      }
      case 'Escape': {
        if (!open) return;
        event.preventDefault();
        event.stopPropagation();
        close();
        return;
      }
      case 'Tab': {
        // Tab takes the highlighted match of a search, as Enter does, and moves on.
        const row = rows[active];
        if (open && query && row?.kind === 'option' && !row.create) {
          onChoose(row);
        }
        close();
        return;
      }
    }
  };

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((scrollTop + LIST_MAX_HEIGHT) / ROW_HEIGHT) + OVERSCAN);
  const optionId = (index: number) => `${id}-o${index}`;
  const activeRow = rows[active];

  const visible: ReactNode[] = [];
  for (let index = first; index < last; index++) {
    const row = rows[index]!;
    const top = index * ROW_HEIGHT;
    if (row.kind === 'header') {
      visible.push(
        <div key={index} className="combo-header" aria-hidden="true" style={{ top }}>
          {row.label}
        </div>,
      );
      continue;
    }
    visible.push(
      <div
        key={index}
        id={optionId(index)}
        role="option"
        aria-selected={row.selected}
        aria-label={row.spoken ? `${row.label}, ${row.spoken}` : undefined}
        className={`combo-option${index === active ? ' active' : ''}${row.create ? ' create' : ''}${row.muted ? ' muted' : ''}`}
        style={{ top }}
        onMouseDown={(event) => event.preventDefault()}
        onMouseMove={() => index !== active && setActive(index)}
        onClick={() => choose(row)}
      >
        {row.color !== undefined && <span className="dot" style={{ background: row.color }} aria-hidden="true" />}
        <span className="combo-label">{row.label}</span>
        {row.selected && (
          <svg className="check" viewBox="0 0 16 16" aria-hidden="true">
            <path d="M3.5 8.5l3 3 6-7" />
          </svg>
        )}
      </div>,
    );
  }

  return (
    <div className={`combo${className ? ` ${className}` : ''}${open ? ' open' : ''}${invalid ? ' invalid' : ''}`}>
      {leading}
      <input
        ref={inputRef}
        role="combobox"
        aria-label={label}
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && activeRow?.kind === 'option' ? optionId(active) : undefined}
        aria-invalid={invalid || undefined}
        autoComplete="off"
        spellCheck={false}
        disabled={disabled}
        placeholder={placeholder}
        value={query ?? display}
        // Opens on a click, typing or ArrowDown, not on focus: tabbing through the form stays calm.
        onFocus={(event) => event.currentTarget.select()}
        onClick={(event) => {
          // A click into a field that shows the current choice selects all of it: typing replaces it.
          if (query === null) event.currentTarget.select();
          setOpen(true);
        }}
        onBlur={close}
        onChange={(event) => {
          const value = event.currentTarget.value;
          setQuery(query === null ? typedInto(display, value, selectionBefore.current, event.currentTarget.selectionStart) : value);
          selectionBefore.current = null;
          setOpen(true);
        }}
        onKeyDown={onKeyDown}
      />
      <svg className="chevron" viewBox="0 0 16 16" aria-hidden="true">
        <path d="M4.5 6.5l3.5 3.5 3.5-3.5" />
      </svg>
      {open && (
        <div
          ref={listRef}
          id={listId}
          role="listbox"
          aria-label={listLabel}
          aria-multiselectable={multiple || undefined}
          className="combo-list"
          style={{ height: rows.length === 0 || noteText ? undefined : height, maxHeight: noteText ? LIST_MAX_HEIGHT + 40 : undefined }}
          onMouseDown={(event) => event.preventDefault()}
          onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
        >
          {rows.length === 0 ? (
            <div className="combo-empty">Nothing matches “{query}”</div>
          ) : (
            <div className="combo-canvas" style={{ height: rows.length * ROW_HEIGHT }}>
              {visible}
            </div>
          )}
          {noteText && <div className="combo-note">{noteText}</div>}
        </div>
      )}
    </div>
  );
}
