// What the server holds for one entry. Clockify answers 400 code 501 to a GET of an entry for
// several reasons: "doesn't belong to Workspace" (it is gone), "Access Denied", a rule. None of them
// alone proves a deletion, so absence is confirmed in the user's entries list around the entry's
// start before anything is dropped. A list that is refused too throws: the caller keeps its copy.
import { localDayKey, paddedWallClockWindow } from '../../shared/time/zone';
import type { ClockifyClient } from '../clockify/client';
import { ClockifyError } from '../clockify/errors';
import type { ServerEntry } from './entry-model';
import { fromClockify } from './server-entry';

export type LookupApi = Pick<ClockifyClient, 'getTimeEntry' | 'listMyTimeEntries'>;

export type ServerState = { readonly entry: ServerEntry } | { readonly deletedId: string };

export interface EntryRef {
  readonly workspaceId: string;
  readonly userId: string;
  readonly serverId: string;
  /** Where to look for it in the list: the start the app last knew. */
  readonly start: string;
}

export async function readServerEntry(api: LookupApi, ref: EntryRef): Promise<ServerState> {
  try {
    return { entry: fromClockify(await api.getTimeEntry(ref.workspaceId, ref.serverId)) };
  } catch (error) {
    if (!(error instanceof ClockifyError && error.kind === 'rejected')) throw error;
    const listed = await isListed(api, ref);
    if (listed) return { entry: listed };
    return { deletedId: ref.serverId };
  }
}

/** The entry as the entries list shows it (window padded by a day each side), or undefined when absent. */
export async function isListed(api: Pick<LookupApi, 'listMyTimeEntries'>, ref: EntryRef): Promise<ServerEntry | undefined> {
  const day = localDayKey(ref.start, 'Etc/UTC');
  const entries = await api.listMyTimeEntries(ref.workspaceId, ref.userId, paddedWallClockWindow(day, day));
  const found = entries.find((entry) => entry.id === ref.serverId);
  return found && fromClockify(found);
}
