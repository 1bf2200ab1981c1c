// Small pieces the catalog routes (projects, clients, tags, tasks) share.

import type { Query } from '../query';
import { invalid } from '../errors';

/** `name` filter: substring, or whole name with strict-name-search=true; case-insensitive. */
export function nameMatcher(query: Query): (name: string) => boolean {
  const wanted = query.text('name')?.toLowerCase();
  if (wanted === undefined) return () => true;
  return query.flag('strict-name-search')
    ? (name) => name.toLowerCase() === wanted
    : (name) => name.toLowerCase().includes(wanted);
}

/** A boolean filter: absent = everything, true/false = only items with that value. */
export function booleanMatcher(query: Query, parameter: string): (value: boolean) => boolean {
  const wanted = query.flag(parameter);
  return wanted === undefined ? () => true : (value) => value === wanted;
}

/** A name as the spec bounds it (trimmed), e.g. projects 2–250 characters. */
export function validName(entity: string, name: string | null | undefined, min: number, max: number): string {
  const trimmed = name?.trim() ?? '';
  if (trimmed.length < min || trimmed.length > max) {
    throw invalid(`${entity} name has to be between ${min} and ${max} characters long`);
  }
  return trimmed;
}

/** Names are unique per workspace (projects: per client); inference from Clockify's UI. */
export function ensureUnique(entity: string, name: string, taken: (lowerCaseName: string) => boolean): void {
  if (taken(name.toLowerCase())) throw invalid(`${entity} with name '${name}' already exists`);
}
