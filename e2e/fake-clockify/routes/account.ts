// The current user, their workspaces and the workspace's users.

import type { Route } from '../router';
import { ok, paged } from '../responses';
import { userView } from '../views';

export const accountRoutes: Route[] = [
  {
    method: 'GET', path: '/user',
    handler: ({ store, user, query }) => ok(userView(user, store.state, query.flag('include-memberships') ?? false)),
  },
  {
    // A bare array that ignores paging and sends no Last-Page.
    method: 'GET', path: '/workspaces',
    handler: ({ store, user }) => ok(store.workspacesOf(user)),
  },
  {
    method: 'GET', path: '/workspaces/:ws',
    handler: ({ store, user, param }) => ok(store.workspace(user, param('ws'))),
  },
  {
    method: 'GET', path: '/workspaces/:ws/users',
    handler: ({ store, user, param, query }) => {
      const workspace = store.workspace(user, param('ws'));
      const email = query.text('email')?.toLowerCase();
      const name = query.text('name')?.toLowerCase();
      const users = store.state.users.filter((u) =>
        store.isMember(workspace, u.id)
        && (email === undefined || u.email.toLowerCase().includes(email))
        && (name === undefined || u.name.toLowerCase().includes(name)));
      return paged(users, query, (u) => userView(u, store.state, false));
    },
  },
];
