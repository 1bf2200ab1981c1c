// The favourites at the head of the popover: one click (or Enter) starts one, a running timer is
// stopped first. "Arrange" shows, for each, Move up / Move down, its own global shortcut and Remove,
// all keyboard reachable. A favourite whose project is gone says so and starts nothing.
import { useEffect, useState } from 'react';
import { favouriteLabel, type FavouriteView } from '../../../shared/favourites';
import type { Result } from '../../../shared/domain';
import { Icon } from './Icon';
import { ShortcutField } from './ShortcutField';
import { call, focusDescription, showToast, usePopover } from './store';
import './favourites.css';

export function Favourites() {
  const favourites = usePopover((state) => state.snapshot?.favourites ?? []);
  const [arranging, setArranging] = useState(false);
  /**
   * After a move, the same button keeps the focus (the item moved under it): once the snapshot shows
   * the favourite at its new place, which may come before or after the move's answer.
   */
  const [refocus, setRefocus] = useState<Refocus | null>(null);
  useEffect(() => {
    if (!refocus || favourites.find((favourite) => favourite.id === refocus.favouriteId)?.position !== refocus.position) return;
    document.querySelector<HTMLButtonElement>(`[data-refocus="${refocus.favouriteId}-${refocus.button}"]`)?.focus();
    setRefocus(null);
  }, [favourites, refocus]);
  if (favourites.length === 0) return null;
  return (
    <section className={`favourites${arranging ? ' arranging' : ''}`} aria-label="Favourites">
      <div className="favourites-head">
        <h2>Favourites</h2>
        <button type="button" className="link small" aria-label="Arrange favourites" aria-pressed={arranging} onClick={() => setArranging(!arranging)}>
          {arranging ? 'Done' : 'Arrange'}
        </button>
      </div>
      <ul className="favourite-list" aria-label="Favourites">
        {favourites.map((favourite) => (
          <FavouriteItem key={favourite.id} favourite={favourite} count={favourites.length} arranging={arranging} moved={setRefocus} />
        ))}
      </ul>
    </section>
  );
}

interface Refocus {
  readonly favouriteId: string;
  /** Where the favourite moved to. */
  readonly position: number;
  readonly button: 'up' | 'down';
}

function FavouriteItem({ favourite, count, arranging, moved }: { favourite: FavouriteView; count: number; arranging: boolean; moved: (refocus: Refocus) => void }) {
  const label = favouriteLabel(favourite);
  const [problem, setProblem] = useState<string | null>(null);
  const said = (result: Result<null>) => {
    setProblem(result.ok ? null : result.error.message);
    return result.ok;
  };
  const begin = async () => {
    const result = await call(() => window.clockify.startFavourite({ favouriteId: favourite.id }));
    if (!result.ok) return showToast('error', result.error.message);
    focusDescription();
  };
  const move = async (direction: 'up' | 'down') => {
    if (said(await call(() => window.clockify.moveFavourite({ favouriteId: favourite.id, direction })))) {
      const next = favourite.position + (direction === 'up' ? -1 : 1);
      // At an end, the button is disabled: the focus goes to the other one.
      const atEnd = (direction === 'up' && next === 1) || (direction === 'down' && next === count);
      moved({ favouriteId: favourite.id, position: next, button: atEnd ? (direction === 'up' ? 'down' : 'up') : direction });
    }
  };
  const remove = async () => {
    if (said(await call(() => window.clockify.removeFavourite({ favouriteId: favourite.id })))) showToast('info', `Removed the favourite “${label}”.`);
  };
  const descriptionId = `favourite-${favourite.id}`;
  return (
    <li className={`favourite${favourite.problem ? ' unavailable' : ''}`}>
      <button type="button" className="favourite-start" aria-label={`Favourite ${favourite.position}: ${label}`} aria-describedby={favourite.problem ? `${descriptionId}-problem` : undefined} onClick={() => void begin()}>
        <span className="favourite-number" aria-hidden="true">
          {favourite.position}
        </span>
        {favourite.projectColor && <span className="dot" style={{ background: favourite.projectColor }} aria-hidden="true" />}
        <span className="favourite-text" id={descriptionId}>
          <span className="favourite-description">{favourite.description || '(no description)'}</span>
          {favourite.projectName && <span className="favourite-project">{favourite.projectName}</span>}
        </span>
      </button>
      {favourite.problem && (
        <p className="favourite-problem" id={`${descriptionId}-problem`}>
          {favourite.problem}
        </p>
      )}
      {problem && (
        <p role="alert" className="favourite-problem">
          {problem}
        </p>
      )}
      {arranging && (
        <div className="favourite-tools" role="group" aria-label={`Arrange favourite ${favourite.position}`}>
          <button type="button" className="quiet small" data-refocus={`${favourite.id}-up`} disabled={favourite.position === 1} aria-describedby={descriptionId} onClick={() => void move('up')}>
            Move up
          </button>
          <button type="button" className="quiet small" data-refocus={`${favourite.id}-down`} disabled={favourite.position === count} aria-describedby={descriptionId} onClick={() => void move('down')}>
            Move down
          </button>
          <button type="button" className="quiet small danger" aria-describedby={descriptionId} onClick={() => void remove()}>
            Remove
          </button>
          <ShortcutField
            label={`Shortcut for favourite ${favourite.position}`}
            value={favourite.shortcut}
            problem={favourite.shortcutProblem}
            onChange={(accelerator) => void call(() => window.clockify.setFavouriteShortcut({ favouriteId: favourite.id, shortcut: accelerator })).then(said)}
          />
        </div>
      )}
    </li>
  );
}

/** "Add to favourites" (a star) for the running timer or an entry of the list. */
export function AddToFavourites({ entryKey, describedBy }: { entryKey: string; describedBy?: string }) {
  const add = async () => {
    const result = await call(() => window.clockify.addFavourite({ entryKey }));
    showToast(result.ok ? 'info' : 'error', result.ok ? 'Added to favourites: it heads the popover and the tray menu.' : result.error.message);
  };
  return (
    <button type="button" className="icon-button" aria-label="Add to favourites" title="Add to favourites" aria-describedby={describedBy} onClick={() => void add()}>
      <Icon name="star" />
    </button>
  );
}
