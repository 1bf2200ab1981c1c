// Reading fields of a JSON request body. A field of the wrong JSON type is a 400 (code 3000),
// as Jackson's failed deserialisation is on Clockify.

import { malformed } from './errors';

export type JsonObject = Record<string, unknown>;

export function requireObject(body: unknown): JsonObject {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw malformed('Required request body is missing or is not a JSON object');
  }
  return body as JsonObject;
}

function wrongType(key: string, expected: string, value: unknown): Error {
  return malformed(`JSON parse error: field '${key}' must be ${expected}, got ${JSON.stringify(value)}`);
}

/** undefined = absent, null = sent as null. */
export function stringField(body: JsonObject, key: string): string | null | undefined {
  const value = body[key];
  if (value === undefined || value === null || typeof value === 'string') return value;
  throw wrongType(key, 'a string', value);
}

export function booleanField(body: JsonObject, key: string): boolean | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'boolean') return value;
  throw wrongType(key, 'a boolean', value);
}

export function stringArrayField(body: JsonObject, key: string): string[] | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  throw wrongType(key, 'an array of strings', value);
}

export function objectArrayField(body: JsonObject, key: string): JsonObject[] | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value) && value.every((v) => typeof v === 'object' && v !== null && !Array.isArray(v))) return value as JsonObject[];
  throw wrongType(key, 'an array of objects', value);
}
