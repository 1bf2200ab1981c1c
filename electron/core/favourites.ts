// The active account's favourites, kept in the settings by account id: pinned from an entry,
// reordered, removed, given a global shortcut, and turned back into a draft to start, unless their
// project (or a tag, or a known task) is no longer active in Clockify: then the favourite says so.
import { SHORTCUT_LABELS, type ShortcutName } from '../../shared/accelerator';
import type { Catalog, EntryDraft, EntryView, Result, UserError } from '../../shared/domain';
import { MAX_FAVOURITES, favouriteLabel, type Favourite, type FavouriteView } from '../../shared/favourites';
import type { SettingsStore } from './stores';

export interface FavouritesDeps {
  readonly settings: SettingsStore;
  /** The active account's id, or null when nobody is signed in. */
  readonly accountId: () => string | null;
  readonly workspaceId: () => string | null;
  readonly catalog: (workspaceId: string) => Catalog;
  readonly newId: () => string;
  readonly changed: () => void;
}

const fail = (message: string): { ok: false; error: UserError } => ({ ok: false, error: { kind: 'invalid', message, status: null } });

export class Favourites {
  /** Shortcuts the system refused, by favourite id (reported by the shell). */
  private shortcutProblems: Readonly<Record<string, string>> = {};

  constructor(private readonly deps: FavouritesDeps) {}

  /** The active account's favourites in every workspace, in their order. */
  all(): readonly Favourite[] {
    const account = this.deps.accountId();
    return account ? (this.deps.settings.get().favourites[account] ?? []) : [];
  }

  /** The chosen workspace's favourites as shown, numbered from 1. */
  views(): FavouriteView[] {
    const workspaceId = this.deps.workspaceId();
    if (!workspaceId) return [];
    const catalog = this.deps.catalog(workspaceId);
    const clashes = this.clashes();
    return this.inWorkspace().map((favourite, index) => {
      const project = favourite.projectId ? catalog.projects.find((candidate) => candidate.id === favourite.projectId) : undefined;
      return {
        id: favourite.id,
        position: index + 1,
        description: favourite.description,
        projectId: favourite.projectId,
        projectName: project?.name ?? favourite.projectName,
        projectColor: project?.color ?? null,
        taskId: favourite.taskId,
        tagIds: favourite.tagIds,
        billable: favourite.billable,
        shortcut: favourite.shortcut,
        problem: this.problem(favourite, catalog),
        shortcutProblem: clashes[favourite.id] ?? this.shortcutProblems[favourite.id] ?? null,
      };
    });
  }

  /** Pins what an entry is about. The same thing twice is said, not pinned again. */
  add(entry: EntryView): Result<FavouriteView> {
    const account = this.deps.accountId();
    if (!account) return fail('Sign in first.');
    if (entry.workspaceId !== this.deps.workspaceId()) return fail('That entry belongs to another workspace: choose that workspace first.');
    const list = this.all();
    const same = this.inWorkspace().find((favourite) => sameWork(favourite, entry));
    if (same) return fail(`“${favouriteLabel(this.viewOf(same.id)!)}” is already favourite ${this.viewOf(same.id)!.position}.`);
    if (list.length >= MAX_FAVOURITES) return fail(`You have ${MAX_FAVOURITES} favourites, the most there can be: remove one first.`);
    const projectName = entry.projectId ? (this.deps.catalog(entry.workspaceId).projects.find((project) => project.id === entry.projectId)?.name ?? '') : '';
    const favourite: Favourite = {
      id: this.deps.newId().replace(/[^0-9a-zA-Z_-]/g, '').slice(0, 64),
      workspaceId: entry.workspaceId,
      description: entry.description,
      projectId: entry.projectId,
      projectName,
      taskId: entry.taskId,
      tagIds: [...entry.tagIds],
      billable: entry.billable,
      shortcut: '',
    };
    this.save(account, [...list, favourite]);
    return { ok: true, value: this.viewOf(favourite.id)! };
  }

  remove(id: string): Result<null> {
    const account = this.deps.accountId();
    const list = this.all();
    if (!account || !list.some((favourite) => favourite.id === id)) return fail('That favourite is no longer there.');
    this.save(account, list.filter((favourite) => favourite.id !== id));
    return { ok: true, value: null };
  }

  /** One place up or down among the chosen workspace's favourites. */
  move(id: string, direction: 'up' | 'down'): Result<null> {
    const account = this.deps.accountId();
    const shown = this.inWorkspace();
    const at = shown.findIndex((favourite) => favourite.id === id);
    if (!account || at === -1) return fail('That favourite is no longer there.');
    const to = direction === 'up' ? at - 1 : at + 1;
    if (to < 0 || to >= shown.length) return fail(direction === 'up' ? 'It is already the first favourite.' : 'It is already the last favourite.');
    const other = shown[to]!;
    const list = this.all().map((favourite) => (favourite.id === id ? other : favourite.id === other.id ? shown[at]! : favourite));
    this.save(account, list);
    return { ok: true, value: null };
  }

  /**
   * Gives a favourite its own global shortcut ('' clears it). Keys used by one of the app's
   * shortcuts or by another favourite are refused in words.
   */
  setShortcut(id: string, accelerator: string): Result<null> {
    const account = this.deps.accountId();
    const list = this.all();
    const favourite = list.find((candidate) => candidate.id === id);
    if (!account || !favourite) return fail('That favourite is no longer there.');
    if (accelerator) {
      const taken = this.takenBy(accelerator, id);
      if (taken) return fail(`${accelerator} is already the shortcut of ${taken}: choose other keys.`);
    }
    this.save(account, list.map((candidate) => (candidate.id === id ? { ...candidate, shortcut: accelerator } : candidate)));
    return { ok: true, value: null };
  }

  /** The shell reports the favourite shortcuts the system refused. */
  setShortcutProblems(problems: Readonly<Record<string, string>>): void {
    this.shortcutProblems = problems;
  }

  /** The draft a favourite starts, or why it cannot start. `which` is an id or a 1-based position. */
  draft(which: string | number): Result<EntryDraft> {
    const view = typeof which === 'number' ? this.views()[which - 1] : this.views().find((favourite) => favourite.id === which);
    if (!view) {
      const count = this.views().length;
      if (typeof which === 'number') return fail(count === 0 ? 'There are no favourites yet: pin one with "Add to favourites" on an entry.' : `There is no favourite ${which}: you have ${count}.`);
      return fail('That favourite is no longer there (it may belong to another workspace or account).');
    }
    if (view.problem) return fail(view.problem);
    return { ok: true, value: { description: view.description, projectId: view.projectId, taskId: view.taskId, tagIds: view.tagIds, billable: view.billable } };
  }

  /** Every favourite of the active account with a shortcut, for the shell to register. */
  shortcuts(): { id: string; accelerator: string; label: string }[] {
    return this.views()
      .filter((favourite) => favourite.shortcut && !this.clashes()[favourite.id])
      .map((favourite) => ({ id: favourite.id, accelerator: favourite.shortcut, label: `Favourite ${favourite.position}: ${favouriteLabel(favourite)}` }));
  }

  private inWorkspace(): readonly Favourite[] {
    const workspaceId = this.deps.workspaceId();
    return this.all().filter((favourite) => favourite.workspaceId === workspaceId);
  }

  private viewOf(id: string): FavouriteView | undefined {
    return this.views().find((favourite) => favourite.id === id);
  }

  /** Who holds these keys already: one of the app's shortcuts or another favourite. */
  private takenBy(accelerator: string, except: string): string | null {
    const other = this.views().find((favourite) => favourite.id !== except && sameKeys(favourite.shortcut, accelerator));
    return this.takenByApp(accelerator) ?? (other ? `favourite ${other.position} (“${favouriteLabel(other)}”)` : null);
  }

  /** Shortcuts that became the same as one of the app's own after they were set: not registered, said. */
  private clashes(): Record<string, string> {
    const result: Record<string, string> = {};
    for (const favourite of this.inWorkspace()) {
      const taken = favourite.shortcut ? this.takenByApp(favourite.shortcut) : null;
      if (taken) result[favourite.id] = `${favourite.shortcut} is also the shortcut of ${taken}: choose other keys for this favourite.`;
    }
    return result;
  }

  private takenByApp(accelerator: string): string | null {
    const app = this.deps.settings.get().shortcuts;
    const name = (Object.keys(app) as ShortcutName[]).find((candidate) => sameKeys(app[candidate], accelerator));
    return name ? `“${SHORTCUT_LABELS[name]}”` : null;
  }

  private problem(favourite: Favourite, catalog: Catalog): string | null {
    // Not judged before the workspace's catalog was read once.
    if (catalog.fetchedAt === null) return null;
    if (favourite.projectId && !catalog.projects.some((project) => project.id === favourite.projectId)) {
      return `Its project “${favourite.projectName || 'unknown'}” is archived or was deleted in Clockify: remove this favourite, or restore the project on the web.`;
    }
    const missingTag = favourite.tagIds.find((tagId) => !catalog.tags.some((tag) => tag.id === tagId));
    if (missingTag) {
      const archived = catalog.archivedTags?.find((tag) => tag.id === missingTag);
      return archived ? `Its tag “${archived.name}” is archived in Clockify: remove this favourite, or restore the tag.` : 'One of its tags was deleted in Clockify: remove this favourite and pin the entry again.';
    }
    const tasks = favourite.projectId ? catalog.tasks[favourite.projectId] : undefined;
    if (favourite.taskId && tasks && !tasks.some((task) => task.id === favourite.taskId)) {
      return 'Its task is done or was deleted in Clockify: remove this favourite and pin the entry again.';
    }
    return null;
  }

  private save(account: string, list: readonly Favourite[]): void {
    const all = this.deps.settings.get().favourites;
    this.deps.settings.update({ favourites: { ...all, [account]: [...list] } });
    this.deps.changed();
  }
}

/** The same work: description, project, task, tags and billable. */
function sameWork(favourite: Favourite, entry: EntryView): boolean {
  return (
    favourite.description === entry.description &&
    favourite.projectId === entry.projectId &&
    favourite.taskId === entry.taskId &&
    favourite.billable === entry.billable &&
    JSON.stringify([...favourite.tagIds].sort()) === JSON.stringify([...entry.tagIds].sort())
  );
}

function sameKeys(a: string, b: string): boolean {
  return a !== '' && a.toLowerCase() === b.toLowerCase();
}
