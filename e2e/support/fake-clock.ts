// A clock for the core that moves only when a test says so. Timers run in time order.
import type { Clock } from '../../electron/core/clock';

interface Pending {
  readonly at: number;
  readonly seq: number;
  readonly fn: () => void;
}

export class FakeClock implements Clock {
  private time: number;
  private seq = 0;
  private pending: Pending[] = [];

  constructor(start: Date | string | number) {
    this.time = new Date(start).getTime();
  }

  now(): number {
    return this.time;
  }

  setTimeout(fn: () => void, ms: number): () => void {
    const timer = { at: this.time + Math.max(0, ms), seq: this.seq++, fn };
    this.pending.push(timer);
    return () => {
      this.pending = this.pending.filter((candidate) => candidate !== timer);
    };
  }

  /** Timers waiting to run. */
  get scheduled(): number {
    return this.pending.length;
  }

  /** Moves time forward by `ms`, running each due timer at its own moment and letting promises settle between. */
  async advance(ms: number): Promise<void> {
    const until = this.time + ms;
    for (;;) {
      await settle();
      const next = this.pending.filter((timer) => timer.at <= until).sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (!next) break;
      this.pending = this.pending.filter((timer) => timer !== next);
      this.time = next.at;
      next.fn();
    }
    this.time = until;
    await settle();
  }

  /** Time passes and no timer runs (the computer asleep): they run late, at the next advance. */
  sleep(ms: number): void {
    this.time += ms;
  }
}

/** Lets queued promise callbacks (and a few I/O turns) run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
}
