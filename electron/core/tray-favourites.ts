// The favourites at the head of the tray menu: one click starts one (a running timer stops first).
import type { AppSnapshot } from '../../shared/domain';
import { favouriteLabel } from '../../shared/favourites';
import type { TrayMenuItem } from './tray-view';

/** At most this many in the menu (the popover shows them all). */
const IN_MENU = 9;

export function favouriteTrayItems(snapshot: AppSnapshot, truncate: (text: string, max: number) => string): TrayMenuItem[] {
  if (snapshot.account.status !== 'signed-in') return [];
  const favourites = (snapshot.favourites ?? []).slice(0, IN_MENU);
  if (favourites.length === 0) return [];
  return [
    ...favourites.map((favourite): TrayMenuItem => ({
      type: 'command',
      // A favourite that cannot start says why in its label and stays greyed out.
      label: `★ ${truncate(favouriteLabel(favourite), 48)}${favourite.problem ? ' (project archived or deleted)' : ''}`,
      command: { kind: 'favourite', favouriteId: favourite.id },
      enabled: favourite.problem === null,
    })),
    { type: 'separator' },
  ];
}
