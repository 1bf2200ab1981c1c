// The fake's data. Entities are stored close to Clockify's wire shapes so tests can read and
// write them directly; fields Clockify derives (a project's clientName and duration, an entry's
// duration and rates) are computed when answering, in views.ts, so they can never go stale.

import type { RoleAssignment } from './roles';

export interface Rate {
  amount: number;
  currency: string;
}

export type MembershipStatus = 'PENDING' | 'ACTIVE' | 'DECLINED' | 'INACTIVE';

export interface Membership {
  userId: string;
  targetId: string;
  membershipType: 'WORKSPACE' | 'PROJECT' | 'USERGROUP';
  membershipStatus: MembershipStatus;
  hourlyRate: Rate | null;
  costRate: Rate | null;
}

export type Weekday = 'MONDAY' | 'TUESDAY' | 'WEDNESDAY' | 'THURSDAY' | 'FRIDAY' | 'SATURDAY' | 'SUNDAY';

export interface UserSettings {
  timeZone: string;
  timeFormat: 'HOUR12' | 'HOUR24';
  weekStart: Weekday;
  dateFormat: string;
  [setting: string]: unknown;
}

export interface User {
  id: string;
  email: string;
  name: string;
  status: 'ACTIVE' | 'PENDING_EMAIL_VERIFICATION' | 'DELETED' | 'NOT_REGISTERED' | 'LIMITED';
  profilePicture: string;
  activeWorkspace: string;
  /** Clockify omits it for some accounts; clients fall back to activeWorkspace. */
  defaultWorkspace?: string;
  settings: UserSettings;
  customFields: unknown[];
}

export interface WorkspaceSettings {
  forceProjects: boolean;
  forceTasks: boolean;
  forceTags: boolean;
  forceDescription: boolean;
  timeTrackingMode: 'DEFAULT' | 'STOPWATCH_ONLY';
  /** ISO instant before which entries are locked, or null. Shown, not enforced: see TimeEntry.isLocked. */
  lockTimeEntries: string | null;
  isProjectPublicByDefault: boolean;
  defaultBillableProjects: boolean;
  /** Members who are not admins may not create projects and clients / tags / tasks (roles.ts). */
  onlyAdminsCreateProject: boolean;
  onlyAdminsCreateTag: boolean;
  onlyAdminsCreateTask: boolean;
  [setting: string]: unknown;
}

export interface Workspace {
  id: string;
  name: string;
  hourlyRate: Rate;
  costRate: Rate;
  /** WORKSPACE memberships: who may use the workspace. */
  memberships: Membership[];
  workspaceSettings: WorkspaceSettings;
  imageUrl: string;
  featureSubscriptionType: string;
  features: string[];
  currencies: { id: string; code: string; isDefault: boolean }[];
  subdomain: { name: string | null; enabled: boolean };
  cakeOrganizationId: string;
}

export interface Client {
  id: string;
  workspaceId: string;
  name: string;
  archived: boolean;
  address: string | null;
  note: string | null;
  email: string | null;
  ccEmails: string[] | null;
  currencyId: string;
  currencyCode: string;
}

export interface Project {
  id: string;
  workspaceId: string;
  name: string;
  /** null = no client (answered as "" on the wire). */
  clientId: string | null;
  color: string;
  billable: boolean;
  public: boolean;
  archived: boolean;
  note: string;
  template: boolean;
  hourlyRate: Rate | null;
  costRate: Rate | null;
  estimate: { estimate: string; type: 'AUTO' | 'MANUAL' };
  timeEstimate: { active: boolean; estimate: string; includeNonBillable: boolean; resetOption: string | null; type: 'AUTO' | 'MANUAL' };
  budgetEstimate: unknown;
  estimateReset: unknown;
  memberships: Membership[];
}

export interface Task {
  id: string;
  projectId: string;
  name: string;
  status: 'ACTIVE' | 'DONE';
  billable: boolean;
  /** ISO-8601 duration, e.g. PT2H; PT0S = none. */
  estimate: string;
  assigneeId: string | null;
  assigneeIds: string[];
  userGroupIds: string[];
  budgetEstimate: number;
  hourlyRate: Rate | null;
  costRate: Rate | null;
}

export interface Tag {
  id: string;
  workspaceId: string;
  name: string;
  archived: boolean;
}

export interface CustomFieldValue {
  customFieldId: string;
  timeEntryId: string;
  value: unknown;
  name: string | null;
  type: string | null;
}

export interface TimeEntry {
  id: string;
  workspaceId: string;
  userId: string;
  description: string;
  projectId: string | null;
  taskId: string | null;
  /** null when the entry has no tags, as Clockify answers. */
  tagIds: string[] | null;
  billable: boolean;
  /** UTC, second precision, Z suffix. */
  start: string;
  /** null while running. */
  end: string | null;
  type: 'REGULAR' | 'BREAK' | 'HOLIDAY' | 'TIME_OFF';
  kioskId: string | null;
  /** A locked entry refuses edits and deletion with 403 code 1003. */
  isLocked: boolean;
  customFieldValues: CustomFieldValue[];
}

/** PENDING until the person finishes OAuth in the browser; FAILED when that OAuth failed. */
export type MatonConnectionStatus = 'ACTIVE' | 'PENDING' | 'FAILED';

/** One managed Clockify connection behind the Maton gateway; the oldest ACTIVE one is the default. */
export interface MatonConnection {
  id: string;
  /** The Clockify user behind it; null until its OAuth is finished. */
  userId: string | null;
  status: MatonConnectionStatus;
  app: string;
  /** ISO instants, as Maton writes them. */
  creationTime: string;
  lastUpdatedTime: string;
  /** The token in its connect URL (https://connect.maton.ai/?session_token=…). */
  sessionToken: string;
}

export interface FakeState {
  users: User[];
  /** API key → user id. */
  apiKeys: Record<string, string>;
  matonConnections: MatonConnection[];
  workspaces: Workspace[];
  clients: Client[];
  projects: Project[];
  tasks: Task[];
  tags: Tag[];
  timeEntries: TimeEntry[];
  /** Admin and manager roles per workspace (roles.ts); users without one are members. */
  roles: RoleAssignment[];
}
