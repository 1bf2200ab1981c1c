// One running timer for the person, across accounts: a timer left running in an account that is
// not active stays known (from that account's entries and pending changes), so the popover can show
// it and stop it, and starting a timer in the active account stops it first.
import type { AccountTimer } from '../../shared/domain';
import type { AccountRecord } from '../../shared/settings';
import { timerOf } from './entry-model';
import type { EntryStore } from './entry-store';

/** Timers running in accounts other than the active one (by the rule, at most one). */
export function timersInOtherAccounts(entries: EntryStore, accounts: readonly AccountRecord[], activeId: string | null): AccountTimer[] {
  return accounts
    .filter((account) => account.id !== activeId)
    .flatMap((account) => {
      const timer = timerOf(entries.viewOf(account.id), entries.scope(account.id).intents);
      return timer.status === 'running' ? [{ accountId: account.id, userName: account.userName, email: account.email, entry: timer.entry }] : [];
    });
}
