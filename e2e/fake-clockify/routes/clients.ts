// /workspaces/{ws}/clients

import type { Client } from '../model';
import type { Route } from '../router';
import { requireMayCreate } from '../roles';
import type { Store } from '../store';
import { booleanField, requireObject, stringArrayField, stringField } from '../body';
import { created, ok, paged } from '../responses';
import { removeWhere } from '../store';
import { booleanMatcher, ensureUnique, nameMatcher, validName } from './common';

function clientName(name: string | null | undefined): string {
  return validName('Client', name, 1, 100);
}

function ensureUniqueClient(store: Store, client: Pick<Client, 'id' | 'workspaceId' | 'name'>): void {
  ensureUnique('Client', client.name, (lower) => store.state.clients.some((c) =>
    c.id !== client.id && c.workspaceId === client.workspaceId && c.name.toLowerCase() === lower));
}

export const clientRoutes: Route[] = [
  {
    // Archived clients are listed unless archived=false.
    method: 'GET', path: '/workspaces/:ws/clients',
    handler: ({ store, user, param, query }) => {
      const workspace = store.workspace(user, param('ws'));
      const nameMatches = nameMatcher(query);
      const archivedMatches = booleanMatcher(query, 'archived');
      return paged(store.state.clients.filter((c) =>
        c.workspaceId === workspace.id && nameMatches(c.name) && archivedMatches(c.archived)), query, (c) => c);
    },
  },
  {
    method: 'POST', path: '/workspaces/:ws/clients',
    handler: ({ store, user, param, body }) => {
      const workspace = store.workspace(user, param('ws'));
      requireMayCreate(store.state, workspace, user, 'client');
      const fields = requireObject(body);
      const currency = workspace.currencies.find((c) => c.isDefault) ?? workspace.currencies[0];
      const client: Client = {
        id: store.newId(),
        workspaceId: workspace.id,
        name: clientName(stringField(fields, 'name')),
        archived: false,
        address: stringField(fields, 'address') ?? null,
        note: stringField(fields, 'note') ?? null,
        email: stringField(fields, 'email') ?? null,
        ccEmails: null,
        currencyId: currency?.id ?? '',
        currencyCode: currency?.code ?? workspace.hourlyRate.currency,
      };
      ensureUniqueClient(store, client);
      store.state.clients.push(client);
      return created(client);
    },
  },
  {
    method: 'GET', path: '/workspaces/:ws/clients/:id',
    handler: ({ store, user, param }) => ok(store.client(store.workspace(user, param('ws')), param('id'))),
  },
  {
    // Changes only the fields sent.
    method: 'PUT', path: '/workspaces/:ws/clients/:id',
    handler: ({ store, user, param, body }) => {
      const client = store.client(store.workspace(user, param('ws')), param('id'));
      const fields = requireObject(body);
      const name = stringField(fields, 'name');
      const next: Client = {
        ...client,
        name: name === undefined ? client.name : clientName(name),
        address: stringField(fields, 'address') ?? client.address,
        note: stringField(fields, 'note') ?? client.note,
        email: stringField(fields, 'email') ?? client.email,
        ccEmails: stringArrayField(fields, 'ccEmails') ?? client.ccEmails,
        archived: booleanField(fields, 'archived') ?? client.archived,
      };
      ensureUniqueClient(store, next);
      Object.assign(client, next);
      return ok(client);
    },
  },
  {
    // Inference: the client's projects stay, without a client.
    method: 'DELETE', path: '/workspaces/:ws/clients/:id',
    handler: ({ store, user, param }) => {
      const client = store.client(store.workspace(user, param('ws')), param('id'));
      removeWhere(store.state.clients, (c) => c === client);
      for (const project of store.state.projects) {
        if (project.clientId === client.id) project.clientId = null;
      }
      return ok(client);
    },
  },
];
