import { afterEach, describe, expect, it, vi } from 'vitest';
import { processEnvironment } from './process-environment';

describe('what the core takes from the environment', () => {
  afterEach(() => vi.unstubAllEnvs());

  it.each([
    ['nothing set', {}, { clockifyKey: undefined, matonKey: undefined, offsetHours: undefined }],
    ['both keys and an offset', { CLOCKIFY_API_KEY: 'ck', MATON_API_KEY: 'mk', CLOCKIFY_TZ_OFFSET: '-3' }, { clockifyKey: 'ck', matonKey: 'mk', offsetHours: -3 }],
    // `CLOCKIFY_API_KEY= clockify-tray`: set but empty is no key at all, never an empty one to sign in with.
    ['empty values', { CLOCKIFY_API_KEY: '', MATON_API_KEY: '', CLOCKIFY_TZ_OFFSET: '' }, { clockifyKey: undefined, matonKey: undefined, offsetHours: undefined }],
    ['only a Maton key', { MATON_API_KEY: 'mk' }, { clockifyKey: undefined, matonKey: 'mk', offsetHours: undefined }],
  ])('%s', (_name, env, expected) => {
    expect(processEnvironment(env)).toEqual(expected);
  });

  it('reads the process environment by default', () => {
    vi.stubEnv('CLOCKIFY_API_KEY', 'from-the-shell');
    vi.stubEnv('MATON_API_KEY', '');
    vi.stubEnv('CLOCKIFY_TZ_OFFSET', '2');
    expect(processEnvironment()).toEqual({ clockifyKey: 'from-the-shell', matonKey: undefined, offsetHours: 2 });
  });

  it('a malformed offset is refused with what to write instead', () => {
    expect(() => processEnvironment({ CLOCKIFY_TZ_OFFSET: '+2:30' })).toThrow('CLOCKIFY_TZ_OFFSET must be whole hours from -12 to 14 (for example -3), not "+2:30"');
  });
});
