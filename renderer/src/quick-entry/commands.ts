// Lines that act instead of adding an entry: a relative time alone ("-20m", "20 min ago") while a
// timer runs moves its start (the core's change-start); "fav 2" starts favourite 2 (a running timer
// is stopped first). Anything else is an entry for the quick-entry grammar.
import type { AppSnapshot } from '../../../shared/domain';
import { favouriteLabel } from '../../../shared/favourites';
import { parsePastMoment } from '../past-moment';

export type LineCommand =
  | { readonly kind: 'move-start'; readonly at: Date; readonly says: string }
  | { readonly kind: 'favourite'; readonly favouriteId: string; readonly position: number; readonly says: string }
  | { readonly kind: 'refused'; readonly message: string };

const FAVOURITE = /^fav(?:ou?rite)?\s*#?(\d{1,3})$/i;
/** Looks like "-20m", "-1h 30m" or "20 min ago"; only a line that reads wholly as one is a move. */
const RELATIVE = /^(?:-\s*\d|\d.*\bago$)/i;

export function lineCommand(line: string, snapshot: AppSnapshot, now: number, formatTime: (at: Date) => string): LineCommand | null {
  const text = line.trim();
  const favourite = FAVOURITE.exec(text);
  const running = snapshot.timer.status === 'running' ? snapshot.timer.entry : null;
  if (favourite) {
    const position = Number(favourite[1]);
    const favourites = snapshot.favourites ?? [];
    const chosen = favourites[position - 1];
    if (!chosen) return { kind: 'refused', message: favourites.length === 0 ? 'There are no favourites yet: pin one with "Add to favourites" in the popover.' : `There is no favourite ${position}: you have ${favourites.length} (fav 1${favourites.length > 1 ? `–fav ${favourites.length}` : ''}).` };
    if (chosen.problem) return { kind: 'refused', message: `Favourite ${position} cannot start: ${chosen.problem}` };
    const stops = running ? ` (stops “${running.description || 'no description'}”)` : '';
    return { kind: 'favourite', favouriteId: chosen.id, position, says: `Starts favourite ${position}: ${favouriteLabel(chosen)}${stops}` };
  }
  if (running && RELATIVE.test(text)) {
    const moment = parsePastMoment(text, now, snapshot.preferences.timeZone);
    // "-20m Writing" is an entry of 20 minutes ending now (the grammar's).
    if (!moment.ok) return null;
    return { kind: 'move-start', at: moment.at, says: `Moves the start of the running timer “${running.description || 'no description'}” to ${formatTime(moment.at)}; it keeps running.` };
  }
  return null;
}
