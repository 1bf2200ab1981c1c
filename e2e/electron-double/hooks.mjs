/* global URL */
// Node module hooks for the boot test: `electron` resolves to the double, `@napi-rs/keyring` to a
// spy that records each keychain call (then does the real thing) so start-up order can be asserted.
const here = new URL('.', import.meta.url);

export async function resolve(specifier, context, nextResolve) {
  // Handed on (not short-circuited) so that tsx, registered before, loads the TypeScript.
  if (specifier === 'electron') return nextResolve(new URL('electron.ts', here).href, context);
  if (specifier === '@napi-rs/keyring' && !context.parentURL?.includes('/keyring-spy.ts')) return nextResolve(new URL('keyring-spy.ts', here).href, context);
  return nextResolve(specifier, context);
}
