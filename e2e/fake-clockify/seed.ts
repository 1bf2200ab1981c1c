// Starting data: 'small' (a realistic account), 'empty' (user + one workspace) or a generated
// large workspace ({ projects: N }) that builds in milliseconds even for 50,000 projects.

import type { IdGenerator } from './ids';
import type { Client, FakeState, Membership, Project, Tag, Task, TimeEntry, User, UserSettings, Workspace, WorkspaceSettings } from './model';
import { formatInstant, instantToWallClock, wallClockToInstant } from './time';

/** The id of the seeded owner's Maton connection (send it as Maton-Connection). */
export const FAKE_MATON_CONNECTION_ID = '3f6c2a1e-7b4d-4e8a-9c5f-0d1e2f3a4b5c';

export type SeedSpec = 'small' | 'empty' | { projects: number; clients?: number; tasksPerProject?: number };

export interface SeedOptions {
  /** The key that authenticates the seeded user. */
  apiKey: string;
  /** The user's settings.timeZone (IANA). */
  timeZone: string;
  now: Date;
  newId: IdGenerator;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function userSettings(timeZone: string): UserSettings {
  return {
    timeZone, timeFormat: 'HOUR24', weekStart: 'MONDAY', dateFormat: 'DD/MM/YYYY',
    alerts: true, approval: false, collapseAllProjectLists: false, dashboardPinToTop: false, dashboardSelection: 'ME',
    dashboardViewType: 'PROJECT', groupSimilarEntriesDisabled: false, invoiceReminders: false, isCompactViewOn: false,
    lang: 'en', longRunning: true, multiFactorEnabled: false, myStartOfDay: '09:00', onboarding: false,
    projectListCollapse: 50, projectPickerTaskFilter: false, pto: true, reminders: false, scheduledReports: true,
    scheduling: false, sendNewsletter: false, showOnlyWorkingDays: false,
    summaryReportSettings: { group: 'PROJECT', subgroup: 'CLIENT' }, theme: 'DEFAULT', timeTrackingManual: false, weeklyUpdates: false,
  };
}

function workspaceSettings(overrides: Partial<WorkspaceSettings>): WorkspaceSettings {
  return {
    forceProjects: false, forceTasks: false, forceTags: false, forceDescription: false,
    timeTrackingMode: 'DEFAULT', lockTimeEntries: null, isProjectPublicByDefault: true, defaultBillableProjects: true,
    activeBillableHours: true, adminOnlyPages: [], automaticLock: null, canSeeTimeSheet: true, canSeeTracker: true,
    currencyFormat: 'CURRENCY_SPACE_VALUE', durationFormat: 'FULL', numberFormat: 'COMMA_PERIOD', multiFactorEnabled: false,
    entityCreationPermissions: { whoCanCreateProjectsAndClients: 'EVERYONE', whoCanCreateTags: 'EVERYONE', whoCanCreateTasks: 'EVERYONE' },
    onlyAdminsCanChangeBillableStatus: false, onlyAdminsCreateProject: false, onlyAdminsCreateTag: false, onlyAdminsCreateTask: false,
    onlyAdminsSeeAllTimeEntries: false, onlyAdminsSeeBillableRates: false, onlyAdminsSeeDashboard: false,
    onlyAdminsSeePublicProjectsEntries: false, projectFavorites: true, projectGroupingLabel: 'client', projectLabel: 'project',
    projectPickerSpecialFilter: false, round: { round: 'Round to nearest', minutes: '15' }, taskLabel: 'task',
    timeRoundingInReports: false, trackTimeDownToSecond: true,
    workingDays: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'],
    ...overrides,
  };
}

function membership(userId: string, targetId: string, membershipType: Membership['membershipType']): Membership {
  return { userId, targetId, membershipType, membershipStatus: 'ACTIVE', hourlyRate: null, costRate: null };
}

/** Builds a state entity by entity, with realistic defaults. */
class SeedBuilder {
  readonly state: FakeState = {
    users: [], apiKeys: {}, matonConnections: [], workspaces: [], clients: [], projects: [], tasks: [], tags: [], timeEntries: [], roles: [],
  };

  constructor(private readonly options: SeedOptions) {}

  /** The account owner: holds the API key and the Maton connection. */
  owner(name: string, email: string): User {
    const user = this.user(name, email);
    this.state.apiKeys[this.options.apiKey] = user.id;
    const at = this.options.now.toISOString();
    this.state.matonConnections.push({ id: FAKE_MATON_CONNECTION_ID, userId: user.id, status: 'ACTIVE', app: 'clockify', creationTime: at, lastUpdatedTime: at, sessionToken: 'seeded-session-token' });
    return user;
  }

  user(name: string, email: string): User {
    const user: User = {
      id: this.options.newId(), email, name, status: 'ACTIVE', profilePicture: '',
      activeWorkspace: '', defaultWorkspace: '', settings: userSettings(this.options.timeZone), customFields: [],
    };
    this.state.users.push(user);
    return user;
  }

  /** The first workspace a user joins becomes their active and default one; the first member owns it. */
  workspace(name: string, members: User[], settings: Partial<WorkspaceSettings> = {}): Workspace {
    const id = this.options.newId();
    const workspace: Workspace = {
      id, name,
      hourlyRate: { amount: 0, currency: 'EUR' },
      costRate: { amount: 0, currency: 'EUR' },
      memberships: members.map((m) => membership(m.id, id, 'WORKSPACE')),
      workspaceSettings: workspaceSettings(settings),
      imageUrl: '',
      featureSubscriptionType: 'BUNDLE_YEAR_2024',
      features: ['ADD_TIME_FOR_OTHERS', 'BULK_EDIT', 'CUSTOM_FIELDS', 'LOCK_TIMESHEETS', 'PROJECT_TEMPLATES', 'REQUIRED_FIELDS', 'TIME_TRACKING'],
      currencies: [{ id: this.options.newId(), code: 'EUR', isDefault: true }],
      subdomain: { name: null, enabled: false },
      cakeOrganizationId: this.options.newId(),
    };
    if (members[0]) this.state.roles.push({ workspaceId: id, userId: members[0].id, role: 'OWNER' });
    for (const member of members) {
      member.activeWorkspace ||= id;
      member.defaultWorkspace ||= id;
    }
    this.state.workspaces.push(workspace);
    return workspace;
  }

  client(workspace: Workspace, name: string, archived = false): Client {
    const client: Client = {
      id: this.options.newId(), workspaceId: workspace.id, name, archived,
      address: null, note: null, email: null, ccEmails: null, currencyId: workspace.currencies[0]?.id ?? '', currencyCode: 'EUR',
    };
    this.state.clients.push(client);
    return client;
  }

  project(workspace: Workspace, name: string, fields: { client?: Client; billable: boolean; color: string; archived?: boolean }): Project {
    const id = this.options.newId();
    const project: Project = {
      id, workspaceId: workspace.id, name, clientId: fields.client?.id ?? null, color: fields.color,
      billable: fields.billable, public: true, archived: fields.archived ?? false, note: '', template: false,
      hourlyRate: null, costRate: null,
      estimate: { estimate: 'PT0S', type: 'AUTO' },
      timeEstimate: { active: false, estimate: 'PT0S', includeNonBillable: true, resetOption: null, type: 'AUTO' },
      budgetEstimate: null, estimateReset: null,
      memberships: workspace.memberships.map((m) => membership(m.userId, id, 'PROJECT')),
    };
    this.state.projects.push(project);
    return project;
  }

  task(project: Project, name: string, fields: { billable: boolean; done?: boolean; estimate?: string }): Task {
    const task: Task = {
      id: this.options.newId(), projectId: project.id, name, status: fields.done ? 'DONE' : 'ACTIVE', billable: fields.billable,
      estimate: fields.estimate ?? 'PT0S', assigneeId: null, assigneeIds: [], userGroupIds: [], budgetEstimate: 0, hourlyRate: null, costRate: null,
    };
    this.state.tasks.push(task);
    return task;
  }

  tag(workspace: Workspace, name: string, archived = false): Tag {
    const tag: Tag = { id: this.options.newId(), workspaceId: workspace.id, name, archived };
    this.state.tags.push(tag);
    return tag;
  }

  /** A finished entry; billable follows the task, else the project. */
  entry(user: User, startMs: number, endMs: number, description: string, on: { project?: Project; task?: Task; tags?: Tag[] } = {}): TimeEntry {
    const workspaceId = on.project?.workspaceId ?? user.activeWorkspace;
    const entry: TimeEntry = {
      id: this.options.newId(), workspaceId, userId: user.id, description,
      projectId: on.project?.id ?? null, taskId: on.task?.id ?? null,
      tagIds: on.tags?.length ? on.tags.map((t) => t.id) : null,
      billable: on.task?.billable ?? on.project?.billable ?? false,
      start: formatInstant(startMs), end: formatInstant(endMs), type: 'REGULAR', kioskId: null, isLocked: false, customFieldValues: [],
    };
    this.state.timeEntries.push(entry);
    return entry;
  }

  /** The instant at local time hh:mm, `daysAgo` days before today in the user's zone. */
  localTime(daysAgo: number, hours: number, minutes = 0): number {
    const today = Math.floor(instantToWallClock(this.options.now.getTime(), this.options.timeZone) / DAY) * DAY;
    return wallClockToInstant(today - daysAgo * DAY + hours * HOUR + minutes * MINUTE, this.options.timeZone);
  }

  /** `minutesAgo` minutes before now, on a whole minute. */
  minutesAgo(minutesAgo: number): number {
    return Math.floor(this.options.now.getTime() / MINUTE) * MINUTE - minutesAgo * MINUTE;
  }
}

function emptySeed(b: SeedBuilder): void {
  b.workspace('My Workspace', [b.owner('Lena Fischer', 'lena.fischer@example.com')]);
}

/**
 * Two workspaces: a studio with clients, accented names, an archived client, project and tag,
 * tasks with their own billable flags and recent entries; and one that requires a project.
 * Nothing runs. The "recent" entries end 45 minutes before now; the others are yesterday, local time.
 */
function smallSeed(b: SeedBuilder): void {
  const lena = b.owner('Lena Fischer', 'lena.fischer@example.com');
  const jonas = b.user('Jonas Weber', 'jonas.weber@example.com');

  const studio = b.workspace('Northwind Studio', [lena, jonas]);
  const cafe = b.client(studio, 'Café Lumière');
  const mueller = b.client(studio, 'Müller & Söhne GmbH');
  const harbour = b.client(studio, 'Old Harbour Ltd', true);
  const rebrand = b.project(studio, 'Café Rebrand', { client: cafe, billable: true, color: '#E91E63' });
  const internal = b.project(studio, 'Internal Tools', { billable: false, color: '#607D8B' });
  b.project(studio, 'Legacy Website', { client: harbour, billable: true, color: '#795548', archived: true });
  const relaunch = b.project(studio, 'Website Relaunch', { client: mueller, billable: true, color: '#03A9F4' });
  const logo = b.task(rebrand, 'Logo design', { billable: true, estimate: 'PT8H' });
  const menu = b.task(rebrand, 'Menu layout', { billable: true });
  b.task(rebrand, 'Client meetings', { billable: false });
  const frontend = b.task(relaunch, 'Frontend', { billable: true, estimate: 'PT40H' });
  const backend = b.task(relaunch, 'Backend', { billable: true });
  b.task(relaunch, 'Content migration', { billable: true, done: true });
  b.task(internal, 'Tray timer', { billable: false });
  const deepWork = b.tag(studio, 'deep work');
  const meeting = b.tag(studio, 'meeting');
  const review = b.tag(studio, 'review');
  b.tag(studio, 'Entwürfe');
  b.tag(studio, 'legacy', true);

  const acme = b.workspace('Acme Corp (project required)', [lena], { forceProjects: true });
  const acmeClient = b.client(acme, 'Acme Corp');
  const support = b.project(acme, 'Acme Support', { client: acmeClient, billable: true, color: '#FF9800' });
  const tickets = b.task(support, 'Tickets', { billable: true });
  b.task(support, 'On-call', { billable: true });
  b.project(acme, 'Acme Onboarding', { client: acmeClient, billable: false, color: '#8BC34A' });
  b.tag(acme, 'urgent');

  b.entry(lena, b.localTime(1, 9), b.localTime(1, 12, 30), 'API pagination', { project: relaunch, task: backend });
  b.entry(lena, b.localTime(1, 13, 30), b.localTime(1, 15), 'Expense report', { project: internal });
  b.entry(lena, b.localTime(1, 15, 15), b.localTime(1, 17, 45), 'Menu layout – first draft', { project: rebrand, task: menu, tags: [deepWork, review] });
  b.entry(lena, b.localTime(1, 10), b.localTime(1, 11), 'Ticket #4711', { project: support, task: tickets });
  b.entry(jonas, b.localTime(1, 10), b.localTime(1, 12), 'Design review', { project: relaunch, tags: [review] });
  b.entry(lena, b.minutesAgo(135), b.minutesAgo(90), 'Logo sketches', { project: rebrand, task: logo, tags: [deepWork] });
  b.entry(lena, b.minutesAgo(75), b.minutesAgo(45), 'Standup and planning', { project: relaunch, task: frontend, tags: [meeting] });
}

const PROJECT_WORDS = ['Website', 'Mobile App', 'Migration', 'Audit', 'Campaign', 'Support', 'Research', 'Onboarding', 'Redesign', 'Integration'];

/** One workspace with N active projects spread over clients, with optional tasks. */
function largeSeed(b: SeedBuilder, projects: number, clients: number, tasksPerProject: number): void {
  const owner = b.owner('Lena Fischer', 'lena.fischer@example.com');
  const workspace = b.workspace(`Large Workspace (${projects} projects)`, [owner]);
  const width = String(projects).length;
  const clientList = Array.from({ length: clients }, (_, i) => b.client(workspace, `Client ${String(i + 1).padStart(String(clients).length, '0')}`));
  const tags = Array.from({ length: 10 }, (_, i) => b.tag(workspace, `tag-${i + 1}`));
  for (let i = 0; i < projects; i += 1) {
    const project = b.project(workspace, `${PROJECT_WORDS[i % PROJECT_WORDS.length]} ${String(i + 1).padStart(width, '0')}`, {
      client: clientList.length > 0 ? clientList[i % clientList.length] : undefined,
      billable: i % 3 !== 0,
      color: '#03A9F4',
    });
    for (let t = 0; t < tasksPerProject; t += 1) b.task(project, `Task ${t + 1}`, { billable: t % 2 === 0 });
  }
  const firstProjects = b.state.projects.slice(0, 3);
  firstProjects.forEach((project, i) => b.entry(owner, b.localTime(1, 9 + 2 * i), b.localTime(1, 10 + 2 * i), `Work on ${project.name}`, { project, tags: tags.slice(i, i + 1) }));
}

export function buildState(spec: SeedSpec, options: SeedOptions): FakeState {
  const builder = new SeedBuilder(options);
  if (spec === 'small') smallSeed(builder);
  else if (spec === 'empty') emptySeed(builder);
  else largeSeed(builder, spec.projects, spec.clients ?? Math.min(Math.ceil(spec.projects / 25), 2000), spec.tasksPerProject ?? 0);
  return builder.state;
}

function count(value: unknown, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number ≥ 0`);
  return value;
}

/** A seed given as JSON or a CLI word: 'small', 'empty', or { projects, clients?, tasksPerProject? }. */
export function parseSeedSpec(value: unknown): SeedSpec {
  if (value === 'small' || value === 'empty') return value;
  if (typeof value === 'object' && value !== null) {
    const { projects, clients, tasksPerProject } = value as Record<string, unknown>;
    const spec = { projects: count(projects, 'projects'), clients: count(clients, 'clients'), tasksPerProject: count(tasksPerProject, 'tasksPerProject') };
    if (spec.projects !== undefined) return { ...spec, projects: spec.projects };
  }
  throw new Error(`unknown seed ${JSON.stringify(value)}: use "small", "empty" or {"projects": N, "clients"?: N, "tasksPerProject"?: N}`);
}
