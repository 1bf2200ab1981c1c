// What other accounts still have going, shown whichever account is active: a timer left running
// there (it can be stopped from here), and changes that wait for their own account (they are sent
// with its key, never with this one's).
import { useState } from 'react';
import type { AccountTimer, OtherAccountSync, Preferences } from '../../../shared/domain';
import { formatClockTime } from '../time-format';
import { Icon } from './Icon';
import { call, showToast } from './store';

/** "Running in Lena Fischer: “Logo sketches” since 9:10 · Stop": one timer for the person, whichever account shows. */
export function OtherAccountTimer({ timer, preferences }: { timer: AccountTimer; preferences: Preferences }) {
  const [stopping, setStopping] = useState(false);
  const who = timer.userName || timer.email;
  const stop = async () => {
    setStopping(true);
    const result = await call(() => window.clockify.stopTimerIn({ accountId: timer.accountId }));
    setStopping(false);
    if (!result.ok) showToast('error', result.error.message);
  };
  return (
    <div role="group" aria-label={`Timer running in ${who}`} className="banner note other-account">
      <Icon name="play" />
      <span>
        <strong>Running in {who}</strong> ({timer.email}): “{timer.entry.description || 'no description'}” since {formatClockTime(timer.entry.start, preferences.timeZone, preferences.timeFormat)}. Starting a timer here stops it.
      </span>
      <button type="button" className="link" disabled={stopping} aria-label={`Stop the timer in ${who}`} onClick={() => void stop()}>
        Stop
      </button>
    </div>
  );
}

function changes(count: number): string {
  return `${count} ${count === 1 ? 'change' : 'changes'}`;
}

/** "2 changes waiting for Lena Fischer (lena@…)": when and how they go, and what to do about refused ones. */
export function OtherAccountWaiting({ other }: { other: OtherAccountSync }) {
  const [switching, setSwitching] = useState(false);
  const who = other.userName ? `${other.userName} (${other.email})` : other.email;
  const switchTo = async () => {
    setSwitching(true);
    const result = await call(() => window.clockify.switchAccount({ accountId: other.accountId }));
    setSwitching(false);
    if (!result.ok) showToast('error', result.error.message);
  };
  const how = !other.online
    ? ': Clockify cannot be reached; they are kept and sent with that account’s key when it can.'
    : other.lastError
      ? `: ${other.lastError.replace(/\.?$/, '.')} They are kept and sent with that account’s key.`
      : ', being sent with that account’s key.';
  return (
    <div role="status" className="banner note other-account">
      <Icon name="pending" />
      <span>
        {other.pending > 0 && (
          <>
            <strong>
              {changes(other.pending)} waiting for {who}
            </strong>
            {how}{' '}
          </>
        )}
        {other.refused > 0 && (
          <>
            <strong>
              {changes(other.refused)} of {who} refused by Clockify
            </strong>
            : switch to that account to fix or discard {other.refused === 1 ? 'it' : 'them'}.
          </>
        )}
      </span>
      {other.refused > 0 && (
        <button type="button" className="link" disabled={switching} onClick={() => void switchTo()}>
          Switch
        </button>
      )}
    </div>
  );
}
