// Today's and this week's work against the goals set in Settings: a number, and a bar when a goal is set.
import type { CSSProperties } from 'react';
import { formatDuration } from '../time-format';

export function GoalProgress({ label, seconds, goalMinutes }: { label: string; seconds: number; goalMinutes: number }) {
  const total = formatDuration(seconds);
  if (goalMinutes <= 0) {
    return (
      <span className="goal" aria-label={`${label} ${total}`}>
        <span className="goal-label">{label}</span> <strong>{total}</strong>
      </span>
    );
  }
  const goal = formatDuration(goalMinutes * 60);
  const ratio = seconds / (goalMinutes * 60);
  const reached = ratio >= 1;
  return (
    <span className={`goal${reached ? ' reached' : ''}`}>
      <span aria-hidden="true">
        <span className="goal-label">{label}</span> <strong>{total}</strong>
        <span className="muted"> / {goal}</span>
      </span>
      <span
        className="goal-bar"
        role="meter"
        aria-label={`${label} ${total} of ${goal} goal${reached ? ', reached' : ''}`}
        aria-valuemin={0}
        aria-valuemax={goalMinutes * 60}
        aria-valuenow={Math.min(seconds, goalMinutes * 60)}
        aria-valuetext={`${total} of ${goal}`}
        style={{ '--progress': `${Math.min(100, ratio * 100)}%` } as CSSProperties}
      />
    </span>
  );
}
