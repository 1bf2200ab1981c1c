// The focus mode (pomodoro) in the popover, while it is on: the countdown of the work round or the
// break, and the choices that fit (Take a break, Keep working, Back to work, Pause focus for a
// meeting, Resume focus). Nothing here stops a timer without the person's click.
import { useEffect, useState } from 'react';
import { countdownText, type FocusAction, type PomodoroView } from '../../../shared/pomodoro';
import { call, showToast, usePopover } from './store';
import './focus.css';

export function FocusBar() {
  const focus = usePopover((state) => state.snapshot?.pomodoro ?? null);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!focus || (focus.phase !== 'work' && focus.phase !== 'break')) return;
    const interval = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(interval);
  }, [focus]);
  if (!focus) return null;
  const act = async (action: FocusAction) => {
    const result = await call(() => window.clockify.focus({ action }));
    if (!result.ok) showToast('error', result.error.message);
  };
  const button = (action: FocusAction, label: string, primary = false) => (
    <button key={action} type="button" className={primary ? 'primary small' : 'quiet small'} onClick={() => void act(action)}>
      {label}
    </button>
  );
  return (
    <section className={`focus-bar phase-${focus.phase}`} aria-label="Focus mode">
      <span className="focus-text">{describe(focus, now)}</span>
      <span className="focus-actions">
        {focus.phase === 'work-over' && [button('break', 'Take a break', true), button('keep-working', 'Keep working')]}
        {(focus.phase === 'break' || focus.phase === 'break-over') && button('back-to-work', 'Back to work', focus.phase === 'break-over')}
        {(focus.phase === 'work' || focus.phase === 'work-over') && button('pause', 'Pause focus (meeting)')}
        {focus.phase === 'paused' && button('resume', 'Resume focus')}
      </span>
    </section>
  );
}

function describe(focus: PomodoroView, now: number): string {
  const round = `round ${focus.round} of ${focus.rounds}`;
  switch (focus.phase) {
    case 'ready':
      return `Focus mode: the next timer starts ${round}.`;
    case 'work':
      return `Focus ${countdownText(Date.parse(focus.endsAt) - now)} left · ${round}`;
    case 'work-over':
      return `Work time is up: time for a ${focus.longBreak ? 'long ' : ''}break. The timer keeps running until you choose.`;
    case 'break':
      return `${focus.longBreak ? 'Long break' : 'Break'} ${countdownText(Date.parse(focus.endsAt) - now)} left${focus.tracked ? ' (tracked)' : ''}`;
    case 'break-over':
      return 'Your break is over.';
    case 'paused':
      return 'Focus paused for this timer: no countdown until it stops.';
  }
}
