// Favourites: what an entry is about (description, project, task, tags, billable), pinned to start
// it in one click, from the popover, the tray menu, a global shortcut of its own or `fav 2` in quick
// entry. Kept per account in the settings (no secret in them), each in the workspace it was pinned in.
import { z } from 'zod';
import { entryDraftSchema } from './ipc/schemas';

/** At most this many: the popover and the tray menu show them all. */
export const MAX_FAVOURITES = 20;

export const favouriteSchema = z.object({
  id: z.string().regex(/^[0-9a-zA-Z_-]{1,64}$/),
  workspaceId: z.string().regex(/^[0-9a-zA-Z_-]{1,64}$/),
  ...entryDraftSchema.shape,
  /** The project's name when it was pinned: said if the project is later archived or deleted. */
  projectName: z.string().max(250),
  /** An Electron accelerator, or '' for none. */
  shortcut: z.string().max(100),
});
export type Favourite = z.infer<typeof favouriteSchema>;

/** Favourites by account id (the account record's id). */
export const favouritesByAccountSchema = z.record(z.string().min(1).max(600), z.array(favouriteSchema).max(MAX_FAVOURITES));

/** A favourite of the chosen workspace as the windows and the tray show it. */
export interface FavouriteView {
  readonly id: string;
  /** 1-based, as `fav 2` and the labels count. */
  readonly position: number;
  readonly description: string;
  readonly projectId: string | null;
  readonly projectName: string;
  readonly projectColor: string | null;
  readonly taskId: string | null;
  readonly tagIds: readonly string[];
  readonly billable: boolean;
  readonly shortcut: string;
  /** Why it cannot start (its project archived or deleted in Clockify, a tag gone): said, never started with wrong data. */
  readonly problem: string | null;
  /** Why its shortcut is not in force (taken by another application, or clashing with another of ours). */
  readonly shortcutProblem: string | null;
}

/** "Deep work — Website" or "(no description)". */
export function favouriteLabel(favourite: Pick<FavouriteView, 'description' | 'projectName'>): string {
  return `${favourite.description || '(no description)'}${favourite.projectName ? ` — ${favourite.projectName}` : ''}`;
}
