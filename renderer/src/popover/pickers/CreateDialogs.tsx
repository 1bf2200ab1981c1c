// The small forms behind "Create project …", "Create task …" and "Create tag …": creating is an
// explicit choice with its own Create button; Esc or Cancel closes the form and sends nothing.
// Focus moves into the form when it opens and back to the picker when it closes.
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import type { ClientOption, ProjectOption, Result, TagOption, TaskOption, UserError } from '../../../../shared/domain';
import { call } from '../store';

interface DialogShellProps {
  readonly title: string;
  readonly busy: boolean;
  readonly error: UserError | null;
  readonly onCancel: () => void;
  readonly onSubmit: () => void;
  readonly children: ReactNode;
}

function DialogShell({ title, busy, error, onCancel, onSubmit, children }: DialogShellProps) {
  const titleId = useId();
  const opener = useRef<Element | null>(null);
  if (opener.current === null && typeof document !== 'undefined') opener.current = document.activeElement;
  useEffect(() => {
    const back = opener.current;
    return () => {
      if (back instanceof HTMLElement) requestAnimationFrame(() => back.focus({ preventScroll: true }));
    };
  }, []);

  // Keys stay in the form: Enter must not start the timer behind it, Esc must not hide the window.
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    event.stopPropagation();
    if (event.key === 'Escape') {
      event.preventDefault();
      event.nativeEvent.stopImmediatePropagation();
      onCancel();
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!busy) onSubmit();
  };

  return createPortal(
    <div className="sheet-backdrop create-backdrop" onMouseDown={(event) => event.target === event.currentTarget && onCancel()}>
      <form role="dialog" aria-modal="true" aria-labelledby={titleId} className="sheet create-sheet" onKeyDown={onKeyDown} onSubmit={submit} noValidate>
        <div className="sheet-head">
          <h2 id={titleId}>{title}</h2>
        </div>
        {children}
        {error && (
          <div role="alert" className="alert">
            {error.message}
          </div>
        )}
        <div className="sheet-actions">
          <span className="spacer" />
          <button type="button" className="quiet" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            Create
          </button>
        </div>
      </form>
    </div>,
    document.body,
  );
}

/** Runs a create call, keeping the form open with the reason when Clockify refuses. */
function useCreate<T>(onCreated: (value: T) => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UserError | null>(null);
  const run = async (request: () => Promise<Result<T>>) => {
    setBusy(true);
    const result = await call(request);
    setBusy(false);
    if (result.ok) onCreated(result.value);
    else setError(result.error);
  };
  return { busy, error, setError, run };
}

function NameField({ label, value, onChange, invalid }: { label: string; value: string; onChange: (value: string) => void; invalid: boolean }) {
  return (
    <label className="field">
      <span>{label}</span>
      <input type="text" aria-label={label} autoFocus autoComplete="off" spellCheck={false} aria-invalid={invalid || undefined} value={value} onChange={(event) => onChange(event.currentTarget.value)} />
    </label>
  );
}

const NAME_MISSING = (what: string): UserError => ({ kind: 'invalid', message: `Give the ${what} a name.`, status: null });

export interface CreateProjectDialogProps {
  readonly initialName: string;
  readonly workspaceName: string;
  readonly onCreated: (project: ProjectOption) => void;
  readonly onCancel: () => void;
}

export function CreateProjectDialog({ initialName, workspaceName, onCreated, onCancel }: CreateProjectDialogProps) {
  const [name, setName] = useState(initialName);
  const [client, setClient] = useState('');
  const [isPrivate, setPrivate] = useState(false);
  const [clients, setClients] = useState<readonly ClientOption[]>([]);
  const { busy, error, setError, run } = useCreate(onCreated);
  const listId = useId();

  useEffect(() => {
    let live = true;
    void call(() => window.clockify.getClients()).then((result) => {
      if (live && result.ok) setClients(result.value);
    });
    return () => {
      live = false;
    };
  }, []);

  const submit = () => {
    if (!name.trim()) return setError({ ...NAME_MISSING('project'), field: 'project' });
    const wanted = client.trim();
    const existing = clients.find((candidate) => candidate.name.toLowerCase() === wanted.toLowerCase());
    void run(() =>
      window.clockify.createProject({
        name: name.trim(),
        clientId: existing?.id ?? null,
        ...(wanted && !existing ? { newClientName: wanted } : {}),
        isPublic: !isPrivate,
      }),
    );
  };

  return (
    <DialogShell title="Create project" busy={busy} error={error} onCancel={onCancel} onSubmit={submit}>
      <p className="create-where">In {workspaceName}</p>
      <div className="create-fields">
        <NameField label="Project name" value={name} onChange={(value) => (setName(value), setError(null))} invalid={error?.field === 'project'} />
        <label className="field">
          <span>Client</span>
          <input type="text" role="combobox" aria-label="Client" list={listId} autoComplete="off" placeholder="No client (or type a new one)" value={client} onChange={(event) => setClient(event.currentTarget.value)} />
          <datalist id={listId}>
            {clients.map((candidate) => (
              <option key={candidate.id} value={candidate.name} />
            ))}
          </datalist>
        </label>
        <label className="check">
          <input type="checkbox" checked={isPrivate} onChange={(event) => setPrivate(event.currentTarget.checked)} />
          <span>Private</span>
        </label>
        <p className="hint create-hint">
          {client.trim() && !clients.some((candidate) => candidate.name.toLowerCase() === client.trim().toLowerCase())
            ? `A new client “${client.trim()}” is created with it.`
            : isPrivate
              ? 'Only admins and the people you add can see a private project.'
              : 'Everyone in the workspace can see the project.'}
        </p>
      </div>
    </DialogShell>
  );
}

/** A form with just a name: a task in the chosen project, or a tag. */
function CreateNamedDialog<T>(props: {
  readonly title: string;
  readonly label: string;
  readonly where: string;
  readonly what: string;
  readonly field: UserError['field'];
  readonly initialName: string;
  readonly create: (name: string) => Promise<Result<T>>;
  readonly onCreated: (value: T) => void;
  readonly onCancel: () => void;
}) {
  const [name, setName] = useState(props.initialName);
  const { busy, error, setError, run } = useCreate(props.onCreated);
  const submit = () => {
    if (!name.trim()) return setError({ ...NAME_MISSING(props.what), field: props.field });
    void run(() => props.create(name.trim()));
  };
  return (
    <DialogShell title={props.title} busy={busy} error={error} onCancel={props.onCancel} onSubmit={submit}>
      <p className="create-where">{props.where}</p>
      <div className="create-fields">
        <NameField label={props.label} value={name} onChange={(value) => (setName(value), setError(null))} invalid={error?.field === props.field} />
      </div>
    </DialogShell>
  );
}

export interface CreateTaskDialogProps {
  readonly initialName: string;
  readonly project: ProjectOption;
  readonly onCreated: (task: TaskOption) => void;
  readonly onCancel: () => void;
}

export function CreateTaskDialog({ initialName, project, onCreated, onCancel }: CreateTaskDialogProps) {
  return (
    <CreateNamedDialog
      title="Create task"
      label="Task name"
      what="task"
      field="task"
      where={`In the project ${project.name}`}
      initialName={initialName}
      create={(name) => window.clockify.createTask({ projectId: project.id, name })}
      onCreated={onCreated}
      onCancel={onCancel}
    />
  );
}

export interface CreateTagDialogProps {
  readonly initialName: string;
  readonly workspaceName: string;
  readonly onCreated: (tag: TagOption) => void;
  readonly onCancel: () => void;
}

export function CreateTagDialog({ initialName, workspaceName, onCreated, onCancel }: CreateTagDialogProps) {
  return (
    <CreateNamedDialog
      title="Create tag"
      label="Tag name"
      what="tag"
      field="tags"
      where={`In ${workspaceName}`}
      initialName={initialName}
      create={(name) => window.clockify.createTag({ name })}
      onCreated={onCreated}
      onCancel={onCancel}
    />
  );
}
