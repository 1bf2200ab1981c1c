// @napi-rs/keyring loads a native binding for this platform and architecture when it is first
// imported. A static import would run that at start-up, and a missing or broken binding (a dmg
// built on the other Mac architecture, a damaged install) would kill the main module before the
// tray exists. It is imported on first use instead, and its failure becomes KeychainUnavailableError:
// the app then keeps the key in memory for the session and says why, as it does without a keychain.
import type { AsyncEntry } from '@napi-rs/keyring';
import { KeychainUnavailableError } from './secret-store';

/** The part of @napi-rs/keyring the keychain store uses. */
export interface KeyringBinding {
  readonly AsyncEntry: typeof AsyncEntry;
}

/**
 * A function that imports the binding once and returns it; a failure is remembered and reported
 * every time as KeychainUnavailableError. `importBinding` is for tests.
 */
export function lazyKeyringBinding(importBinding: () => Promise<KeyringBinding> = () => import('@napi-rs/keyring')): () => Promise<KeyringBinding> {
  let loading: Promise<KeyringBinding> | null = null;
  return () => {
    loading ??= importBinding().then(
      (binding) => {
        if (typeof binding?.AsyncEntry !== 'function') throw new Error('the module has no AsyncEntry');
        return binding;
      },
    ).catch((error: unknown) => {
      // The loader's own message is long (every candidate path it tried): its first line says enough.
      const detail = (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
      throw new KeychainUnavailableError(detail, bindingMissingMessage());
    });
    return loading;
  };
}

function bindingMissingMessage(): string {
  return (
    `This copy of Clockify Tray cannot use the system keychain: its keychain module for ${process.platform}-${process.arch} did not load. ` +
    'Reinstall the package built for this computer (on a Mac, the dmg for Apple silicon or for Intel)'
  );
}
