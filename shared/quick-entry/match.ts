// @project and #tag: words in any order, case and accents ignored, projects also by client name
// (shared/text-search.ts). An exact name wins over partial matches; otherwise exactly one item may
// match, and the error lists the candidates.
import type { ProjectOption, TagOption } from '../domain';
import { createSearchIndex, type SearchIndex } from '../text-search';

export type MatchResult<T> = { ok: true; item: T } | { ok: false; error: string; candidates: string[] };

const LISTED = 5;

// One index per catalog array: building it normalizes every name, which a keystroke should not repeat.
const projectIndexes = new WeakMap<readonly ProjectOption[], SearchIndex<ProjectOption>>();
const tagIndexes = new WeakMap<readonly TagOption[], SearchIndex<TagOption>>();

function indexFor<T extends object>(cache: WeakMap<readonly T[], SearchIndex<T>>, items: readonly T[], textOf: (item: T) => readonly string[]): SearchIndex<T> {
  let index = cache.get(items);
  if (!index) {
    index = createSearchIndex(items, textOf);
    cache.set(items, index);
  }
  return index;
}

export function projectLabel(project: ProjectOption): string {
  return project.clientName ? `${project.name} (${project.clientName})` : project.name;
}

function list(labels: readonly string[], total: number): string {
  return total > labels.length ? `${labels.join(', ')} and ${total - labels.length} more` : labels.join(', ');
}

interface Kind<T> {
  readonly sigil: '@' | '#';
  readonly one: string;
  readonly many: string;
  readonly label: (item: T) => string;
  readonly narrow: string;
  readonly none: (written: string) => string;
}

function matchOne<T>(query: string, index: SearchIndex<T>, kind: Kind<T>): MatchResult<T> {
  const written = `${kind.sigil}${/\s/.test(query) ? `"${query}"` : query}`;
  const hits = index.rankedSearch(query);
  const exact = hits.filter((hit) => hit.rank === 'exact');
  const chosen = exact.length > 0 ? exact : hits;
  if (chosen.length === 1) return { ok: true, item: (chosen[0] as (typeof chosen)[number]).item };
  if (chosen.length > 1) {
    const candidates = chosen.map((hit) => kind.label(hit.item));
    const shown = list(candidates.slice(0, LISTED), candidates.length);
    return { ok: false, error: `${written} matches ${chosen.length} ${kind.many}: ${shown}; ${kind.narrow}.`, candidates };
  }
  // Nothing matched all the words: offer what matches any one of them.
  const near = new Map<T, string>();
  for (const word of query.split(/\s+/)) {
    for (const item of index.search(word, LISTED)) if (near.size < LISTED) near.set(item, kind.label(item));
  }
  const candidates = [...near.values()];
  const closest = candidates.length > 0 ? ` (closest: ${candidates.join(', ')})` : '';
  return { ok: false, error: `No ${kind.one} matches ${written}${closest}; ${kind.none(written)}.`, candidates };
}

export function matchProject(query: string, projects: readonly ProjectOption[]): MatchResult<ProjectOption> {
  return matchOne(query, indexFor(projectIndexes, projects, (p) => [p.name, p.clientName]), {
    sigil: '@',
    one: 'project',
    many: 'projects',
    label: projectLabel,
    narrow: 'add a word of the name or the client to pick one',
    none: () => 'check the spelling, or put the description before the @project or quote it: @"Web App"',
  });
}

export function matchTag(query: string, tags: readonly TagOption[]): MatchResult<TagOption> {
  return matchOne(query, indexFor(tagIndexes, tags, (t) => [t.name]), {
    sigil: '#',
    one: 'tag',
    many: 'tags',
    label: (tag) => tag.name,
    narrow: 'write more of the name, or quote it: #"two words"',
    none: (written) => `check the spelling, create the tag in Clockify first, or write \\${written} to keep it in the description`,
  });
}
