// A user intent, written to the journal before anything is sent. Intents refer to entries by key:
// the server id for entries first seen on the server, a local key (`l-…`) for entries made here,
// mapped to the server id once the server confirms them.
import type { CustomFieldValue, EntryDraft, EntryType } from '../../shared/domain';

/** An entry's whole content: a replacement (PUT) sends all of it, or Clockify clears what is left out. */
export interface EntryFields extends EntryDraft {
  readonly workspaceId: string;
  readonly start: string;
  readonly end: string | null;
  readonly type: EntryType;
  readonly customFields: readonly CustomFieldValue[];
}

interface IntentBase {
  readonly id: string;
  readonly key: string;
  readonly workspaceId: string;
  /**
   * The account that made it (its keychain entry's name): it is sent with that account's key only.
   * Set when written to the journal; journals from before it was kept belong to the account active at load.
   */
  readonly accountId?: string;
  /** When the user did it (ms since epoch). */
  readonly at: number;
  /** Set once the server refused it for good: the reason, in words. Such an intent waits for the user. */
  readonly problem?: { readonly reason: string; readonly status: number | null };
  /**
   * Set (to the time) when a create may have reached the server without an answer. Before sending
   * it again, the outbox waits a grace period (a slow request can still land) and then looks for it.
   */
  readonly uncertainSince?: number;
}

export type Intent =
  | (IntentBase & { readonly kind: 'create'; readonly fields: EntryFields })
  | (IntentBase & { readonly kind: 'stop'; readonly end: string })
  | (IntentBase & { readonly kind: 'update'; readonly fields: EntryFields })
  | (IntentBase & { readonly kind: 'delete' });

export type IntentKind = Intent['kind'];

export function describeIntent(intent: Intent): string {
  switch (intent.kind) {
    case 'create':
      return intent.fields.end === null ? 'Start timer' : 'Add entry';
    case 'stop':
      return 'Stop timer';
    case 'update':
      return 'Edit entry';
    case 'delete':
      return 'Delete entry';
  }
}
