// Real time that a test can move forward ("the laptop slept for 45 minutes") while real timers run.
import { systemClock, type Clock } from '../../electron/core/clock';

export class ShiftedClock implements Clock {
  private offset = 0;

  now(): number {
    return Date.now() + this.offset;
  }

  setTimeout(fn: () => void, ms: number): () => void {
    return systemClock.setTimeout(fn, ms);
  }

  advance(ms: number): void {
    this.offset += ms;
  }
}
