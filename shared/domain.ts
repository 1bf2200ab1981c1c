// The app's own view of Clockify data: what the renderer, the tray and the core exchange.
// Times are ISO-8601 instants (UTC, `Z`); durations are seconds.
import type { ConnectionConfig } from './connection';
import type { FavouriteView } from './favourites';
import type { PomodoroView } from './pomodoro';

export interface WorkspaceRules {
  readonly forceProjects: boolean;
  readonly forceTasks: boolean;
  readonly forceTags: boolean;
  readonly forceDescription: boolean;
  /** Members other than admins may not create projects (and clients) / tags / tasks. */
  readonly onlyAdminsCreateProject: boolean;
  readonly onlyAdminsCreateTag: boolean;
  readonly onlyAdminsCreateTask?: boolean;
}

/** What this user may create in a workspace (its settings and the user's role together). */
export interface CreatePermissions {
  readonly project: boolean;
  readonly tag: boolean;
  readonly task: boolean;
}

export interface WorkspaceOption {
  readonly id: string;
  readonly name: string;
  readonly rules: WorkspaceRules;
  /** Absent in caches written before it existed: then the rules alone decide (see mayCreate). */
  readonly mayCreate?: CreatePermissions;
}

export interface ClientOption {
  readonly id: string;
  readonly name: string;
}

export interface ProjectOption {
  readonly id: string;
  readonly name: string;
  readonly clientId: string | null;
  readonly clientName: string;
  readonly color: string;
  readonly billable: boolean;
}

export interface TaskOption {
  readonly id: string;
  readonly name: string;
  readonly projectId: string;
  /** null: the task does not decide; the project's billable applies. */
  readonly billable: boolean | null;
}

export interface TagOption {
  readonly id: string;
  readonly name: string;
}

/** Everything the pickers of one workspace need, cached so opening the popover needs no request. */
export interface Catalog {
  readonly workspaceId: string;
  readonly projects: readonly ProjectOption[];
  readonly tags: readonly TagOption[];
  /** Archived tags: offered to bring back instead of creating a tag Clockify would refuse as a duplicate. */
  readonly archivedTags?: readonly TagOption[];
  /** Tasks of the projects that have been looked at, by project id. */
  readonly tasks: Readonly<Record<string, readonly TaskOption[]>>;
  readonly fetchedAt: string | null;
}

/** What the user fills in to start a timer or add an entry. */
export interface EntryDraft {
  readonly description: string;
  readonly projectId: string | null;
  readonly taskId: string | null;
  readonly tagIds: readonly string[];
  readonly billable: boolean;
}

export type EntrySync = 'synced' | 'pending' | 'attention';

/**
 * Clockify's entry types. REGULAR is work; a BREAK is a pause taken; HOLIDAY and TIME_OFF come from
 * the time-off module. Another type Clockify may add later is kept as it came.
 */
export type EntryType = 'REGULAR' | 'BREAK' | 'HOLIDAY' | 'TIME_OFF' | (string & {});

/** A custom field's value on an entry, as Clockify must get it back on every replacement. */
export interface CustomFieldValue {
  readonly customFieldId: string;
  readonly value: unknown;
}

export interface EntryView extends EntryDraft {
  /** Stable while the app runs: the server id once known, a local id before. */
  readonly key: string;
  readonly serverId: string | null;
  readonly workspaceId: string;
  readonly start: string;
  /** null while running. */
  readonly end: string | null;
  readonly sync: EntrySync;
  readonly type: EntryType;
  /** Kept untouched and sent back on every edit: Clockify clears values a replacement leaves out. */
  readonly customFields: readonly CustomFieldValue[];
  /** Why the server refused a change to this entry, and what to do. */
  readonly problem: string | null;
}

/** An interruption ("Phone call") running, and the work that comes back when it stops. */
export interface InterruptionView {
  readonly entryKey: string;
  readonly returnTo: { readonly key: string; readonly description: string };
}

export type TimerState =
  | Readonly<{ status: 'idle' }>
  | Readonly<{ status: 'running'; entry: EntryView }>
  | Readonly<{ status: 'stopping'; entry: EntryView }>;

/** A change the server refused; it stays until the user fixes or discards it. */
export interface Attention {
  readonly intentId: string;
  readonly entryKey: string;
  readonly what: string;
  readonly reason: string;
  readonly status: number | null;
}

export interface SyncState {
  readonly pending: number;
  readonly online: boolean;
  readonly attention: readonly Attention[];
  /** The last failure while sending, in words, or null. */
  readonly lastError: string | null;
  /**
   * Other accounts whose changes still wait: they go out with that account's own key (after a
   * switch, or once it is reachable again), never through the active account.
   */
  readonly otherAccounts?: readonly OtherAccountSync[];
}

export interface OtherAccountSync {
  readonly accountId: string;
  readonly userName: string;
  readonly email: string;
  /** Changes still to send. */
  readonly pending: number;
  /** Changes Clockify refused: switch to that account to fix or discard them. */
  readonly refused: number;
  readonly online: boolean;
  /** Why they wait, in words, or null. */
  readonly lastError: string | null;
}

export type KeyStorage = 'keychain' | 'memory';

export type AccountView =
  | Readonly<{ status: 'signed-out'; envKeyAvailable: 'clockify' | 'maton' | null; keychainProblem: string | null }>
  | Readonly<{
      status: 'signed-in';
      userName: string;
      email: string;
      connection: ConnectionConfig;
      keyStorage: KeyStorage;
      keychainProblem: string | null;
    }>;

export interface Preferences {
  /** The zone local times are read and shown in: the override, else the system's. */
  readonly timeZone: string;
  readonly timeFormat: 'HOUR12' | 'HOUR24';
  readonly weekStart: 'MONDAY' | 'TUESDAY' | 'WEDNESDAY' | 'THURSDAY' | 'FRIDAY' | 'SATURDAY' | 'SUNDAY';
  /** Whether the account's date format (Clockify's `dateFormat`, e.g. DD/MM/YYYY) puts the day first: how quick entry reads 30/11. */
  readonly dateOrder: 'day-first' | 'month-first';
}

// --- away from the computer (the idle policy lives in electron/core/idle-policy.ts) ---------------

export type IdleAnswer =
  /** The away time was work: change nothing. */
  | Readonly<{ kind: 'keep' }>
  /** Stop the entry at the moment the user left. */
  | Readonly<{ kind: 'discard' }>
  /** Stop it there and start the same entry again now. */
  | Readonly<{ kind: 'discard-and-continue' }>
  /** Stop it there, record the away time as a finished entry of `draft`, and start the same entry again now. */
  | Readonly<{ kind: 'reassign'; draft: EntryDraft }>
  /** End the entry at another moment the user names (after its start, not in the future). */
  | Readonly<{ kind: 'end-at'; at: string }>;

export type AwayCause = 'idle' | 'lock' | 'sleep';

/**
 * Why the prompt asks: an absence the app saw happen (idle, lock, sleep), or `unused` for the
 * forgotten-timer rescue: the computer went unused for hours (the night, a reboot) while the timer
 * ran, seen from the durable activity record. Its choices are end then / keep all / end at another time.
 */
export type PromptCause = AwayCause | 'unused';

/** The one question on the screen. Instants are ISO-8601 UTC. */
export interface IdlePrompt {
  readonly id: string;
  readonly entryKey: string;
  readonly entryDescription: string;
  readonly entryStart: string;
  /** When the user left. */
  readonly idleSince: string;
  /** When the user came back. */
  readonly idleUntil: string;
  /** What the first absence was, for the wording ("the computer slept"). */
  readonly cause: PromptCause;
}

/** One account signed in to (a connection and its Clockify user). Never carries a key. */
export interface AccountSummary {
  /** Names the account (its key's entry in the keychain), for switching to it. */
  readonly id: string;
  readonly userName: string;
  readonly email: string;
  /** How it reaches Clockify: "Maton", "Global", "EU", a custom host. */
  readonly via: string;
  readonly active: boolean;
}

/** One Clockify connection of the person's Maton key, labelled with the Clockify user behind it. */
export interface MatonConnectionOption {
  readonly connectionId: string;
  /** '' when the user could not be read (then `problem` says why). */
  readonly userName: string;
  readonly email: string;
  /** Why its user could not be read, in words, or null. */
  readonly problem: string | null;
  /** The signed-in account uses it: it cannot be removed before switching. */
  readonly inUse: boolean;
}

/** Adding a connection: the person finishes OAuth in the browser while the app polls Maton. */
export type MatonAdding =
  | Readonly<{ state: 'waiting'; connectionId: string }>
  | Readonly<{ state: 'failed' | 'timed-out'; message: string }>;

/** Managing the connections of a Maton key (setup, or "Clockify connections" in the account menu). */
export interface MatonSetupView {
  readonly loading: boolean;
  readonly connections: readonly MatonConnectionOption[];
  /** What went wrong reading or changing them, in words, or null. */
  readonly problem: string | null;
  readonly adding: MatonAdding | null;
}

export interface AppSnapshot {
  readonly account: AccountView;
  readonly preferences: Preferences;
  readonly workspaces: readonly WorkspaceOption[];
  readonly workspaceId: string | null;
  readonly timer: TimerState;
  /**
   * When the computer last went idle, locked or asleep while the running timer ran (ISO), if the
   * app saw it: "Stop at…" offers that moment. Null when unknown or no timer runs.
   */
  readonly lastAway?: string | null;
  /** Newest first, the running entry excluded. */
  readonly recent: readonly EntryView[];
  readonly sync: SyncState;
  /** Bumped whenever the catalog of the chosen workspace changes; the renderer refetches it then. */
  readonly catalogVersion: number;
  /** The one question about time spent away, while it waits for an answer. */
  readonly idlePrompt: IdlePrompt | null;
  /** Description suggestions from the whole known history (older than the recent list too), newest first. */
  readonly suggestions?: readonly EntryView[];
  /** The running timer is an interruption: its stop brings `returnTo` back (switch and return). */
  readonly interruption?: InterruptionView | null;
  /** Maton's connections while the person manages them; null otherwise. */
  readonly matonSetup: MatonSetupView | null;
  /** Every account signed in to; the active one is marked. */
  readonly accounts: readonly AccountSummary[];
  /** The active account's favourites in the chosen workspace, in their order (optional: older snapshots lack it). */
  readonly favourites?: readonly FavouriteView[];
  /** The focus mode (pomodoro) while it is on; null or absent while it is off. */
  readonly pomodoro?: PomodoroView | null;
  /** A timer left running in another account (switching does not stop it); starting one here stops it. */
  readonly otherAccountTimers?: readonly AccountTimer[];
}

/** A timer running in an account that is not the active one. */
export interface AccountTimer {
  readonly accountId: string;
  readonly userName: string;
  readonly email: string;
  readonly entry: EntryView;
}

/** Something the user must learn about, shown once (notification or banner). */
export interface Notice {
  readonly id: string;
  readonly level: 'info' | 'warning' | 'error';
  readonly text: string;
}

/** An error the UI can explain: what happened, what to do, and what Clockify said. */
export interface UserError {
  readonly kind: string;
  readonly message: string;
  readonly status: number | null;
  /** The field to fix, when the error is about one. */
  readonly field?: 'apiKey' | 'baseUrl' | 'project' | 'task' | 'tags' | 'description' | 'start' | 'end';
}

export type Result<T> = Readonly<{ ok: true; value: T }> | Readonly<{ ok: false; error: UserError }>;
