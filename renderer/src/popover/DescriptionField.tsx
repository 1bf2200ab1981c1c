// "What are you working on?": a textbox with suggestions from recent entries. Picking a suggestion
// fills the project, task, tags and billable of that entry too. Enter (with no suggestion chosen)
// is left to the form: it starts the timer, and the suggestions close. ArrowDown in an empty field
// lists the recent entries.
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { EntryView, ProjectOption } from '../../../shared/domain';
import { normalizeForSearch } from '../../../shared/text-search';

const LIMIT = 5;

export interface DescriptionFieldProps {
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly onSuggestion: (entry: EntryView) => void;
  readonly recent: readonly EntryView[];
  readonly projectOf: (id: string | null) => ProjectOption | undefined;
  /** Focus on mount and whenever it changes. */
  readonly focusToken?: number;
  readonly onCommit?: () => void;
  readonly invalid?: boolean;
  readonly placeholder?: string;
}

function suggestionsFor(query: string, recent: readonly EntryView[], browse: boolean): EntryView[] {
  const words = normalizeForSearch(query).split(' ').filter(Boolean);
  if (words.length === 0 && !browse) return [];
  const seen = new Set<string>();
  const found: EntryView[] = [];
  for (const entry of recent) {
    if (!entry.description.trim()) continue;
    const signature = `${entry.description}|${entry.projectId}|${entry.taskId}`;
    if (seen.has(signature)) continue;
    seen.add(signature);
    const text = normalizeForSearch(entry.description);
    if (words.every((word) => text.includes(word))) found.push(entry);
    if (found.length >= LIMIT) break;
  }
  // Nothing to suggest when the text already is the one suggestion.
  return found.length === 1 && found[0]!.description === query ? [] : found;
}

export function DescriptionField({ value, onChange, onSuggestion, recent, projectOf, focusToken, onCommit, invalid, placeholder }: DescriptionFieldProps) {
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  /** Opened with ArrowDown on an empty field: every recent entry, not only matches. */
  const [browse, setBrowse] = useState(false);
  const suggestions = useMemo(() => (open ? suggestionsFor(value, recent, browse) : []), [open, value, recent, browse]);
  const showing = open && suggestions.length > 0;

  useEffect(() => {
    if (focusToken === undefined) return;
    inputRef.current?.focus();
  }, [focusToken]);

  const apply = (entry: EntryView) => {
    setOpen(false);
    setActive(-1);
    onSuggestion(entry);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (!showing) {
        if (event.key === 'ArrowDown') {
          event.preventDefault();
          setBrowse(value.trim() === '');
          setOpen(true);
        }
        return;
      }
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current) => Math.max(-1, Math.min(suggestions.length - 1, current + step)));
    } else if (event.key === 'Enter' && showing && active >= 0) {
      event.preventDefault();
      event.stopPropagation();
      apply(suggestions[active]!);
    } else if (event.key === 'Escape' && showing) {
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
      setActive(-1);
    } else if (event.key === 'Enter') {
      // Left to the form (it starts the timer): the list must not stay open over it.
      setOpen(false);
      setActive(-1);
      onCommit?.();
    }
  };

  return (
    <div className="description">
      <input
        ref={inputRef}
        type="text"
        aria-label="Description"
        aria-autocomplete="list"
        aria-controls={showing ? `${id}-list` : undefined}
        aria-activedescendant={showing && active >= 0 ? `${id}-s${active}` : undefined}
        aria-invalid={invalid || undefined}
        autoComplete="off"
        placeholder={placeholder ?? 'What are you working on?'}
        value={value}
        maxLength={3000}
        onChange={(event) => {
          onChange(event.currentTarget.value);
          setOpen(true);
          setBrowse(false);
          setActive(-1);
        }}
        onBlur={() => {
          setOpen(false);
          onCommit?.();
        }}
        onKeyDown={onKeyDown}
      />
      {showing && (
        <div id={`${id}-list`} role="listbox" aria-label="Suggestions" className="suggestions" onMouseDown={(event) => event.preventDefault()}>
          {suggestions.map((entry, index) => {
            const project = projectOf(entry.projectId);
            return (
              <div
                key={entry.key}
                id={`${id}-s${index}`}
                role="option"
                aria-selected={index === active}
                className={`suggestion${index === active ? ' active' : ''}`}
                onMouseMove={() => setActive(index)}
                onClick={() => apply(entry)}
              >
                <span className="suggestion-text">{entry.description}</span>
                {project && (
                  <span className="suggestion-project">
                    <span className="dot" style={{ background: project.color }} aria-hidden="true" />
                    {project.name}
                  </span>
                )}
              </div>
            );
          })}
        </div>
      )}
    </div>
  );
}
