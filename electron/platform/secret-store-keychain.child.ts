// Run by secret-store.test.ts in a child process whose D-Bus session address points nowhere, so
// it sees the keychain as a user without a Secret Service would. Prints one JSON report.
//
//   node --import tsx secret-store-keychain.child.ts <service> <secret>

import { KeychainUnavailableError } from './secret-store';
import { createKeychainSecretStore, probeKeychain } from './secret-store-keychain';

interface Outcome {
  ok: boolean;
  value?: unknown;
  name?: string;
  isKeychainUnavailable?: boolean;
  /** Everything about the error that could reach a log or the UI. */
  text?: string;
}

async function attempt(run: () => Promise<unknown>): Promise<Outcome> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    const err = error as Error & { detail?: string };
    return {
      ok: false,
      name: err.name,
      isKeychainUnavailable: error instanceof KeychainUnavailableError,
      text: [String(err), err.message, err.stack, err.detail, JSON.stringify(err), String(err.cause)].join('\n'),
    };
  }
}

const [service = 'com.clockifytray.app.test', secret = 'not-a-real-key'] = process.argv.slice(2);
const store = createKeychainSecretStore(service);
const report = {
  set: await attempt(() => store.set('work', secret)),
  get: await attempt(() => store.get('work')),
  delete: await attempt(() => store.delete('work')),
  probe: await probeKeychain(service),
};
process.stdout.write(JSON.stringify(report));
