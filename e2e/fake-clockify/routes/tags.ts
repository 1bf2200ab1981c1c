// /workspaces/{ws}/tags

import type { Tag } from '../model';
import type { Route } from '../router';
import type { Store } from '../store';
import { booleanField, requireObject, stringField } from '../body';
import { created, ok, paged } from '../responses';
import { removeWhere } from '../store';
import { requireMayCreate } from '../roles';
import { booleanMatcher, ensureUnique, nameMatcher, validName } from './common';

function tagName(name: string | null | undefined): string {
  return validName('Tag', name, 1, 100);
}

function ensureUniqueTag(store: Store, tag: Tag): void {
  ensureUnique('Tag', tag.name, (lower) => store.state.tags.some((t) =>
    t.id !== tag.id && t.workspaceId === tag.workspaceId && t.name.toLowerCase() === lower));
}

export const tagRoutes: Route[] = [
  {
    method: 'GET', path: '/workspaces/:ws/tags',
    handler: ({ store, user, param, query }) => {
      const workspace = store.workspace(user, param('ws'));
      const nameMatches = nameMatcher(query);
      const archivedMatches = booleanMatcher(query, 'archived');
      return paged(store.state.tags.filter((t) =>
        t.workspaceId === workspace.id && nameMatches(t.name) && archivedMatches(t.archived)), query, (t) => t);
    },
  },
  {
    method: 'POST', path: '/workspaces/:ws/tags',
    handler: ({ store, user, param, body }) => {
      const workspace = store.workspace(user, param('ws'));
      requireMayCreate(store.state, workspace, user, 'tag');
      const tag: Tag = { id: store.newId(), workspaceId: workspace.id, name: tagName(stringField(requireObject(body), 'name')), archived: false };
      ensureUniqueTag(store, tag);
      store.state.tags.push(tag);
      return created(tag);
    },
  },
  {
    method: 'GET', path: '/workspaces/:ws/tags/:id',
    handler: ({ store, user, param }) => ok(store.tag(store.workspace(user, param('ws')), param('id'))),
  },
  {
    // Changes only the fields sent. Inference: whoever may not create tags may not change them either.
    method: 'PUT', path: '/workspaces/:ws/tags/:id',
    handler: ({ store, user, param, body }) => {
      const workspace = store.workspace(user, param('ws'));
      requireMayCreate(store.state, workspace, user, 'tag');
      const tag = store.tag(workspace, param('id'));
      const fields = requireObject(body);
      const name = stringField(fields, 'name');
      const next: Tag = {
        ...tag,
        name: name === undefined ? tag.name : tagName(name),
        archived: booleanField(fields, 'archived') ?? tag.archived,
      };
      ensureUniqueTag(store, next);
      Object.assign(tag, next);
      return ok(tag);
    },
  },
  {
    // Inference: entries lose the tag (tagIds becomes null when none is left).
    method: 'DELETE', path: '/workspaces/:ws/tags/:id',
    handler: ({ store, user, param }) => {
      const tag = store.tag(store.workspace(user, param('ws')), param('id'));
      removeWhere(store.state.tags, (t) => t === tag);
      for (const entry of store.state.timeEntries) {
        if (!entry.tagIds?.includes(tag.id)) continue;
        const rest = entry.tagIds.filter((id) => id !== tag.id);
        entry.tagIds = rest.length > 0 ? rest : null;
      }
      return ok(tag);
    },
  },
];
