import { parseOffsetVariable } from '../../shared/time/zone';
import type { AppCoreOptions } from './app-core';

/** What the core takes from the environment: first-run keys and CLOCKIFY_TZ_OFFSET. */
export function processEnvironment(env: NodeJS.ProcessEnv = process.env): AppCoreOptions['environment'] {
  return {
    clockifyKey: env.CLOCKIFY_API_KEY || undefined,
    matonKey: env.MATON_API_KEY || undefined,
    offsetHours: parseOffsetVariable(env.CLOCKIFY_TZ_OFFSET),
  };
}
