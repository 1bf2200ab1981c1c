// The Clockify REST client: every endpoint the app uses, for both connection modes. Plain
// TypeScript over fetch, no Electron, so it runs in main, in the web harness and in tests.
import { z } from 'zod';
import type { ConnectionConfig } from '../../shared/connection';
import { connectionBaseUrl } from '../../shared/connection';
import { toClockifyInstant } from '../../shared/time/wire-format';
import { systemClock, type ClientClock } from './clock';
import { ClockifyError } from './errors';
import { RateLimiter } from './rate-limiter';
import {
  clientSchema,
  projectSchema,
  tagSchema,
  taskSchema,
  timeEntrySchema,
  userSchema,
  workspaceSchema,
  workspaceUserSchema,
  type Client,
  type Project,
  type Tag,
  type Task,
  type TimeEntry,
  type User,
  type Workspace,
  type WorkspaceUser,
} from './schemas';
import { Transport, type RequestSpec } from './transport';

export interface ClockifyClientOptions {
  connection: ConnectionConfig;
  /** The API key, or the Maton key for the gateway. Held here and in the keychain only. */
  secret: string;
  fetch?: typeof fetch;
  clock?: ClientClock;
  random?: () => number;
  timeoutMs?: number;
  maxRetries?: number;
  maxRetryAfterMs?: number;
  /** Items per page when listing; Clockify caps it at 5000. */
  pageSize?: number;
  requestsPerSecond?: number;
  /** The most pages one list is read to (default 200): a route that never ends must not loop forever. */
  maxPages?: number;
}

export const MAX_PAGE_SIZE = 5000;
/** 200 pages of 5000: a million items, far beyond any list a tray timer reads. */
const DEFAULT_MAX_PAGES = 200;

export interface TimeEntryFilters {
  /** Clockify reads these as wall-clock times in the account's zone, not instants (see clockify-api.md). */
  start?: Date;
  end?: Date;
  description?: string;
  projectId?: string;
  taskId?: string;
  tagIds?: readonly string[];
  inProgress?: boolean;
}

export interface NewTimeEntry {
  start: Date;
  /** Absent or null starts a running timer. */
  end?: Date | null;
  description?: string;
  projectId?: string | null;
  taskId?: string | null;
  tagIds?: readonly string[];
  /** Always sent: Clockify takes an absent value as false. */
  billable: boolean;
  /** REGULAR (the default) or BREAK: the only types Clockify accepts on write. */
  type?: WritableEntryType;
  customFields?: readonly CustomFieldValue[];
}

/** The entry types Clockify's write requests accept (HOLIDAY and TIME_OFF come from time-off requests). */
export type WritableEntryType = 'REGULAR' | 'BREAK';

export interface CustomFieldValue {
  readonly customFieldId: string;
  readonly value: unknown;
}

/** A full replacement of an entry: omitted fields are cleared by Clockify, so every field is required. */
export interface TimeEntryReplacement {
  start: Date;
  /** null makes the entry run again; always give the end of a finished entry. */
  end: Date | null;
  description: string;
  projectId: string | null;
  taskId: string | null;
  tagIds: readonly string[];
  billable: boolean;
  type: WritableEntryType;
  /** Every value to keep: Clockify clears the custom fields a PUT leaves out. */
  customFields: readonly CustomFieldValue[];
}

export interface ProjectInput {
  name: string;
  clientId?: string | null;
  isPublic: boolean;
  billable?: boolean;
  color?: string;
  note?: string;
  archived?: boolean;
}

export interface TaskInput {
  name: string;
  status?: 'ACTIVE' | 'DONE';
  billable?: boolean;
  estimate?: string;
  assigneeIds?: readonly string[];
}

export interface ClientInput {
  name: string;
  address?: string;
  note?: string;
  archived?: boolean;
}

export interface TagInput {
  name: string;
  archived?: boolean;
}

const seg = encodeURIComponent;

export class ClockifyClient {
  private readonly transport: Transport;
  private readonly pageSize: number;
  private readonly maxPages: number;
  readonly baseUrl: string;

  constructor(options: ClockifyClientOptions) {
    const clock = options.clock ?? systemClock;
    this.baseUrl = connectionBaseUrl(options.connection);
    this.pageSize = Math.min(options.pageSize ?? MAX_PAGE_SIZE, MAX_PAGE_SIZE);
    this.maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
    this.transport = new Transport({
      baseUrl: this.baseUrl,
      headers: authHeaders(options.connection, options.secret),
      secret: options.secret,
      fetch: options.fetch ?? globalThis.fetch.bind(globalThis),
      clock,
      limiter: new RateLimiter(clock, options.requestsPerSecond ?? 50),
      random: options.random ?? Math.random,
      timeoutMs: options.timeoutMs ?? 15_000,
      maxRetries: options.maxRetries ?? 4,
      maxRetryAfterMs: options.maxRetryAfterMs ?? 60_000,
      ...(options.connection.kind === 'maton' ? { gateway: 'maton' as const } : {}),
    });
  }

  // --- user and workspaces -------------------------------------------------------------------

  getUser(): Promise<User> {
    return this.one({ method: 'GET', path: '/user', schema: userSchema });
  }

  /** Bare array; this route ignores paging and sends no Last-Page, so it is read once. */
  listWorkspaces(): Promise<Workspace[]> {
    return this.one({ method: 'GET', path: '/workspaces', schema: z.array(workspaceSchema) });
  }

  getWorkspace(workspaceId: string): Promise<Workspace> {
    return this.one({ method: 'GET', path: `/workspaces/${seg(workspaceId)}`, schema: workspaceSchema });
  }

  /**
   * Whether the user with this email is an admin (owners count) of the workspace: "Filter workspace
   * users" with the admin roles. Asked only where a workspace keeps creating for admins.
   */
  async isWorkspaceAdmin(workspaceId: string, email: string): Promise<boolean> {
    const users = await this.one({
      method: 'POST',
      path: `/workspaces/${seg(workspaceId)}/users/info`,
      body: { email, roles: ['WORKSPACE_ADMIN', 'OWNER'], page: 1, pageSize: 50 },
      schema: z.array(workspaceUserSchema),
    });
    return users.some((user) => user.email.toLowerCase() === email.toLowerCase());
  }

  listWorkspaceUsers(workspaceId: string): Promise<WorkspaceUser[]> {
    return this.all(`/workspaces/${seg(workspaceId)}/users`, workspaceUserSchema);
  }

  // --- projects ------------------------------------------------------------------------------

  /** Active projects by default; `archived: undefined` lists both. */
  listProjects(workspaceId: string, filter: { archived?: boolean; name?: string } = { archived: false }): Promise<Project[]> {
    return this.all(`/workspaces/${seg(workspaceId)}/projects`, projectSchema, { archived: filter.archived, name: filter.name });
  }

  getProject(workspaceId: string, projectId: string): Promise<Project> {
    return this.one({ method: 'GET', path: this.projectPath(workspaceId, projectId), schema: projectSchema });
  }

  createProject(workspaceId: string, input: ProjectInput): Promise<Project> {
    return this.one({ method: 'POST', path: `/workspaces/${seg(workspaceId)}/projects`, body: input, schema: projectSchema });
  }

  updateProject(workspaceId: string, projectId: string, input: Partial<ProjectInput>): Promise<Project> {
    return this.one({ method: 'PUT', path: this.projectPath(workspaceId, projectId), body: input, schema: projectSchema });
  }

  /** Clockify deletes only archived projects. */
  deleteProject(workspaceId: string, projectId: string): Promise<void> {
    return this.withHint(
      this.none({ method: 'DELETE', path: this.projectPath(workspaceId, projectId) }),
      'An active project cannot be deleted: archive it first, then delete it.',
    );
  }

  // --- clients -------------------------------------------------------------------------------

  /** Archived clients are included, as Clockify lists them by default. */
  listClients(workspaceId: string): Promise<Client[]> {
    return this.all(`/workspaces/${seg(workspaceId)}/clients`, clientSchema);
  }

  getClient(workspaceId: string, clientId: string): Promise<Client> {
    return this.one({ method: 'GET', path: this.clientPath(workspaceId, clientId), schema: clientSchema });
  }

  createClient(workspaceId: string, input: ClientInput): Promise<Client> {
    return this.one({ method: 'POST', path: `/workspaces/${seg(workspaceId)}/clients`, body: input, schema: clientSchema });
  }

  updateClient(workspaceId: string, clientId: string, input: ClientInput): Promise<Client> {
    return this.one({ method: 'PUT', path: this.clientPath(workspaceId, clientId), body: input, schema: clientSchema });
  }

  deleteClient(workspaceId: string, clientId: string): Promise<void> {
    return this.none({ method: 'DELETE', path: this.clientPath(workspaceId, clientId) });
  }

  // --- tags ----------------------------------------------------------------------------------

  listTags(workspaceId: string, filter: { archived?: boolean } = {}): Promise<Tag[]> {
    return this.all(`/workspaces/${seg(workspaceId)}/tags`, tagSchema, { archived: filter.archived });
  }

  getTag(workspaceId: string, tagId: string): Promise<Tag> {
    return this.one({ method: 'GET', path: this.tagPath(workspaceId, tagId), schema: tagSchema });
  }

  createTag(workspaceId: string, input: TagInput): Promise<Tag> {
    return this.one({ method: 'POST', path: `/workspaces/${seg(workspaceId)}/tags`, body: input, schema: tagSchema });
  }

  updateTag(workspaceId: string, tagId: string, input: TagInput): Promise<Tag> {
    return this.one({ method: 'PUT', path: this.tagPath(workspaceId, tagId), body: input, schema: tagSchema });
  }

  deleteTag(workspaceId: string, tagId: string): Promise<void> {
    return this.none({ method: 'DELETE', path: this.tagPath(workspaceId, tagId) });
  }

  // --- tasks ---------------------------------------------------------------------------------

  listTasks(workspaceId: string, projectId: string, filter: { active?: boolean } = {}): Promise<Task[]> {
    return this.all(`${this.projectPath(workspaceId, projectId)}/tasks`, taskSchema, { 'is-active': filter.active });
  }

  getTask(workspaceId: string, projectId: string, taskId: string): Promise<Task> {
    return this.one({ method: 'GET', path: this.taskPath(workspaceId, projectId, taskId), schema: taskSchema });
  }

  createTask(workspaceId: string, projectId: string, input: TaskInput): Promise<Task> {
    return this.one({ method: 'POST', path: `${this.projectPath(workspaceId, projectId)}/tasks`, body: input, schema: taskSchema });
  }

  updateTask(workspaceId: string, projectId: string, taskId: string, input: TaskInput): Promise<Task> {
    return this.one({ method: 'PUT', path: this.taskPath(workspaceId, projectId, taskId), body: input, schema: taskSchema });
  }

  /** Clockify deletes only tasks marked DONE. */
  deleteTask(workspaceId: string, projectId: string, taskId: string): Promise<void> {
    return this.withHint(
      this.none({ method: 'DELETE', path: this.taskPath(workspaceId, projectId, taskId) }),
      'An active task cannot be deleted: mark it done first, then delete it.',
    );
  }

  // --- time entries --------------------------------------------------------------------------

  /** The user's entries, newest first, all pages. */
  listMyTimeEntries(workspaceId: string, userId: string, filters: TimeEntryFilters = {}): Promise<TimeEntry[]> {
    return this.all(this.userEntriesPath(workspaceId, userId), timeEntrySchema, entryQuery(filters));
  }

  /** The running entry, or null when nothing runs. */
  async getRunningEntry(workspaceId: string, userId: string): Promise<TimeEntry | null> {
    const entries = await this.one({
      method: 'GET',
      path: this.userEntriesPath(workspaceId, userId),
      query: { 'in-progress': true, page: 1, 'page-size': 1 },
      schema: z.array(timeEntrySchema),
    });
    return entries[0] ?? null;
  }

  getTimeEntry(workspaceId: string, entryId: string): Promise<TimeEntry> {
    return this.one({ method: 'GET', path: this.entryPath(workspaceId, entryId), schema: timeEntrySchema });
  }

  /** Starts a timer (no end) or adds a finished entry. Not repeated on an unknown outcome. */
  createTimeEntry(workspaceId: string, entry: NewTimeEntry): Promise<TimeEntry> {
    return this.one({ method: 'POST', path: `/workspaces/${seg(workspaceId)}/time-entries`, body: entryBody(entry), schema: timeEntrySchema });
  }

  createTimeEntryForUser(workspaceId: string, userId: string, entry: NewTimeEntry): Promise<TimeEntry> {
    return this.one({ method: 'POST', path: this.userEntriesPath(workspaceId, userId), body: entryBody(entry), schema: timeEntrySchema });
  }

  /** PUT replaces the whole entry. */
  updateTimeEntry(workspaceId: string, entryId: string, entry: TimeEntryReplacement): Promise<TimeEntry> {
    return this.one({ method: 'PUT', path: this.entryPath(workspaceId, entryId), body: entryBody(entry), schema: timeEntrySchema });
  }

  deleteTimeEntry(workspaceId: string, entryId: string): Promise<void> {
    return this.none({ method: 'DELETE', path: this.entryPath(workspaceId, entryId) });
  }

  /** Stops the running entry at `end`. A 404 (nothing running) and a 400 (a workspace rule) reach the caller. */
  stopRunningEntry(workspaceId: string, userId: string, end: Date): Promise<TimeEntry> {
    return this.one({
      method: 'PATCH',
      path: this.userEntriesPath(workspaceId, userId),
      body: { end: toClockifyInstant(end) },
      schema: timeEntrySchema,
    });
  }

  duplicateTimeEntry(workspaceId: string, userId: string, entryId: string): Promise<TimeEntry> {
    return this.one({
      method: 'POST',
      path: `${this.userEntriesPath(workspaceId, userId)}/${seg(entryId)}/duplicate`,
      schema: timeEntrySchema,
    });
  }

  // --- plumbing ------------------------------------------------------------------------------

  private async one<S extends z.ZodType>(spec: RequestSpec<S>): Promise<z.output<S>> {
    return (await this.transport.request(spec)).data;
  }

  private async none(spec: RequestSpec<z.ZodType>): Promise<void> {
    await this.transport.request({ ...spec, schema: undefined });
  }

  /**
   * Reads every page: `page-size` items at a time until `Last-Page: true` (or, without it, a short
   * page). A page identical to the one before means the route ignores `page` (as /workspaces does):
   * what was read is the whole list. A list longer than `maxPages` is an error that says so.
   */
  private async all<S extends z.ZodType>(
    path: string,
    item: S,
    query: Readonly<Record<string, string | number | boolean | undefined>> = {},
  ): Promise<z.output<S>[]> {
    const items: z.output<S>[] = [];
    let previous: string | null = null;
    for (let page = 1; page <= this.maxPages; page++) {
      const { data, headers } = await this.transport.request({
        method: 'GET',
        path,
        query: { ...query, page, 'page-size': this.pageSize },
        schema: z.array(item),
      });
      const signature = JSON.stringify(data);
      if (signature === previous) return items;
      previous = signature;
      items.push(...data);
      const lastPage = headers.get('Last-Page');
      if (lastPage === 'true' || data.length === 0) return items;
      if (lastPage === null && data.length < this.pageSize) return items;
    }
    throw new ClockifyError({
      kind: 'malformed',
      method: 'GET',
      path,
      serverMessage: `the list went on for more than ${this.maxPages} pages of ${this.pageSize}; the app stopped reading it`,
    });
  }

  private async withHint(request: Promise<void>, hint: string): Promise<void> {
    try {
      await request;
    } catch (error) {
      if (error instanceof ClockifyError && error.kind === 'rejected') {
        throw new ClockifyError({
          kind: 'rejected',
          method: error.method,
          path: error.path,
          status: error.status,
          code: error.code,
          serverMessage: error.serverMessage ? `${error.serverMessage} (${hint})` : hint,
        });
      }
      throw error;
    }
  }

  private projectPath(ws: string, projectId: string): string {
    return `/workspaces/${seg(ws)}/projects/${seg(projectId)}`;
  }

  private clientPath(ws: string, clientId: string): string {
    return `/workspaces/${seg(ws)}/clients/${seg(clientId)}`;
  }

  private tagPath(ws: string, tagId: string): string {
    return `/workspaces/${seg(ws)}/tags/${seg(tagId)}`;
  }

  private taskPath(ws: string, projectId: string, taskId: string): string {
    return `${this.projectPath(ws, projectId)}/tasks/${seg(taskId)}`;
  }

  private entryPath(ws: string, entryId: string): string {
    return `/workspaces/${seg(ws)}/time-entries/${seg(entryId)}`;
  }

  private userEntriesPath(ws: string, userId: string): string {
    return `/workspaces/${seg(ws)}/user/${seg(userId)}/time-entries`;
  }
}

function authHeaders(connection: ConnectionConfig, secret: string): Record<string, string> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (connection.kind === 'maton') {
    headers.Authorization = `Bearer ${secret}`;
    if (connection.connectionId) headers['Maton-Connection'] = connection.connectionId;
  } else {
    headers['X-Api-Key'] = secret;
  }
  return headers;
}

function entryQuery(filters: TimeEntryFilters): Record<string, string | boolean | undefined> {
  return {
    start: filters.start && toClockifyInstant(filters.start),
    end: filters.end && toClockifyInstant(filters.end),
    description: filters.description,
    // Clockify silently ignores unknown parameters: it is `project`, not `projectId`.
    project: filters.projectId,
    task: filters.taskId,
    tags: filters.tagIds?.length ? filters.tagIds.join(',') : undefined,
    'in-progress': filters.inProgress,
  };
}

function entryBody(entry: NewTimeEntry | TimeEntryReplacement): Record<string, unknown> {
  return {
    start: toClockifyInstant(entry.start),
    ...(entry.end ? { end: toClockifyInstant(entry.end) } : {}),
    billable: entry.billable,
    description: entry.description ?? '',
    projectId: entry.projectId ?? null,
    taskId: entry.taskId ?? null,
    tagIds: entry.tagIds?.length ? [...entry.tagIds] : null,
    ...(entry.type ? { type: entry.type } : {}),
    // The read key customFieldValues is ignored on write: customFields is the one that keeps them.
    ...(entry.customFields?.length ? { customFields: entry.customFields.map(({ customFieldId, value }) => ({ customFieldId, value })) } : {}),
  };
}
