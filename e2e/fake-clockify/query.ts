// Reading query parameters the way Clockify's Spring MVC does: a value that cannot be converted
// is a 400 (code 3000) whose message echoes it; unknown parameters are silently ignored.

import { malformed } from './errors';

// Spring's StringToBooleanConverter, which the API runs on.
const TRUE = new Set(['true', 'on', 'yes', '1']);
const FALSE = new Set(['false', 'off', 'no', '0']);

function conversionError(name: string, javaType: string, detail: string): Error {
  return malformed(`Method parameter '${name}': Failed to convert value of type 'java.lang.String' to required type '${javaType}'; ${detail}`);
}

export class Query {
  constructor(private readonly params: URLSearchParams) {}

  /** A text parameter; an empty value counts as absent. */
  text(name: string): string | undefined {
    return this.params.get(name) || undefined;
  }

  flag(name: string): boolean | undefined {
    const value = this.text(name);
    if (value === undefined) return undefined;
    const lower = value.toLowerCase();
    if (TRUE.has(lower)) return true;
    if (FALSE.has(lower)) return false;
    throw conversionError(name, 'java.lang.Boolean', `Invalid boolean value [${value}]`);
  }

  integer(name: string): number | undefined {
    const value = this.text(name);
    if (value === undefined) return undefined;
    if (!/^[+-]?\d{1,9}$/.test(value)) throw conversionError(name, 'int', `For input string: "${value}"`);
    return Number(value);
  }

  /** A list given as repeated parameters, comma-separated values, or both. */
  list(name: string): string[] | undefined {
    const values = this.params.getAll(name).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
    return values.length > 0 ? values : undefined;
  }
}
