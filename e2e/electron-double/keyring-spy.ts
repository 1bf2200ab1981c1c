// The real @napi-rs/keyring, with each keychain call recorded in the double's log first.
import { createRequire } from 'node:module';
import type * as Keyring from '@napi-rs/keyring';
import { record } from './world';

const real = createRequire(import.meta.url)('@napi-rs/keyring') as typeof Keyring;

export class AsyncEntry extends real.AsyncEntry {
  override getPassword(...args: Parameters<InstanceType<typeof real.AsyncEntry>['getPassword']>) {
    record('keychain:get');
    return super.getPassword(...args);
  }
  override setPassword(...args: Parameters<InstanceType<typeof real.AsyncEntry>['setPassword']>) {
    record('keychain:set');
    return super.setPassword(...args);
  }
  override deletePassword(...args: Parameters<InstanceType<typeof real.AsyncEntry>['deletePassword']>) {
    record('keychain:delete');
    return super.deletePassword(...args);
  }
}
export const { Entry } = real;
