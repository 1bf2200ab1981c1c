import type { ClientClock } from './clock';

/**
 * A sliding-window limiter: at most `limit` requests start in any `windowMs`. Clockify documents
 * 50 req/s for add-ons and the Maton gateway; clockify-cli holds API keys to the same.
 */
export class RateLimiter {
  private readonly starts: number[] = [];
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly clock: ClientClock,
    private readonly limit = 50,
    private readonly windowMs = 1000,
  ) {}

  /** Resolves when one more request may start. Callers are served in order. */
  take(): Promise<void> {
    const turn = this.queue.then(() => this.waitForSlot());
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private async waitForSlot(): Promise<void> {
    for (;;) {
      const now = this.clock.now();
      while (this.starts.length > 0 && this.starts[0]! <= now - this.windowMs) this.starts.shift();
      if (this.starts.length < this.limit) {
        this.starts.push(now);
        return;
      }
      await this.clock.sleep(this.starts[0]! + this.windowMs - now);
    }
  }
}
