// From a parsed line to what will be sent: one draft shared by every entry (billable from `$`, else
// the project's default), the workspace's required fields checked before anything leaves, and the
// entries added one after the other so that a refusal stops the rest.
import type { EntryDraft, ProjectOption, Result, TagOption, UserError, WorkspaceOption } from '../../../shared/domain';
import { checkWorkspaceRules, defaultBillable } from '../../../shared/entry-rules';
import type { QuickEntryItem, QuickEntryParse } from '../../../shared/quick-entry';

export type ParsedLine = Extract<QuickEntryParse, { ok: true }>;

export interface QuickEntryPlan {
  readonly draft: EntryDraft;
  readonly project: ProjectOption | null;
  readonly tags: readonly TagOption[];
  /** `$` was written; otherwise billable is the project's default. */
  readonly billableWritten: boolean;
  readonly items: readonly QuickEntryItem[];
  /** A required field the workspace asks for is missing: nothing may be sent. */
  readonly problem: UserError | null;
}

export interface CatalogLookups {
  readonly projects: { readonly byId: ReadonlyMap<string, ProjectOption> };
  readonly tagById: ReadonlyMap<string, TagOption>;
}

export function planEntries(parsed: ParsedLine, catalog: CatalogLookups, workspace: WorkspaceOption | null): QuickEntryPlan {
  const project = parsed.projectId ? (catalog.projects.byId.get(parsed.projectId) ?? null) : null;
  const tags = parsed.tagIds.flatMap((id) => catalog.tagById.get(id) ?? []);
  const draft: EntryDraft = {
    description: parsed.description,
    projectId: parsed.projectId,
    taskId: null,
    tagIds: parsed.tagIds,
    billable: parsed.billable ?? defaultBillable(project, null),
  };
  let problem = workspace ? checkWorkspaceRules(draft, workspace.rules, workspace.name) : null;
  // Quick entry has no syntax for a task: say where one can be chosen.
  if (problem?.field === 'task') problem = { ...problem, message: `${problem.message.replace(/:.*$/, '')}: quick entry cannot choose a task, so add this one in the popover.` };
  return { draft, project, tags, billableWritten: parsed.billable !== null, items: parsed.items, problem };
}

/** Longer than this, a single entry is more likely a misreading than a working day. */
export const LONG_ENTRY_SECONDS = 12 * 3600;

/**
 * What must be confirmed with a second Enter, in words: an entry longer than 12 hours, or one that
 * ends in the future. Empty when the line can be added at once.
 */
export function cautions(plan: QuickEntryPlan, now: number, describe: (item: QuickEntryItem) => string, length: (seconds: number) => string): string[] {
  const found: string[] = [];
  const long = plan.items.filter((item) => item.durationSeconds > LONG_ENTRY_SECONDS);
  const future = plan.items.filter((item) => Date.parse(item.end) > now);
  const which = (item: QuickEntryItem) => (plan.items.length === 1 ? 'This entry' : `The entry on ${describe(item)}`);
  for (const item of long) found.push(`${which(item)} is ${length(item.durationSeconds)} long, more than 12 hours.`);
  for (const item of future) found.push(`${which(item)} ends in the future (${describe(item)}, ${item.localEnd}${item.endsNextDay ? ' the next day' : ''}).`);
  return found;
}

export type AddEntry = (request: { draft: EntryDraft & { tagIds: string[] }; times: { start: string; end: string } }) => Promise<Result<null>>;

export type AddOutcome = { readonly added: number; readonly error: string | null };

/** Adds the entries in order; stops at the first refusal and says what was and was not added. */
export async function addPlannedEntries(plan: QuickEntryPlan, addEntry: AddEntry, dayLabel: (item: QuickEntryItem) => string): Promise<AddOutcome> {
  let added = 0;
  for (const item of plan.items) {
    let result: Result<null>;
    try {
      result = await addEntry({ draft: { ...plan.draft, tagIds: [...plan.draft.tagIds] }, times: { start: item.start, end: item.end } });
    } catch (error) {
      result = { ok: false, error: { kind: 'bridge', status: null, message: `The app could not add it (${error instanceof Error ? error.message : String(error)}); try again` } };
    }
    if (!result.ok) {
      const why = result.error.message.replace(/\.$/, '');
      const what = plan.items.length === 1 ? 'The entry was not added' : `${addedCount(added)}; the one on ${dayLabel(item)} and any after it were not`;
      return { added, error: `${what}: ${why}.` };
    }
    added++;
  }
  return { added, error: null };
}

function addedCount(added: number): string {
  return added === 0 ? 'No entry was added' : `${entriesWord(added)} ${added === 1 ? 'was' : 'were'} added`;
}

/** "1 entry", "5 entries". */
export function entriesWord(count: number): string {
  return `${count} ${count === 1 ? 'entry' : 'entries'}`;
}
